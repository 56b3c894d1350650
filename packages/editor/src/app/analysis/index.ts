export { AnalysisClient } from './analysis-client.ts';
export type {
  AnalysisListener, AnalysisOutcome, AnalysisProgress, AnalysisRequest, AnalysisRun, JobStarted, RulebookReference,
} from './analysis-client.ts';
export { EventStreamParser } from './event-stream-parser.ts';
export type { ServerSentMessage } from './event-stream-parser.ts';
export { SUMMARY_FIELDS, decodeCompareReport, decodeReplayReport } from './analysis-reports.ts';
export type {
  CompareReport, CompareRulebook, CompareVerdict, JsonValue, PartySummary, ReplayReport, SourcePoint, SummaryDiff, SummaryField,
  SummaryYear, VerdictCounts, VerdictDiff, VerdictEntry,
} from './analysis-reports.ts';
