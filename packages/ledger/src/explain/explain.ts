import type { CompiledRulebook } from '@a6/dsl';
import { DEFAULT_METRIC, type FlowField } from '../accounting/accounting-book.ts';
import { structuredSummary, type PartySummary, type SummaryYear } from '../accounting/structured-summary.ts';
import { ChainHead } from '../events/chain-head.ts';
import type { BookedEntry } from '../engine/booked-entry.ts';
import type { ReplayOptions } from '../engine/replay.ts';
import { ReplayEngine } from '../engine/replay-engine.ts';
import { canonicalJson, sha256Hex } from '../events/canonical-json.ts';
import { foldHistory, type HistorySource } from '../events/history-source.ts';
import { dayOf } from '../events/timestamp.ts';
import type { HistoryEvent, Ndc } from '../events/types.ts';
import { EXPLAIN_REPORT_FORMAT, type ExplainEntry, type ExplainFact, type ExplainNode, type ExplainReport, type SummaryField } from './explain-report.ts';

export interface ExplainQuery extends Pick<ReplayOptions, 'asOf' | 'onProgress' | 'progressEvery'> {
  readonly party: string;
  readonly year: number;
  readonly field: SummaryField;
  /** Default tCO2e; other metrics have their own table (replay.md). */
  readonly metric?: string;
}

/** The booked entries each directly booked field sums, with their signs (replay.md "Accounting entries"). */
const ENTRIES_OF: Partial<Record<SummaryField, readonly (readonly [FlowField, 1 | -1])[]>> = {
  first_transferred: [['firstTransferred', 1]],
  oimp_first_transferred: [['oimpFirstTransferred', 1]],
  used: [['used', 1]],
  acquired: [['acquired', 1]],
  annual_adjustment: [
    ['transferorAdded', 1],
    ['acquirerSubtracted', -1],
    ['acquirerAddedBack', 1],
  ],
  a64_first_transferred: [['a64FirstTransferred', 1]],
  a64_used: [['a64Used', 1]],
};

const ADJUSTMENT_ENTRIES = ENTRIES_OF.annual_adjustment!;

const WORDS: Partial<Record<SummaryField, string>> = {
  first_transferred: 'units authorized for NDC (alone or with OIMP) first transferred this year',
  oimp_first_transferred: 'units authorized for OIMP only first transferred this year',
  used: 'ITMOs used toward this Party’s NDC this year',
  acquired: 'ITMOs received by international transfer this year',
  annual_adjustment: 'transferor additions − acquirer subtractions + acquirer add-backs booked to this year',
  a64_first_transferred: 'A6.4ERs first transferred this year (a64.itmo = separate)',
  a64_used: 'A6.4ERs used toward this Party’s NDC this year (a64.itmo = separate)',
};

/** Folds the history through one rulebook, keeping the entries of one Party (off in a plain replay). */
class ExplainRun {
  readonly engine: ReplayEngine;
  readonly entries: BookedEntry[] = [];
  readonly inventories = new Map<number, ExplainFact>();
  ndcFact: ExplainFact | null = null;
  private readonly chain = new ChainHead();
  private readonly every: number;

  constructor(
    rulebook: CompiledRulebook,
    readonly query: ExplainQuery,
  ) {
    const metric = query.metric ?? DEFAULT_METRIC;
    this.engine = new ReplayEngine(rulebook, { onEntry: (entry) => entry.party === query.party && entry.metric === metric && this.entries.push(entry) });
    this.every = Math.max(1, query.progressEvery ?? 10_000);
  }

  fold(event: HistoryEvent): boolean {
    const { asOf } = this.query;
    if (asOf !== undefined && dayOf(event.at) > asOf) return false;
    const engine = this.engine;
    const seq = engine.events;
    this.chain.follow(event);
    const rejected = engine.rejected;
    engine.step(event, seq);
    // Only the figure matters here: the verdict log is not kept (memory stays bounded by the state).
    engine.rejections.length = 0;
    engine.findings.length = 0;
    if (engine.rejected === rejected) {
      if (event.type === 'InventoryReported' && event.data.party === this.query.party) {
        this.inventories.set(event.data.year, { seq, event: event.id, type: event.type, at: event.at, value: event.data.emissions });
      }
      if (event.type === 'NdcCommunicated' && event.data.party === this.query.party) {
        this.ndcFact = { seq, event: event.id, type: event.type, at: event.at, value: event.data.ndc.target ?? 0 };
      }
    }
    if (this.query.onProgress !== undefined && engine.events % this.every === 0) this.query.onProgress({ events: engine.events, at: engine.lastAt });
    return true;
  }

  report(): ExplainReport {
    const engine = this.engine;
    const { party, year, field } = this.query;
    const metric = this.query.metric ?? DEFAULT_METRIC;
    this.query.onProgress?.({ events: engine.events, at: engine.lastAt });
    const summaries = structuredSummary({ state: engine.state, book: engine.book, elections: engine.elections, lastAt: engine.lastAt });
    const summary: PartySummary | undefined = summaries[party];
    const rows = (metric === DEFAULT_METRIC ? summary?.years : summary?.metrics?.[metric]?.years) ?? {};
    const explainer = new Explainer(this, rows, summary, metric);
    const explanation = explainer.node(field, year);
    const body: Omit<ExplainReport, 'digest'> = {
      format: EXPLAIN_REPORT_FORMAT,
      rulebook: { name: engine.rulebook.name, sha256: engine.rulebook.sha256 },
      history: { events: engine.events, head: this.chain.head(), as_of: this.query.asOf ?? null },
      party,
      metric,
      method: summary?.method ?? null,
      year,
      field,
      value: explanation.value,
      explanation,
    };
    return { ...body, digest: sha256Hex(canonicalJson(body)) };
  }
}

/** Builds the explanation tree of a figure from the kept entries and the final state (replay.md's rules). */
class Explainer {
  private readonly ndc: Ndc | null;

  constructor(
    private readonly run: ExplainRun,
    private readonly rows: Readonly<Record<string, SummaryYear>>,
    private readonly summary: PartySummary | undefined,
    private readonly metric: string,
  ) {
    this.ndc = run.engine.state.parties.get(run.query.party)?.ndc ?? null;
  }

  private value(field: SummaryField, year: number): number | null {
    return this.rows[String(year)]?.[field] ?? null;
  }

  private leaf(field: SummaryField, year: number, formula: string, inputs: ExplainNode[] = [], entries: ExplainEntry[] = [], facts: ExplainFact[] = []): ExplainNode {
    return { field, year, value: this.value(field, year), formula, inputs, entries, facts };
  }

  private entriesOf(kinds: readonly (readonly [FlowField, 1 | -1])[], accept: (entry: BookedEntry) => boolean): ExplainEntry[] {
    const signs = new Map(kinds);
    return this.run.entries.flatMap((entry) => {
      const sign = signs.get(entry.field);
      if (sign === undefined || !accept(entry)) return [];
      const { seq, event, type, at, unit, year, quantity, vintage } = entry;
      return [{ seq, event, type, at, unit, entry: entry.field, year, quantity, vintage, sign }];
    });
  }

  node(field: SummaryField, year: number): ExplainNode {
    if (this.summary === undefined) return this.leaf(field, year, `${this.run.query.party} is not in the structured summary: it has no NDC and no entry under this rulebook`);
    if (this.rows[String(year)] === undefined) {
      const years = Object.keys(this.rows);
      return this.leaf(field, year, years.length === 0 ? 'the Party has no year rows (an NDC and no entry)' : `no row for ${year}: the Party's rows run ${years[0]}–${years.at(-1)}`);
    }
    const kinds = ENTRIES_OF[field];
    if (kinds !== undefined) return this.booked(field, year, kinds);
    switch (field) {
      case 'net':
        return this.net(year);
      case 'cumulative':
        return this.cumulative(year);
      case 'average':
        return this.average(year);
      case 'adjustment':
        return this.adjustment(year);
      case 'inventory':
        return this.inventory(year);
      case 'emissions_balance':
        return this.emissionsBalance(year);
      case 'adjusted_target':
        return this.adjustedTarget(year);
      default:
        return this.leaf(field, year, 'no explanation for this field');
    }
  }

  private booked(field: SummaryField, year: number, kinds: readonly (readonly [FlowField, 1 | -1])[]): ExplainNode {
    const entries = this.entriesOf(kinds, (entry) => entry.year === year);
    if ((field === 'a64_first_transferred' || field === 'a64_used') && this.value(field, year) === null) {
      return this.leaf(field, year, 'null: A6.4ERs have their own fields only under a64.itmo = separate');
    }
    const total = entries.reduce((sum, entry) => sum + entry.sign * entry.quantity, 0);
    return this.leaf(field, year, `${WORDS[field]}: the sum of ${entries.length} booked entr${entries.length === 1 ? 'y' : 'ies'} = ${total}`, [], entries);
  }

  private net(year: number): ExplainNode {
    const parts = (['first_transferred', 'oimp_first_transferred', 'used'] as const).map((field) => this.node(field, year));
    const [a, b, c] = parts.map((part) => part.value ?? 0);
    return this.leaf('net', year, `first_transferred + oimp_first_transferred − used = ${a} + ${b} − ${c}`, parts);
  }

  private cumulative(year: number): ExplainNode {
    const years = Object.keys(this.rows).map(Number).filter((row) => row <= year);
    const inputs = years.map((row) => this.node('net', row)).filter((node) => node.value !== 0);
    return this.leaf('cumulative', year, `running sum of net over ${years[0]}–${year} (years with net 0 left out) = ${inputs.map((node) => node.value).join(' + ') || '0'}`, inputs);
  }

  /** The annual adjustment of a year, also for years outside the Party's rows (then 0, no entries). */
  private annual(year: number): ExplainNode {
    const entries = this.entriesOf(ADJUSTMENT_ENTRIES, (entry) => entry.year === year);
    const value = entries.reduce((sum, entry) => sum + entry.sign * entry.quantity, 0);
    return { field: 'annual_adjustment', year, value, formula: `${WORDS.annual_adjustment}: the sum of ${entries.length} booked entr${entries.length === 1 ? 'y' : 'ies'} = ${value}`, inputs: [], entries, facts: [] };
  }

  private elapsed(): { from: number; end: number; count: number; through: string } | null {
    const ndc = this.ndc;
    if (ndc === null) return null;
    // As the structured summary reads them: the Party's inventories, whatever the metric table (replay.md).
    const party = this.run.engine.state.parties.get(this.run.query.party);
    const reported = party === undefined ? [] : [...party.inventory.keys()];
    const lastAt = this.run.engine.lastAt;
    const horizon = reported.length > 0 ? Math.max(...reported) : lastAt === null ? ndc.from - 1 : Number(lastAt.slice(0, 4));
    const end = Math.min(ndc.to, horizon);
    const through = reported.length > 0 ? `the latest inventory year ${horizon}` : `the year of the last replayed event (${horizon})`;
    return { from: ndc.from, end, count: end - ndc.from + 1, through: end < horizon ? `the NDC period end ${end}` : through };
  }

  private average(year: number): ExplainNode {
    if (this.summary?.method !== 'averaging' || this.ndc === null) return this.leaf('average', year, `null: the Party's method is ${this.summary?.method ?? 'none'}, not averaging`);
    const elapsed = this.elapsed()!;
    if (year < elapsed.from || year > elapsed.end) return this.leaf('average', year, `null: ${year} is not an elapsed year of the NDC period (${elapsed.from}–${elapsed.end}, through ${elapsed.through})`);
    const window = this.run.engine.elections.averagingWindow;
    const windowEnd = window === 'period' ? this.ndc.to : elapsed.end;
    const inputs: ExplainNode[] = [];
    let sum = 0;
    for (let row = elapsed.from; row <= windowEnd; row++) {
      const node = this.annual(row);
      sum += node.value ?? 0;
      if (node.value !== 0) inputs.push(node);
    }
    return this.leaf(
      'average',
      year,
      `averaging (window ${window}): Σ annual_adjustment ${elapsed.from}–${windowEnd} / ${elapsed.count} elapsed years (${elapsed.from}–${elapsed.end}, through ${elapsed.through}) = ${sum} / ${elapsed.count}`,
      inputs,
    );
  }

  private adjustment(year: number): ExplainNode {
    const method = this.summary!.method;
    const ndc = this.ndc;
    switch (method) {
      case 'trajectory': {
        const annual = this.node('annual_adjustment', year);
        return this.leaf('adjustment', year, `trajectory: adjustment = annual_adjustment = ${annual.value}`, [annual]);
      }
      case 'averaging': {
        const average = this.node('average', year);
        if (average.value === null) return this.leaf('adjustment', year, `averaging: 0 outside the elapsed years of the NDC period`, [average]);
        return this.leaf('adjustment', year, `averaging: the average, booked to every elapsed year = ${average.value}`, [average]);
      }
      case 'vintage_match': {
        const target = ndc?.targetYear ?? ndc?.to ?? year;
        if (year !== target) return this.leaf('adjustment', year, `vintage_match: booked to the target year ${target} only; 0 here`);
        const entries = this.entriesOf(ADJUSTMENT_ENTRIES, (entry) => entry.vintage === target);
        const total = entries.reduce((sum, entry) => sum + entry.sign * entry.quantity, 0);
        return this.leaf('adjustment', year, `vintage_match: adjustment entries of units of vintage ${target} (booked in any year), added − subtracted = ${total}`, [], entries);
      }
      case 'cumulative': {
        const target = ndc?.targetYear ?? ndc?.to ?? year;
        if (ndc === null || year !== target) return this.leaf('adjustment', year, `cumulative: booked to the target year ${target} only; 0 here`);
        const inputs: ExplainNode[] = [];
        for (let row = ndc.from; row <= ndc.to; row++) {
          const node = this.annual(row);
          if (node.value !== 0) inputs.push(node);
        }
        return this.leaf('adjustment', year, `cumulative: Σ annual_adjustment over the NDC period ${ndc.from}–${ndc.to} = ${inputs.map((node) => node.value).join(' + ') || '0'}`, inputs);
      }
    }
  }

  private inventory(year: number): ExplainNode {
    const fact = this.metric === DEFAULT_METRIC ? this.run.inventories.get(year) : undefined;
    if (fact === undefined) return this.leaf('inventory', year, `null: no inventory reported for ${year}${this.metric === DEFAULT_METRIC ? '' : ` (inventories are in tCO2e, not ${this.metric})`}`);
    return this.leaf('inventory', year, `reported emissions (the latest accepted InventoryReported for ${year}) = ${fact.value}`, [], [], [fact]);
  }

  private emissionsBalance(year: number): ExplainNode {
    if (this.run.engine.elections.object !== 'emissions_balance') return this.leaf('emissions_balance', year, 'null: adjustment.object = ndc_target (see adjusted_target)');
    const inventory = this.node('inventory', year);
    const adjustment = this.node('adjustment', year);
    if (inventory.value === null) return this.leaf('emissions_balance', year, 'null: no inventory reported for this year', [inventory, adjustment]);
    return this.leaf('emissions_balance', year, `inventory + adjustment = ${inventory.value} + ${adjustment.value}`, [inventory, adjustment]);
  }

  private adjustedTarget(year: number): ExplainNode {
    if (this.run.engine.elections.object !== 'ndc_target') return this.leaf('adjusted_target', year, 'null: adjustment.object = emissions_balance (see emissions_balance)');
    const adjustment = this.node('adjustment', year);
    const ndc = this.ndc;
    const facts = this.run.ndcFact === null ? [] : [this.run.ndcFact];
    const trajectory = ndc?.trajectory?.[String(year)];
    if (trajectory !== undefined) return this.leaf('adjusted_target', year, `NDC trajectory value for ${year} − adjustment = ${trajectory} − ${adjustment.value}`, [adjustment], [], facts);
    if (ndc?.target === undefined || this.value('adjusted_target', year) === null) return this.leaf('adjusted_target', year, 'null: the NDC gives no target (or trajectory value) for this year', [adjustment], [], facts);
    return this.leaf('adjusted_target', year, `NDC target − adjustment = ${ndc.target} − ${adjustment.value}`, [adjustment], [], facts);
  }
}

/**
 * `explain(history, rulebook, {party, year, field})`: the unit ranges and events behind one figure of
 * the structured summary, so every number can be traced to serial numbers. Replays the history once,
 * keeping the booked entries of that Party only.
 */
export async function explain(events: HistorySource, rulebook: CompiledRulebook, query: ExplainQuery): Promise<ExplainReport> {
  const run = new ExplainRun(rulebook, query);
  await foldHistory(events, (event) => run.fold(event));
  return run.report();
}

export function explainSync(events: Iterable<HistoryEvent>, rulebook: CompiledRulebook, query: ExplainQuery): ExplainReport {
  const run = new ExplainRun(rulebook, query);
  for (const event of events) if (!run.fold(event)) break;
  return run.report();
}
