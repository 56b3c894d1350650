import type { CompiledRulebook, RulebookDifference } from '@a6/dsl';
import type { CompareReport } from '../compare/compare-report.ts';
import { compareSync, type CompareOutcome } from '../compare/compare.ts';
import type { HistoryEvent } from '../events/types.ts';
import type { ReportEntry } from '../report/replay-report.ts';
import { createPrng } from '../gen/prng.ts';
import { generateCandidate } from './candidate-history.ts';
import { atLeast, disagreementKind, disagreementOf, type Disagreement, type DisagreementKind } from './disagreement.ts';
import { searchGuide } from './search-guide.ts';
import { shrinkHistory } from './shrink-history.ts';
import { checkHistoryEvents } from './witness-ndjson.ts';

export const WITNESS_DEFAULT_SEED = '1';
export const WITNESS_DEFAULT_MAX_EVENTS = 24;
export const WITNESS_DEFAULT_HISTORIES = 5_000;
const WITNESS_DEFAULT_SHRINK_REPLAYS = 5_000;
/** After a first disagreement, at least this many candidates more are tried for a stronger kind. */
const PATIENCE = 50;
/** Candidates start this small and grow by one event per candidate up to `maxEvents`. */
const FIRST_CANDIDATE_EVENTS = 8;

export interface WitnessBudget {
  /** At most this many candidate histories. */
  readonly histories: number;
  /** At most this long (milliseconds, by `clock`); the search and the shrinking both stop in time. */
  readonly ms?: number;
  /** At most this many replays while shrinking. */
  readonly shrinkReplays?: number;
}

export interface WitnessSearchInput {
  readonly a: CompiledRulebook;
  readonly b: CompiledRulebook;
  /** The structural differences of A and B (`diffRulebooks`): they guide the generator. */
  readonly differences: readonly RulebookDifference[];
  readonly seed?: string;
  /** The largest candidate history. */
  readonly maxEvents?: number;
  readonly budget?: Partial<WitnessBudget>;
  /**
   * Milliseconds from some fixed point (`performance.now`): the search reads no clock of its own, so
   * with a count budget it is deterministic for a seed on any machine, however loaded.
   */
  readonly clock?: () => number;
  /**
   * Called after every candidate and once before shrinking (`a6 diff` shows it on stderr, the server
   * as job progress); it never changes what is searched.
   */
  readonly onProgress?: (progress: WitnessProgress) => void;
}

/** How far a search has got: candidates tried of the history budget, and whether it is shrinking. */
export interface WitnessProgress {
  readonly phase: 'search' | 'shrink';
  readonly histories: number;
  readonly budget: number;
}

/** The smallest history found on which A and B disagree, and what they disagree on. */
export interface Witness {
  readonly events: readonly HistoryEvent[];
  /** The kind of disagreement shrinking kept (disagreement.ts): the strongest the candidate showed. */
  readonly kind: DisagreementKind;
  /**
   * True when shrinking finished: removing any single event makes a disagreement of this kind vanish
   * or the history invalid.
   */
  readonly minimal: boolean;
  /** The candidate it was shrunk from: its 1-based number in the search and its size. */
  readonly found: { readonly history: number; readonly events: number };
  readonly shrink: { readonly replays: number; readonly steps: number };
  readonly disagreement: Disagreement;
  /** The `a6.compare/1` report of the witness under A then B: what `a6 compare` prints for its NDJSON. */
  readonly compare: CompareReport;
  /**
   * Each rulebook's rejections and findings over the witness, by compare key (as `a6 replay` reports
   * them): the rule, message, unit and the source line of every check that decided.
   */
  readonly decisions: Readonly<Record<string, { readonly rejections: readonly ReportEntry[]; readonly findings: readonly ReportEntry[] }>>;
}

/**
 * What was searched (docs/negotiators.md "Counterexample search"). A search that finds nothing says how
 * far it looked, never that the rulebooks are equivalent: `exhausted` (the history budget spent) and
 * `timed_out` are bounds, not proofs.
 */
export type Searched =
  | { readonly status: 'not_requested' }
  | { readonly status: 'skipped'; readonly reason: 'no_structural_difference' | 'no_observable_difference' }
  | {
      readonly status: 'found' | 'exhausted' | 'timed_out';
      readonly seed: string;
      readonly max_events: number;
      /** Candidate histories generated and replayed under both rulebooks. */
      readonly histories: number;
      /** Events in those histories, altogether. */
      readonly events: number;
      readonly budget: { readonly histories: number; readonly ms: number | null };
      /** Time taken, search and shrinking (`null` without a clock). */
      readonly ms: number | null;
    };

export interface WitnessSearchResult {
  readonly witness: Witness | null;
  readonly searched: Searched;
}

/**
 * The counterexample search of `a6 diff --witness`: candidate histories (candidate-history.ts, guided
 * by the differences) are generated from the seed, each is validated with the import checks and
 * replayed under A and B in one compare pass; the first on which they disagree is shrunk to a minimal
 * witness (shrink-history.ts). Pure apart from the clock it is given.
 */
export function searchWitness(input: WitnessSearchInput): WitnessSearchResult {
  if (input.differences.length === 0) return { witness: null, searched: { status: 'skipped', reason: 'no_structural_difference' } };
  if (!input.differences.some((difference) => difference.observable)) return { witness: null, searched: { status: 'skipped', reason: 'no_observable_difference' } };

  const seed = input.seed ?? WITNESS_DEFAULT_SEED;
  const maxEvents = input.maxEvents ?? WITNESS_DEFAULT_MAX_EVENTS;
  if (!Number.isSafeInteger(maxEvents) || maxEvents < 1) throw new RangeError(`maxEvents must be a positive integer, got ${maxEvents}`);
  const histories = input.budget?.histories ?? WITNESS_DEFAULT_HISTORIES;
  const ms = input.budget?.ms ?? null;
  if (ms !== null && input.clock === undefined) throw new Error('a time budget needs a clock');
  const { clock } = input;
  const started = clock?.() ?? 0;
  const outOfTime = (): boolean => ms !== null && clock!() - started > ms;
  const guide = searchGuide(input.differences);
  const compareBoth = (events: readonly HistoryEvent[]): CompareOutcome => compareSync(events, [input.a, input.b]);

  let tried = 0;
  let generated = 0;
  let status: 'found' | 'exhausted' | 'timed_out' = 'exhausted';
  let chosen: { readonly events: readonly HistoryEvent[]; readonly kind: DisagreementKind; readonly history: number } | null = null;
  let lookUntil: number | null = null;
  while (tried < histories && (lookUntil === null || tried < lookUntil)) {
    if (outOfTime()) {
      status = 'timed_out';
      break;
    }
    const size = Math.min(maxEvents, FIRST_CANDIDATE_EVENTS + tried);
    const candidate = generateCandidate({ prng: createPrng(`${seed}/${tried}`), events: size, guide });
    tried += 1;
    generated += candidate.length;
    input.onProgress?.({ phase: 'search', histories: tried, budget: histories });
    const checked = checkHistoryEvents(candidate);
    // The generator opens everything before it is referred to; a candidate that fails the import
    // checks is a bug in it, not a result.
    if (!checked.ok) throw new Error(`witness candidate ${tried} (seed ${seed}) fails the import checks: ${checked.issues.map((issue) => `line ${issue.line}: ${issue.message}`).join('; ')}`);
    const disagreement = disagreementOf(compareBoth(checked.events));
    if (disagreement === null) continue;
    const kind = disagreementKind(disagreement);
    if (chosen === null || !atLeast(chosen.kind, kind)) chosen = { events: checked.events, kind, history: tried };
    // The first disagreement may be a weak one (rejected under both for other reasons, a figure one
    // rulebook leaves empty): the search goes on, as long again and at least PATIENCE candidates more,
    // for a stronger kind, and shrinks the strongest it saw (the earliest of that kind).
    if (chosen.kind === 'verdict') break;
    lookUntil ??= 2 * tried + PATIENCE;
  }
  if (chosen !== null) input.onProgress?.({ phase: 'shrink', histories: tried, budget: histories });
  const witness = chosen === null ? null : shrinkToWitness(chosen, compareBoth, input.budget?.shrinkReplays ?? WITNESS_DEFAULT_SHRINK_REPLAYS, outOfTime);
  if (witness !== null) status = 'found';
  const elapsed = clock === undefined ? null : Math.round(clock() - started);
  return { witness, searched: { status, seed, max_events: maxEvents, histories: tried, events: generated, budget: { histories, ms }, ms: elapsed } };
}

/** Shrinks a candidate (disagreeing at least as strongly as `kind`) to the witness. */
function shrinkToWitness(
  found: { readonly events: readonly HistoryEvent[]; readonly kind: DisagreementKind; readonly history: number },
  compareBoth: (events: readonly HistoryEvent[]) => CompareOutcome,
  maxReplays: number,
  outOfTime: () => boolean,
): Witness {
  const { kind } = found;
  const shrunk = shrinkHistory(found.events, { disagrees: (events) => showsKind(compareBoth(events), kind), maxReplays, outOfTime });
  const events = numberEvents(shrunk.events);
  const outcome = compareBoth(events);
  const disagreement = disagreementOf(outcome);
  // Ids are labels (nothing the generator writes refers to an event id): renumbering cannot change a verdict.
  if (disagreement === null || !atLeast(disagreementKind(disagreement), kind)) throw new Error('a renumbered witness no longer disagrees');
  return {
    events,
    kind,
    minimal: shrunk.complete,
    found: { history: found.history, events: found.events.length },
    shrink: { replays: shrunk.replays, steps: shrunk.steps },
    disagreement,
    compare: outcome.report,
    decisions: Object.fromEntries(outcome.report.rulebooks.map((entry, index) => [entry.key, { rejections: outcome.replays[index]!.rejections, findings: outcome.replays[index]!.findings }])),
  };
}

/** Whether A and B disagree on a compare outcome at least as strongly as `kind`. */
export function showsKind(outcome: CompareOutcome, kind: DisagreementKind): boolean {
  const disagreement = disagreementOf(outcome);
  return disagreement !== null && atLeast(disagreementKind(disagreement), kind);
}

/** Ids `e0`, `e1`, … in history order (`e0` is seq 0): a witness reads as a history of its own. */
function numberEvents(events: readonly HistoryEvent[]): HistoryEvent[] {
  return events.map((event, index) => ({ ...event, id: `e${index}` }));
}
