export { ServerApi, authorization, failure, isRecord, serverRefusal } from './server-api.ts';
export type {
  Fetcher, HistoryEntry, RulebookFileEntry, RulebookSource, SavedRulebook, ServerIssue, ServerIssueCode, ServerResult, TokenSource,
} from './server-api.ts';
