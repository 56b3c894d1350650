export { ServerApi } from './server-api.ts';
export type {
  Fetcher, HistoryEntry, RulebookFileEntry, RulebookSource, ServerIssue, ServerIssueCode, ServerResult,
} from './server-api.ts';
