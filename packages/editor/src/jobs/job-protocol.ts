import type { StoredEvent } from '@a6/ledger';

/**
 * Messages between the server and an analysis worker (a replay, compare, AEF or diff off the event loop).
 * Events flow on demand: the worker asks for the next page when it has folded the last one, so a
 * job's memory is one page plus the engine's state, never the history.
 */
export type AnalysisKind = 'replay' | 'compare' | 'diff' | 'aef';

/** What an `aef` job reports (docs/aef.md), and the rulebook hash it must compile to when one is required. */
export interface AefJobQuery {
  readonly party: string;
  readonly year: number;
  readonly version: number;
  /** The adopted rulebook's sha256, when the job uses the rulebook in force: a saved file edited since adoption is refused. */
  readonly sha256: string | null;
}

export interface RulebookChoice {
  /** Entry file of the compilation (a saved file, or the name given to an unsaved source). */
  readonly entry: string;
  readonly name?: string;
}

/** `workerData` of a replay or compare: the rulebooks fold the history the server pages in. */
export interface HistoryAnalysisWork {
  readonly kind: 'replay' | 'compare' | 'aef';
  /** Saved workspace files, with unsaved sources of the request in place. */
  readonly sources: Readonly<Record<string, string>>;
  readonly rulebooks: readonly RulebookChoice[];
  readonly asOf: string | null;
  /** Events the job folds (the history head when it started). */
  readonly total: number;
  /** Also render the HTML report (compare with `Accept: text/html`). */
  readonly html: boolean;
  /** The `aef` job's query (absent for replay and compare). */
  readonly aef?: AefJobQuery;
}

/** The counterexample search of a diff, bounded by the server (docs/api.md "Rulebook diffs"). */
export interface DiffWitnessSettings {
  readonly seed: string;
  readonly maxEvents: number;
  readonly histories: number;
  readonly ms: number;
}

/** `workerData` of a diff (`POST /api/diff`): two rulebooks and no history; progress counts candidate histories. */
export interface DiffWork {
  readonly kind: 'diff';
  readonly sources: Readonly<Record<string, string>>;
  readonly rulebooks: readonly [RulebookChoice, RulebookChoice];
  readonly witness: DiffWitnessSettings | null;
  /** The history budget of the search (0 without one). */
  readonly total: number;
  readonly html: boolean;
}

/** `workerData` of an analysis worker. */
export type AnalysisWork = HistoryAnalysisWork | DiffWork;

/** What a route asks for: the work without the total the pool fills in. */
export type AnalysisRequestWork = Omit<HistoryAnalysisWork, 'total'> | Omit<DiffWork, 'total'>;

export interface JobFailure {
  readonly status: number;
  readonly code: string;
  readonly message: string;
  readonly details?: unknown;
}

export type WorkerMessage =
  | { readonly type: 'pull' }
  | { readonly type: 'progress'; readonly done: number; readonly total: number }
  | { readonly type: 'done'; readonly report: unknown; readonly html?: string }
  | { readonly type: 'failed'; readonly error: JobFailure };

export type ServerMessage = { readonly type: 'events'; readonly events: readonly StoredEvent[] } | { readonly type: 'end' };
