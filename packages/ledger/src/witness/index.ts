export { generateCandidate, type CandidateOptions } from './candidate-history.ts';
export { searchGuide, GUIDED_FACTOR, type SearchGuide } from './search-guide.ts';
export { checkHistoryEvents, historyNdjson, type CheckedHistory } from './witness-ndjson.ts';
export {
  atLeast,
  disagreementKind,
  disagreementOf,
  type Disagreement,
  type DisagreementKind,
  type HoldingDisagreement,
  type LevyDisagreement,
} from './disagreement.ts';
export { shrinkHistory, type ShrinkOptions, type ShrinkResult } from './shrink-history.ts';
export {
  searchWitness,
  showsKind,
  WITNESS_DEFAULT_HISTORIES,
  WITNESS_DEFAULT_MAX_EVENTS,
  WITNESS_DEFAULT_SEED,
  type Searched,
  type Witness,
  type WitnessBudget,
  type WitnessProgress,
  type WitnessSearchInput,
  type WitnessSearchResult,
} from './search-witness.ts';
export { rulebookDiffReport, type DiffReport, type LoadedRulebook, type RulebookDiffOptions, type WitnessOptions } from './diff-report.ts';
export { KIND_TEXT, renderDiffText, searchedSentences } from './diff-text.ts';
