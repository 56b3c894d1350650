// The ledger's browser-safe face: no Node built-in and no driver, transitively (test/boundaries checks
// it). The pipeline in order: events → state → engine → accounting → report → compare / explain / witness / aef.
// Node-only parts have their own entries: `@a6/ledger/node` (history files), `@a6/ledger/store` (the
// port, the memory store, `openStore`) and `@a6/ledger/store/sqlite|postgres|kurrentdb`, and
// `@a6/ledger/aef-xlsx` (the AEF workbook, exceljs).
export {
  EVENT_TYPES, canonicalJson, sortedJson, sha256Hex, eventHash, eventDigests, eventContent, chainEvents,
  chainHead, toHistoryEvent, GENESIS_PREV, isHistoryDate, isHistoryTimestamp, instantOf, dayOf, isOnOrBefore,
  formatHistoryIssue, MAX_HISTORY_ISSUES, HistoryIssueLog, payloadSchema, lineSchema, schemaMatchesTypes,
  isSkippedLine, parseHistoryLine, deriveEventId, HistoryChecker, decodeHistoryLine, decodeHistoryStream,
  decodeHistoryLines, verifyChain, registryOf, ChainHead, parseHistoryLineWithSchema, HistoryBatches, foldHistory,
} from './events/index.ts';
export type {
  PartyCode, AccountRef, Timestamp, UnitRange, Purpose, FirstTransferDefinition, Ndc, EventPayloads,
  EventType, HistoryEvent, EventOf, StoredEvent, HistoryIssueCode, HistoryIssue, PayloadSchemas,
  SchemaPayloads, ParsedLine, DecodedEvent, DecodeOptions, HistoryValidation, HistoryDecoding, ChainBreak,
  ChainVerification, HistorySource,
} from './events/index.ts';
export {
  sameAttributes, USED, CANCELLED, UnitRanges, coversVintage, isLevyAccount, LEVY_REGISTRY, LedgerState,
} from './state/index.ts';
export type {
  UnitAttributes, UnitSegment, PartyState, RegistryState, AccountState, ActivityState, AuthorizationState,
  BlockState,
} from './state/index.ts';
export {
  replay, replaySync, ReplayEngine, INTEGRITY_CODES, INTEGRITY_FINDING_CODES, EventRecord, AccountRecord,
  ActivityRecord, AuthorizationRecord, NdcRecord, PartyRecord, UnitRecord, isA64Unit, ReplayEvalContext,
  firstTransferMoments, ON_COVERAGE, ON_INTERNATIONAL_TRANSFER, ON_USE, ON_SECOND_INTERNATIONAL_TRANSFER,
} from './engine/index.ts';
export type {
  ReplayProgress, ReplayOptions, ReplayOutcome, ReplayEngineOptions, VerdictEntry, IntegrityCode,
  IntegrityFindingCode, RecordSource, BookedEntry, UnitMove,
} from './engine/index.ts';
export {
  DEFAULT_METRIC, AccountingBook, accountingElections, emptyUnitFlow, bookUnitFlow, adjustmentMethod,
  structuredSummary, SUMMARY_FIELDS,
} from './accounting/index.ts';
export type {
  YearFlows, FlowField, VintageAdjustment, PartyBook, EntryObserver, AccountingElections, UnitFlow,
  AdjustmentMethod, SummaryYear, MetricSummary, PartySummary, SummaryInput,
} from './accounting/index.ts';
export { csvCell, buildReplayReport, renderReportTable, renderSummaryCsv } from './report/index.ts';
export type { ReplayReport, ReportEntry } from './report/index.ts';
export {
  COMPARE_REPORT_FORMAT, compareDetailed, compare, compareSync, rulebookKeys, renderCompareTable,
  renderCompareCsv, textColumns, adoptionPeriods, verifyPeriod, unverifiedPeriod, matchesAdoption,
  verifyRecordedVerdicts,
} from './compare/index.ts';
export type {
  CompareVerdict, CompareRulebookEntry, VerdictDiff, SummaryDiff, CompareReport, CompareRulebook,
  CompareOptions, CompareOutcome, AdoptionPeriod, MatchedRulebook, DecisionMismatch, PeriodVerification,
  CandidateRulebookLoader,
} from './compare/index.ts';
export { EXPLAIN_REPORT_FORMAT, explain, explainSync, renderExplainText } from './explain/index.ts';
export type {
  SummaryField, ExplainEntry, ExplainFact, ExplainNode, ExplainReport, ExplainQuery,
} from './explain/index.ts';
export {
  generateCandidate, searchGuide, GUIDED_FACTOR, checkHistoryEvents, historyNdjson, atLeast, disagreementKind,
  disagreementOf, shrinkHistory, searchWitness, showsKind, rulebookDiffReport, renderDiffText, KIND_TEXT,
  searchedSentences, WITNESS_DEFAULT_SEED, WITNESS_DEFAULT_MAX_EVENTS, WITNESS_DEFAULT_HISTORIES,
} from './witness/index.ts';
export type {
  CandidateOptions, SearchGuide, CheckedHistory, Disagreement, DisagreementKind, HoldingDisagreement,
  LevyDisagreement, ShrinkOptions, ShrinkResult, Searched, Witness, WitnessBudget, WitnessSearchInput,
  WitnessSearchResult, DiffReport, LoadedRulebook, RulebookDiffOptions, WitnessOptions, WitnessProgress,
} from './witness/index.ts';
export {
  renderReplayHtml, renderCompareHtml, compareHtmlSections, lineChart, barChart, hasValues, niceTicks,
  escapeHtml, formatNumber, formatCell, htmlPage, htmlTable, partyCharts, renderDiffHtml,
} from './report-html/index.ts';
export type { CompareDetail, ChartSeries, ChartSpec, ChartedYear, PartySeries } from './report-html/index.ts';
export { COMPARE_RENDERINGS, REPLAY_RENDERINGS } from './renderings/index.ts';
export {
  createPrng, partyCatalogue, MAX_PARTIES, GLASGOW_ADOPTION, generateHistory, GEN_DEFAULT_SEED,
  GEN_DEFAULT_PARTIES, nationalRegistry, nationalAccount, sharedAccount, sharedAccountOpened, activityId,
  blockId, authorizationId, corsiaUser, SECTORS, AIRLINES, COMPANIES, SHARED_REGISTRIES, A64_PENDING,
  CDM_PENDING, NATIONAL_ACCOUNTS, PENDING_ACCOUNTS,
} from './gen/index.ts';
export type {
  Prng, CataloguedParty, GenerateOptions, NationalAccount, SharedRegistry, GeneratedActivityKind,
} from './gen/index.ts';
export {
  formatA62Issue, decodeCaToolSnapshot, HOST_PARTIES, serialRange, convertCaToolSnapshot, a62HistoryNdjson,
} from './a62/index.ts';
export type {
  A62IssueCode, A62Issue, A62Result, CaToolBlock, CaToolNote, CaToolSnapshot, HostParty, SerialRange,
  ConvertedA62History,
} from './a62/index.ts';
export {
  AEF_COLUMNS, AEF_REPORT_FORMAT, AEF_TABLES, AEF_TABLE_TITLES, unitsOf, buildAefReport, buildAefReportSync,
  aefActions, custodianOf, hostOf, aefHoldings, aefWarnings, aefCsvTables, renderAefJson, checkAef,
} from './aef/index.ts';
export type {
  AefActionRow, AefActionType, AefAuthorizationRow, AefCell, AefEntityRow, AefFirstTransferredRange,
  AefHoldingRow, AefReconciliation, AefReport, AefSubmissionRow, AefSummaryFigures, AefTableName, AefTables,
  AefWarning, AefError, AefErrorCode, AefQuery, AefResult, AefAction, AefCheckCode, AefFinding,
} from './aef/index.ts';
