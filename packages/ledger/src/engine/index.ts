export { replay, replaySync } from './replay.ts';
export type { ReplayProgress, ReplayOptions, ReplayOutcome } from './replay.ts';
export { ReplayEngine } from './replay-engine.ts';
export type { ReplayEngineOptions } from './replay-engine.ts';
export type { VerdictEntry } from './verdict-entry.ts';
export { INTEGRITY_CODES, INTEGRITY_FINDING_CODES } from './integrity-codes.ts';
export type { IntegrityCode, IntegrityFindingCode } from './integrity-codes.ts';
export {
  EventRecord, AccountRecord, ActivityRecord, AuthorizationRecord, NdcRecord, PartyRecord, UnitRecord,
} from './context-records.ts';
export type { RecordSource } from './context-records.ts';
export { isA64Unit, ReplayEvalContext } from './replay-eval-context.ts';
export {
  firstTransferMoments, ON_COVERAGE, ON_INTERNATIONAL_TRANSFER, ON_USE, ON_SECOND_INTERNATIONAL_TRANSFER,
} from './first-transfer-moments.ts';
export type { BookedEntry } from './booked-entry.ts';
export type { UnitMove } from './unit-move.ts';
