export { DEFAULT_METRIC, AccountingBook } from './accounting-book.ts';
export type { YearFlows, FlowField, VintageAdjustment, PartyBook, EntryObserver } from './accounting-book.ts';
export { accountingElections } from './accounting-elections.ts';
export type { AccountingElections } from './accounting-elections.ts';
export { emptyUnitFlow, bookUnitFlow } from './entry-booking.ts';
export type { UnitFlow } from './entry-booking.ts';
export { adjustmentMethod, structuredSummary, SUMMARY_FIELDS } from './structured-summary.ts';
export type {
  AdjustmentMethod, SummaryYear, MetricSummary, PartySummary, SummaryInput,
} from './structured-summary.ts';
