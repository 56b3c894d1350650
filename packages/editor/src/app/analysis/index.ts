export { AnalysisClient } from './analysis-client.ts';
export type {
  AnalysisListener, AnalysisOutcome, AnalysisProgress, AnalysisRequest, AnalysisRun, JobStarted, RulebookReference,
} from './analysis-client.ts';
export { EventStreamParser } from './event-stream-parser.ts';
export type { ServerSentMessage } from './event-stream-parser.ts';
export { decodeCompareReport, decodeReplayReport } from './report-decoders.ts';
export { decodeDiffReport, type DiffRequest } from './diff-request.ts';
