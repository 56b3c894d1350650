import type { CompiledRulebook } from '@a6/dsl';
import { SUMMARY_FIELDS, adjustmentMethod, type PartySummary, type SummaryYear } from '../accounting/structured-summary.ts';
import type { BookedEntry } from '../engine/booked-entry.ts';
import { engineOutcome, type ReplayOptions, type ReplayOutcome } from '../engine/replay.ts';
import { ReplayEngine } from '../engine/replay-engine.ts';
import type { VerdictEntry } from '../engine/verdict-entry.ts';
import { canonicalJson, sha256Hex } from '../events/canonical-json.ts';
import { foldHistory, type HistorySource } from '../events/history-source.ts';
import { dayOf } from '../events/timestamp.ts';
import type { HistoryEvent } from '../events/types.ts';
import { buildReplayReport, type ReplayReport } from '../report/replay-report.ts';
import { ChainHead } from '../events/chain-head.ts';
import { COMPARE_REPORT_FORMAT, type CompareReport, type CompareVerdict, type SummaryDiff, type VerdictDiff } from './compare-report.ts';
import { rulebookKeys } from './rulebook-keys.ts';

/** A rulebook to compare, optionally under a key of the caller's choosing (unique). */
export interface CompareRulebook {
  readonly key?: string;
  readonly compiled: CompiledRulebook;
}

export type CompareOptions = Pick<ReplayOptions, 'asOf' | 'onProgress' | 'progressEvery'>;

/** The report and, for renderings that show more than the diffs (HTML charts, reasons), each rulebook's full replay report. */
export interface CompareOutcome {
  readonly report: CompareReport;
  /** In rulebook order (the first is the baseline), each an `a6.replay/1` report. */
  readonly replays: readonly ReplayReport[];
}

/** One rulebook's run: its engine, its probe on the baseline's state, and what the current event did. */
interface Lane {
  readonly key: string;
  readonly engine: ReplayEngine;
  /** Decides with this rulebook on the baseline's state (`null` for the baseline itself). */
  readonly probe: ReplayEngine | null;
  /** Booked entries of the current event, while no divergence has been found. */
  readonly entries: string[];
  readonly levyBefore: number[];
  verdict: CompareVerdict;
}

const ACCEPTED: CompareVerdict = { verdict: 'accepted' };

function verdictOf(failures: readonly VerdictEntry[]): CompareVerdict {
  if (failures.length === 0) return ACCEPTED;
  return { verdict: 'rejected', codes: [...new Set(failures.map((failure) => failure.code))].sort() };
}

function sameVerdict(a: CompareVerdict, b: CompareVerdict): boolean {
  if (a.verdict !== b.verdict) return false;
  const left = a.codes ?? [];
  const right = b.codes ?? [];
  return left.length === right.length && left.every((code, index) => code === right[index]);
}

/**
 * Folds one history through every rulebook at once (docs/reports.md "The compare report": decode once, one pass). Each
 * event is stepped through every engine; the baseline (the first rulebook) is also asked first, on its
 * state before the event, so a rulebook that decides differently can be probed on that same state.
 */
class CompareRun {
  private readonly lanes: Lane[];
  private readonly chain = new ChainHead();
  private readonly every: number;
  private events = 0;
  private lastAt: string | null = null;
  private firstDivergence: number | null = null;
  private readonly verdictDiffs: VerdictDiff[] = [];

  constructor(
    rulebooks: readonly (CompiledRulebook | CompareRulebook)[],
    private readonly options: CompareOptions,
  ) {
    if (rulebooks.length === 0) throw new Error('compare needs at least one rulebook');
    const chosen = rulebooks.map((rulebook) => ('compiled' in rulebook ? rulebook : { compiled: rulebook }));
    const generated = rulebookKeys(chosen.map((rulebook) => rulebook.compiled.name));
    const keys = chosen.map((rulebook, index) => rulebook.key ?? generated[index]!);
    if (new Set(keys).size !== keys.length) throw new Error(`compare keys must be unique (got ${keys.join(', ')})`);
    const lanes: Lane[] = [];
    chosen.forEach((rulebook, index) => {
      const entries: string[] = [];
      const engine: ReplayEngine = new ReplayEngine(rulebook.compiled, { onEntry: (entry) => entries.push(entryKey(engine, entry)) });
      const probe = index === 0 ? null : new ReplayEngine(rulebook.compiled, { probeOf: lanes[0]!.engine });
      lanes.push({ key: keys[index]!, engine, probe, entries, levyBefore: engine.levyTotals.map(() => 0), verdict: ACCEPTED });
    });
    this.lanes = lanes;
    this.every = Math.max(1, options.progressEvery ?? 10_000);
  }

  /** Folds one event; `false` once the history is past `asOf`. */
  fold(event: HistoryEvent): boolean {
    const { asOf } = this.options;
    if (asOf !== undefined && dayOf(event.at) > asOf) return false;
    const seq = this.events;
    this.chain.follow(event);
    const [baseline, ...others] = this.lanes as [Lane, ...Lane[]];
    const tracking = this.firstDivergence === null;

    // The baseline's decision on its state before the event: what every probe is measured against.
    const baselineVerdict = others.length === 0 ? ACCEPTED : verdictOf(baseline.engine.decideOnly(event, seq));
    let differs = false;
    let direct = false;
    for (const lane of others) {
      this.stepLane(lane, event, seq, tracking);
      if (sameVerdict(lane.verdict, baselineVerdict)) continue;
      differs = true;
      if (!direct && !sameVerdict(verdictOf(lane.probe!.decideOnly(event, seq)), baselineVerdict)) direct = true;
    }
    this.stepLane(baseline, event, seq, tracking);

    if (differs) {
      const verdicts: Record<string, CompareVerdict> = {};
      for (const lane of this.lanes) verdicts[lane.key] = lane.verdict;
      this.verdictDiffs.push({ seq, event: event.id, type: event.type, cause: direct ? 'direct' : 'cascade', verdicts });
    }
    if (tracking && (differs || this.bookingsDiffer())) {
      this.firstDivergence = seq;
      // Nothing needs the entries any more: switch tracing off, so the rest of the fold runs at full speed.
      for (const lane of this.lanes) lane.engine.book.onEntry = null;
    }
    this.events += 1;
    this.lastAt = event.at;
    if (this.options.onProgress !== undefined && this.events % this.every === 0) this.options.onProgress({ events: this.events, at: this.lastAt });
    return true;
  }

  private stepLane(lane: Lane, event: HistoryEvent, seq: number, tracking: boolean): void {
    const { engine } = lane;
    const rejectionsBefore = engine.rejections.length;
    if (tracking) {
      lane.entries.length = 0;
      for (let index = 0; index < engine.levyTotals.length; index++) lane.levyBefore[index] = engine.levyTotals[index]!;
    }
    engine.step(event, seq);
    lane.verdict = engine.rejections.length === rejectionsBefore ? ACCEPTED : verdictOf(engine.rejections.slice(rejectionsBefore));
  }

  /** Levies taken or accounting entries booked by the current event differ between rulebooks. */
  private bookingsDiffer(): boolean {
    const [baseline, ...others] = this.lanes as [Lane, ...Lane[]];
    const levies = levyDelta(baseline);
    const entries = [...baseline.entries].sort().join('\n');
    return others.some((lane) => levyDelta(lane) !== levies || [...lane.entries].sort().join('\n') !== entries);
  }

  outcome(): CompareOutcome {
    this.options.onProgress?.({ events: this.events, at: this.lastAt });
    const head = this.chain.head();
    const replays = this.lanes.map((lane) => buildReplayReport(this.replayOutcome(lane, head)));
    const body: Omit<CompareReport, 'digest'> = {
      format: COMPARE_REPORT_FORMAT,
      history: { events: this.events, head },
      rulebooks: this.lanes.map((lane, index) => ({
        key: lane.key,
        name: lane.engine.rulebook.name,
        sha256: lane.engine.rulebook.sha256,
        verdicts: replays[index]!.verdicts,
        levies: replays[index]!.levies,
      })),
      first_divergence: this.firstDivergence,
      verdict_diffs: this.verdictDiffs,
      summary_diffs: summaryDiffs(
        this.lanes.map((lane) => lane.key),
        replays.map((replayed) => replayed.parties),
      ),
    };
    return { report: { ...body, digest: sha256Hex(canonicalJson(body)) }, replays };
  }

  private replayOutcome(lane: Lane, head: string): ReplayOutcome {
    return engineOutcome(lane.engine, this.options.asOf ?? null, head);
  }
}

const ADJUSTMENT_FIELDS: ReadonlySet<string> = new Set(['transferorAdded', 'acquirerSubtracted', 'acquirerAddedBack']);

/**
 * An entry as compare compares it. An adjustment entry also names what it adjusts and how it will be
 * spread (the Party's resolved method, the object, the averaging window): the same 930 units booked
 * to a trajectory and to an average are different entries, so an options-only variant diverges where
 * its first such entry is booked (docs/reports.md "The compare report": "an options-only variant diverges too").
 */
function entryKey(engine: ReplayEngine, entry: BookedEntry): string {
  const key = `${entry.metric}|${entry.party}|${entry.year}|${entry.field}|${entry.quantity}|${entry.vintage}`;
  if (!ADJUSTMENT_FIELDS.has(entry.field)) return key;
  const { elections } = engine;
  const method = adjustmentMethod(engine.state.parties.get(entry.party)?.ndc ?? null, elections);
  return `${key}|${method}|${elections.object}|${method === 'averaging' ? elections.averagingWindow : ''}`;
}

/** The levies the current event took, by levy name (`name=units;…`, sorted), as one comparable string. */
function levyDelta(lane: Lane): string {
  const { engine } = lane;
  const taken = new Map<string, number>();
  engine.rulebook.levies.forEach((levy, index) => {
    const units = engine.levyTotals[index]! - lane.levyBefore[index]!;
    if (units !== 0) taken.set(levy.name, (taken.get(levy.name) ?? 0) + units);
  });
  return [...taken].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([name, units]) => `${name}=${units}`).join(';');
}

function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Every (party, metric, year, field) whose values are not all equal, in docs/reports.md's order; a missing side is `null`. */
function summaryDiffs(keys: readonly string[], summaries: readonly Readonly<Record<string, PartySummary>>[]): SummaryDiff[] {
  const diffs: SummaryDiff[] = [];
  const parties = [...new Set(summaries.flatMap((summary) => Object.keys(summary)))].sort(compareCodes);
  for (const party of parties) {
    const metrics = [...new Set(summaries.flatMap((summary) => Object.keys(summary[party]?.metrics ?? {})))].sort(compareCodes);
    for (const metric of ['tCO2e', ...metrics]) {
      const tables = summaries.map((summary) => {
        const partySummary = summary[party];
        if (partySummary === undefined) return undefined;
        return metric === 'tCO2e' ? partySummary.years : partySummary.metrics?.[metric]?.years;
      });
      const years = [...new Set(tables.flatMap((table) => Object.keys(table ?? {})))].map(Number).sort((a, b) => a - b);
      for (const year of years) {
        const rows = tables.map((table): SummaryYear | undefined => table?.[String(year)]);
        for (const field of SUMMARY_FIELDS) {
          const values = rows.map((row) => row?.[field] ?? null);
          if (values.every((value) => value === values[0])) continue;
          const byKey: Record<string, number | null> = {};
          keys.forEach((key, index) => (byKey[key] = values[index]!));
          diffs.push(metric === 'tCO2e' ? { party, year, field, values: byKey } : { party, metric, year, field, values: byKey });
        }
      }
    }
  }
  return diffs;
}

/**
 * `compare(history, rulebooks)` (docs/reports.md "The compare report"): the `a6.compare/1` report of one pass over the
 * history through every rulebook (the first is the baseline), with each rulebook's replay report.
 */
export async function compareDetailed(
  events: HistorySource,
  rulebooks: readonly (CompiledRulebook | CompareRulebook)[],
  options: CompareOptions = {},
): Promise<CompareOutcome> {
  const run = new CompareRun(rulebooks, options);
  await foldHistory(events, (event) => run.fold(event));
  return run.outcome();
}

/** The `a6.compare/1` report alone (what `a6 compare --json` prints and the server's compare job returns). */
export async function compare(
  events: HistorySource,
  rulebooks: readonly (CompiledRulebook | CompareRulebook)[],
  options: CompareOptions = {},
): Promise<CompareReport> {
  return (await compareDetailed(events, rulebooks, options)).report;
}

/** The same fold without a promise (tests, the editor's worker over an in-memory history). */
export function compareSync(events: Iterable<HistoryEvent>, rulebooks: readonly (CompiledRulebook | CompareRulebook)[], options: CompareOptions = {}): CompareOutcome {
  const run = new CompareRun(rulebooks, options);
  for (const event of events) if (!run.fold(event)) break;
  return run.outcome();
}
