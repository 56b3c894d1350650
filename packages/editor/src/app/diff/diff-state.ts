import type { DiffReport } from '@a6/ledger';
import type { AnalysisProgress, AnalysisRun, RulebookReference } from '../analysis/index.ts';

/** Two rulebooks of the last comparison: its baseline (A) and the first rulebook compared with it (B). */
export interface DiffPair {
  readonly a: RulebookReference;
  readonly b: RulebookReference;
  /** The workspace path the baseline was opened from: its rejections' file names are relative to it. */
  readonly entryPath: string | null;
}

/**
 * The structural diff beside the Compare view, and the witness search ("Find a history where these
 * differ", docs/negotiators.md): both are `POST /api/diff` jobs on the server.
 */
export interface DiffState {
  readonly pair: DiffPair | null;
  /** The `a6.diff/1` document without a search. */
  readonly structural: DiffReport | null;
  /** The document of the last search (witness or not). */
  readonly searched: DiffReport | null;
  readonly running: AnalysisRun<DiffReport> | null;
  readonly progress: AnalysisProgress | null;
  readonly error: string | null;
}

export const INITIAL_DIFF_STATE: DiffState = { pair: null, structural: null, searched: null, running: null, progress: null, error: null };
