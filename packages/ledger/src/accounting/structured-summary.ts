import type { Ndc } from '../events/types.ts';
import type { LedgerState, PartyState } from '../state/ledger-state.ts';
import { DEFAULT_METRIC, type AccountingBook, type PartyBook, type YearFlows } from './accounting-book.ts';
import type { AccountingElections } from './accounting-elections.ts';

/**
 * The structured summary (docs/reports.md; Table 4 of the BTR) per Party and year, derived from the booked
 * entries at the end of a replay. Sums are exact integers; an average divides once, at the end.
 */

export type AdjustmentMethod = 'trajectory' | 'averaging' | 'vintage_match' | 'cumulative';

/** One year row. Every field is present; `null` where it does not apply. */
export interface SummaryYear {
  readonly first_transferred: number;
  readonly oimp_first_transferred: number;
  readonly used: number;
  readonly net: number;
  readonly acquired: number;
  readonly annual_adjustment: number;
  readonly average: number | null;
  readonly adjustment: number;
  readonly cumulative: number;
  readonly inventory: number | null;
  readonly emissions_balance: number | null;
  readonly adjusted_target: number | null;
  readonly a64_first_transferred: number | null;
  readonly a64_used: number | null;
}

/** Field order of a year row as docs/reports.md's table lists it (CSV columns, compare's diff order). */
export const SUMMARY_FIELDS: readonly (keyof SummaryYear)[] = [
  'first_transferred',
  'oimp_first_transferred',
  'used',
  'net',
  'acquired',
  'annual_adjustment',
  'average',
  'adjustment',
  'cumulative',
  'inventory',
  'emissions_balance',
  'adjusted_target',
  'a64_first_transferred',
  'a64_used',
];

export interface MetricSummary {
  readonly years: Readonly<Record<string, SummaryYear>>;
}

export interface PartySummary {
  readonly method: AdjustmentMethod;
  readonly years: Readonly<Record<string, SummaryYear>>;
  /** Metrics other than tCO2e (docs/reports.md: `parties.P.metrics.METRIC.years`); absent when there are none. */
  readonly metrics?: Readonly<Record<string, MetricSummary>>;
}

export interface SummaryInput {
  readonly state: LedgerState;
  readonly book: AccountingBook;
  readonly elections: AccountingElections;
  /** `at` of the last replayed event (averaging's horizon without an inventory). */
  readonly lastAt: string | null;
}

/** The method a Party's adjustment follows: multi-year NDCs always use a trajectory (docs/reports.md). */
export function adjustmentMethod(ndc: Ndc | null, elections: AccountingElections): AdjustmentMethod {
  if (ndc === null || ndc.kind === 'multi-year') return 'trajectory';
  if (elections.singleYear === 'party_method') return ndc.method ?? 'trajectory';
  return elections.singleYear;
}

export function structuredSummary(input: SummaryInput): Record<string, PartySummary> {
  const parties = [...input.state.parties.items].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const summary: Record<string, PartySummary> = {};
  for (const party of parties) {
    const method = adjustmentMethod(party.ndc, input.elections);
    const main = metricTable(input, party, method, DEFAULT_METRIC);
    const metrics: Record<string, MetricSummary> = {};
    const otherMetrics = [...input.book.metrics.keys()].filter((metric) => metric !== DEFAULT_METRIC).sort();
    for (const metric of otherMetrics) {
      const table = metricTable(input, party, method, metric);
      if (table.hasEntries) metrics[metric] = { years: table.years };
    }
    const hasOtherMetrics = Object.keys(metrics).length > 0;
    // docs/reports.md: a Party is listed when it has an NDC or any entry (a non-zero booking or an inventory).
    if (party.ndc === null && !main.hasEntries && !hasOtherMetrics) continue;
    summary[party.code] = hasOtherMetrics ? { method, years: main.years, metrics } : { method, years: main.years };
  }
  return summary;
}

interface MetricTable {
  readonly years: Record<string, SummaryYear>;
  readonly hasEntries: boolean;
}

function metricTable(input: SummaryInput, party: PartyState, method: AdjustmentMethod, metric: string): MetricTable {
  const { elections } = input;
  const book: PartyBook | undefined = input.book.metrics.get(metric)?.get(party.id);
  const inventory = metric === DEFAULT_METRIC ? party.inventory : new Map<number, number>();
  const ndc = party.ndc;

  const annual = new Map<number, number>();
  const entryYears: number[] = [];
  if (book !== undefined) {
    for (const [year, flows] of book.years) {
      annual.set(year, annualAdjustment(flows));
      if (hasBooking(flows)) entryYears.push(year);
    }
  }
  for (const year of inventory.keys()) entryYears.push(year);

  const adjustment = new Map<number, number>();
  let average: number | null = null;
  let averagedThrough = Number.NEGATIVE_INFINITY;
  if (ndc !== null && method === 'averaging') {
    // 2/CMA.3 annex para 7(a)(ii): cumulative ITMOs divided by the elapsed years of the NDC period,
    // which run from its start through the latest inventory year (none: the last replayed event's year).
    // The elapsed years are the Party's (docs/reports.md), so a metric table counts them from the tCO2e
    // inventory too, although it lists no inventory of its own.
    const latestInventory = party.inventory.size > 0 ? Math.max(...party.inventory.keys()) : null;
    const horizon = latestInventory ?? (input.lastAt === null ? ndc.from - 1 : Number(input.lastAt.slice(0, 4)));
    const elapsedEnd = Math.min(ndc.to, horizon);
    const elapsed = elapsedEnd - ndc.from + 1;
    if (elapsed > 0) {
      const windowEnd = elections.averagingWindow === 'period' ? ndc.to : elapsedEnd;
      let sum = 0;
      for (const [year, value] of annual) if (year >= ndc.from && year <= windowEnd) sum += value;
      average = sum / elapsed;
      averagedThrough = elapsedEnd;
      for (let year = ndc.from; year <= elapsedEnd; year++) adjustment.set(year, average);
    }
  } else if (ndc !== null && (method === 'vintage_match' || method === 'cumulative')) {
    const target = ndc.targetYear ?? ndc.to;
    let value = 0;
    if (method === 'vintage_match') {
      const byVintage = book?.byVintage.get(target);
      value = byVintage === undefined ? 0 : byVintage.added - byVintage.subtracted;
    } else {
      for (const [year, amount] of annual) if (year >= ndc.from && year <= ndc.to) value += amount;
    }
    adjustment.set(target, value);
  } else {
    for (const [year, value] of annual) adjustment.set(year, value);
  }
  for (const [year, value] of adjustment) if (value !== 0) entryYears.push(year);

  const years: Record<string, SummaryYear> = {};
  if (entryYears.length === 0) return { years, hasEntries: false };
  const firstEntry = Math.min(...entryYears);
  const lastEntry = Math.max(...entryYears);
  const first = ndc === null ? firstEntry : Math.min(ndc.from, firstEntry);
  const separate = elections.a64Itmo === 'separate';
  let cumulative = 0;
  for (let year = first; year <= lastEntry; year++) {
    const flows = book?.years.get(year);
    const firstTransferred = flows?.firstTransferred ?? 0;
    const oimpFirstTransferred = flows?.oimpFirstTransferred ?? 0;
    const used = flows?.used ?? 0;
    const net = firstTransferred + oimpFirstTransferred - used;
    cumulative += net;
    const adjusted = adjustment.get(year) ?? 0;
    const reported = inventory.get(year) ?? null;
    years[String(year)] = {
      first_transferred: firstTransferred,
      oimp_first_transferred: oimpFirstTransferred,
      used,
      net,
      acquired: flows?.acquired ?? 0,
      annual_adjustment: annual.get(year) ?? 0,
      average: average !== null && ndc !== null && year >= ndc.from && year <= averagedThrough ? average : null,
      adjustment: adjusted,
      cumulative,
      inventory: reported,
      emissions_balance: elections.object === 'emissions_balance' && reported !== null ? reported + adjusted : null,
      adjusted_target: elections.object === 'ndc_target' ? adjustedTarget(ndc, metric, year, adjusted) : null,
      a64_first_transferred: separate ? (flows?.a64FirstTransferred ?? 0) : null,
      a64_used: separate ? (flows?.a64Used ?? 0) : null,
    };
  }
  return { years, hasEntries: true };
}

function annualAdjustment(flows: YearFlows): number {
  return flows.transferorAdded - flows.acquirerSubtracted + flows.acquirerAddedBack;
}

function hasBooking(flows: YearFlows): boolean {
  return (
    flows.firstTransferred !== 0 ||
    flows.oimpFirstTransferred !== 0 ||
    flows.used !== 0 ||
    flows.acquired !== 0 ||
    flows.transferorAdded !== 0 ||
    flows.acquirerSubtracted !== 0 ||
    flows.acquirerAddedBack !== 0 ||
    flows.a64FirstTransferred !== 0 ||
    flows.a64Used !== 0
  );
}

/** `ndc_target`: the trajectory value of the year, or the NDC target in its target year, minus the adjustment. */
function adjustedTarget(ndc: Ndc | null, metric: string, year: number, adjustment: number): number | null {
  if (ndc === null || ndc.metric !== metric) return null;
  const trajectory = ndc.trajectory?.[String(year)];
  if (trajectory !== undefined) return trajectory - adjustment;
  if (ndc.target === undefined) return null;
  // Without a trajectory value the target is a level for one year only, whatever the NDC's kind
  // (docs/reports.md "adjusted_target"): the target year, else the period's last year.
  return year === (ndc.targetYear ?? ndc.to) ? ndc.target - adjustment : null;
}
