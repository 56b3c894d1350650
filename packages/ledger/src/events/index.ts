export { EVENT_TYPES } from './types.ts';
export type {
  PartyCode, AccountRef, Timestamp, UnitRange, Purpose, FirstTransferDefinition, Ndc, EventPayloads,
  EventType, HistoryEvent, EventOf, StoredEvent,
} from './types.ts';
export { canonicalJson, sortedJson, sha256Hex } from './canonical-json.ts';
export {
  eventHash, eventDigests, eventContent, chainEvents, chainHead, toHistoryEvent, GENESIS_PREV,
} from './hash-chain.ts';
export { isHistoryDate, isHistoryTimestamp, instantOf, dayOf, isOnOrBefore } from './timestamp.ts';
export { formatHistoryIssue, MAX_HISTORY_ISSUES, HistoryIssueLog } from './history-issue.ts';
export type { HistoryIssueCode, HistoryIssue } from './history-issue.ts';
export { payloadSchema, lineSchema, schemaMatchesTypes } from './event-schema.ts';
export type { PayloadSchemas, SchemaPayloads } from './event-schema.ts';
export { isSkippedLine, parseHistoryLine, parseHistoryLineWithSchema, deriveEventId } from './parse-history-line.ts';
export type { ParsedLine } from './parse-history-line.ts';
export { HistoryChecker } from './history-checker.ts';
export { decodeHistoryLine } from './decode-history-line.ts';
export { decodeHistoryStream, decodeHistoryLines } from './decode-history.ts';
export type { DecodedEvent, DecodeOptions, HistoryValidation, HistoryDecoding } from './decode-history.ts';
export { verifyChain } from './verify-chain.ts';
export type { ChainBreak, ChainVerification } from './verify-chain.ts';
export { registryOf } from './account-ref.ts';
export { ChainHead } from './chain-head.ts';
export { HistoryBatches, foldHistory } from './history-source.ts';
export type { HistorySource } from './history-source.ts';
