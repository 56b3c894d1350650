import type { CompiledRulebook } from '@a6/dsl';
import type { AccountingBook } from '../accounting/accounting-book.ts';
import type { AccountingElections } from '../accounting/accounting-elections.ts';
import { ChainHead } from '../events/chain-head.ts';
import { dayOf } from '../events/timestamp.ts';
import { foldHistory, type HistorySource } from '../events/history-source.ts';
import type { HistoryEvent } from '../events/types.ts';
import type { LedgerState } from '../state/ledger-state.ts';
import { ReplayEngine } from './replay-engine.ts';
import type { VerdictEntry } from './verdict-entry.ts';

export interface ReplayProgress {
  /** Events replayed so far. */
  readonly events: number;
  /** `at` of the last replayed event. */
  readonly at: string | null;
}

export interface ReplayOptions {
  /** `YYYY-MM-DD`: replay only events up to and including this UTC day (docs/events.md: `--as-of D` includes day D). */
  readonly asOf?: string;
  /** Called every `progressEvery` events and once at the end (a progress bar, a server-sent event). */
  readonly onProgress?: (progress: ReplayProgress) => void;
  readonly progressEvery?: number;
  /**
   * The chain head of the whole of `events` when the caller already computed it (a validated file),
   * so the fold need not hash every event again. Ignored with `asOf`, whose prefix has its own head.
   */
  readonly head?: string;
}

/** Everything a report needs, with the final state; assembled once at the end of the fold. */
export interface ReplayOutcome {
  readonly rulebook: CompiledRulebook;
  readonly asOf: string | null;
  readonly events: number;
  /** Hash-chain head of the replayed events (docs/events.md "Stored events and the hash chain"). */
  readonly head: string;
  readonly verdicts: { readonly accepted: number; readonly rejected: number; readonly findings: number };
  readonly rejections: readonly VerdictEntry[];
  readonly findings: readonly VerdictEntry[];
  /** Units taken by each levy, by levy name. */
  readonly levies: Readonly<Record<string, number>>;
  readonly state: LedgerState;
  readonly book: AccountingBook;
  readonly elections: AccountingElections;
  /** `at` of the last replayed event, `null` for an empty history. */
  readonly lastAt: string | null;
}


class ReplayRun {
  readonly engine: ReplayEngine;
  private readonly chain: ChainHead | null;
  private readonly every: number;

  constructor(
    rulebook: CompiledRulebook,
    private readonly options: ReplayOptions,
  ) {
    this.engine = new ReplayEngine(rulebook);
    this.chain = options.head !== undefined && options.asOf === undefined ? null : new ChainHead();
    this.every = Math.max(1, options.progressEvery ?? 10_000);
  }

  /** Folds one event; `false` once the history is past `asOf` (dates never decrease, so it stops). */
  fold(event: HistoryEvent): boolean {
    const { asOf } = this.options;
    if (asOf !== undefined && dayOf(event.at) > asOf) return false;
    this.chain?.follow(event);
    this.engine.step(event, this.engine.events);
    if (this.options.onProgress !== undefined && this.engine.events % this.every === 0) {
      this.options.onProgress({ events: this.engine.events, at: this.engine.lastAt });
    }
    return true;
  }

  outcome(): ReplayOutcome {
    const engine = this.engine;
    this.options.onProgress?.({ events: engine.events, at: engine.lastAt });
    return engineOutcome(engine, this.options.asOf ?? null, this.chain === null ? this.options.head! : this.chain.head());
  }
}

/** What an engine has folded, as a `ReplayOutcome` (a replay's, or one lane of a compare). */
export function engineOutcome(engine: ReplayEngine, asOf: string | null, head: string): ReplayOutcome {
  const levies: Record<string, number> = {};
  engine.rulebook.levies.forEach((levy, index) => {
    levies[levy.name] = (levies[levy.name] ?? 0) + engine.levyTotals[index]!;
  });
  return {
    rulebook: engine.rulebook,
    asOf,
    events: engine.events,
    head,
    verdicts: { accepted: engine.accepted, rejected: engine.rejected, findings: engine.findings.length },
    rejections: engine.rejections,
    findings: engine.findings,
    levies,
    state: engine.state,
    book: engine.book,
    elections: engine.elections,
    lastAt: engine.lastAt,
  };
}

/**
 * `replay(history, rulebook, asOf?)` (docs/reports.md): folds the history through one compiled rulebook.
 * Streams: memory grows with the ledger state and the verdict log, never with the number of events.
 */
export async function replay(
  events: HistorySource,
  rulebook: CompiledRulebook,
  options: ReplayOptions = {},
): Promise<ReplayOutcome> {
  const run = new ReplayRun(rulebook, options);
  await foldHistory(events, (event) => run.fold(event));
  return run.outcome();
}

/** The same fold over an in-memory or generated history, without a promise (tests, the editor's worker). */
export function replaySync(events: Iterable<HistoryEvent>, rulebook: CompiledRulebook, options: ReplayOptions = {}): ReplayOutcome {
  const run = new ReplayRun(rulebook, options);
  for (const event of events) if (!run.fold(event)) break;
  return run.outcome();
}
