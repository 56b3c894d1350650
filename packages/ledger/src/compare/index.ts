export { COMPARE_REPORT_FORMAT } from './compare-report.ts';
export type {
  CompareVerdict, CompareRulebookEntry, VerdictDiff, SummaryDiff, CompareReport,
} from './compare-report.ts';
export { compareDetailed, compare, compareSync } from './compare.ts';
export type { CompareRulebook, CompareOptions, CompareOutcome } from './compare.ts';
export { rulebookKeys } from './rulebook-keys.ts';
export { renderCompareTable } from './compare-table.ts';
export { renderCompareCsv } from './compare-csv.ts';
export { textColumns } from '../report/text-columns.ts';
export { adoptionPeriods, verifyPeriod, unverifiedPeriod, matchesAdoption } from './recorded-verdicts.ts';
export type {
  AdoptionPeriod, MatchedRulebook, DecisionMismatch, PeriodVerification,
} from './recorded-verdicts.ts';
export { verifyRecordedVerdicts } from './verify-recorded-verdicts.ts';
export type { CandidateRulebookLoader } from './verify-recorded-verdicts.ts';
