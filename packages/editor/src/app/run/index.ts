export { RejectionLenses, SHOW_RULE_REJECTIONS } from './rejection-lenses.ts';
export type { SymbolSource } from './rejection-lenses.ts';
export { RejectionRevealer } from './rejection-revealer.ts';
export { RunController } from './run-controller.ts';
export { integrityRejections, rejectionCounts } from './rejection-counts.ts';
export type { RuleRejections } from './rejection-counts.ts';
export { renderReplayResults } from './replay-results.ts';
export type { ReplayResultsOptions } from './replay-results.ts';
export { workspacePathCandidates } from './report-paths.ts';
