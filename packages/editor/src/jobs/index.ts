export { DEFAULT_JOB_LIMITS, Job, JobPool, JobRefused } from './job-pool.ts';
export type { JobLimits, JobState, JobResult, JobProgress, JobRequest } from './job-pool.ts';
export type {
  AnalysisKind, RulebookChoice, AnalysisWork, AefJobQuery, DiffWitnessSettings, JobFailure, WorkerMessage, ServerMessage,
} from './job-protocol.ts';
