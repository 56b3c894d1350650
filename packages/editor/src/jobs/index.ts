export { DEFAULT_JOB_LIMITS, Job, JobPool, JobRefused } from './job-pool.ts';
export type { JobLimits, JobState, JobResult, JobProgress, JobRequest } from './job-pool.ts';
export type {
  AnalysisKind, RulebookChoice, AnalysisWork, AefJobQuery, DiffWitnessSettings, JobFailure, WorkerMessage, ServerMessage,
} from './job-protocol.ts';
export { CheckPool, DEFAULT_CHECK_LIMITS } from './check-pool.ts';
export type { CheckLimits } from './check-pool.ts';
export type { CheckRequest, CheckOutcome, CheckReply } from './check-protocol.ts';
