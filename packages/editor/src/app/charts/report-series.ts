import type { CompareReport, ReplayReport, SummaryField } from '@a6/ledger';
import type { ChartSpec } from './chart-layout.ts';

/** A chart and what it leaves out, said next to it rather than hidden. */
export interface DerivedChart {
  readonly spec: ChartSpec;
  readonly note: string | null;
}

/** Grouped bars stay readable up to about this many bars; beyond, one line per Party. */
const MAX_BARS = 80;

const sortedYears = (years: Iterable<string>): string[] => [...new Set(years)].sort((a, b) => Number(a) - Number(b));

/** Row 10 of the structured summary (`adjustment`, tCO2e) per Party and year; `null` when no Party adjusts. */
export function adjustmentChart(report: ReplayReport): DerivedChart | null {
  const parties = Object.keys(report.parties).sort();
  const adjusting = parties.filter((party) => Object.values(report.parties[party]!.years).some((row) => (row.adjustment ?? 0) !== 0));
  if (adjusting.length === 0) return null;
  const years = sortedYears(adjusting.flatMap((party) => Object.keys(report.parties[party]!.years)));
  const quiet = parties.filter((party) => !adjusting.includes(party));
  const kind = adjusting.length * years.length <= MAX_BARS ? 'bars' : 'lines';
  return {
    spec: {
      title: 'Corresponding adjustment per Party and year',
      description: `The adjustment booked for each year (structured summary row 10, tCO2e) under ${report.rulebook.name}, one ${kind === 'bars' ? 'bar colour' : 'line'} per Party: positive values are additions by a transferring Party, negative ones subtractions by a using Party.`,
      kind,
      includeZero: true,
      categoryLabel: 'Year',
      valueLabel: 'tCO2e',
      categories: years,
      series: adjusting.map((party) => ({ name: party, values: years.map((year) => report.parties[party]!.years[year]?.adjustment ?? null) })),
    },
    note: quiet.length === 0 ? null : `Not drawn (no adjustment in any year): ${quiet.join(', ')}.`,
  };
}

/** Row 12 (`emissions_balance`) per Party and year; `null` when no Party has one (no inventory, or `ndc_target`). */
export function emissionsBalanceChart(report: ReplayReport): DerivedChart | null {
  const parties = Object.keys(report.parties).sort();
  const balanced = parties.filter((party) => Object.values(report.parties[party]!.years).some((row) => row.emissions_balance !== null));
  if (balanced.length === 0) return null;
  const years = sortedYears(
    balanced.flatMap((party) => Object.entries(report.parties[party]!.years).filter(([, row]) => row.emissions_balance !== null).map(([year]) => year)),
  );
  return {
    spec: {
      title: 'Emissions balance per Party and year',
      description: `Reported inventory plus the corresponding adjustment (structured summary row 12, tCO2e) under ${report.rulebook.name}, one line per Party, for the years with an inventory. The value axis does not start at zero.`,
      kind: 'lines',
      includeZero: false,
      categoryLabel: 'Year',
      valueLabel: 'tCO2e',
      categories: years,
      series: balanced.map((party) => ({ name: party, values: years.map((year) => report.parties[party]!.years[year]?.emissions_balance ?? null) })),
    },
    note: balanced.length === parties.length ? null : `Parties without an inventory have no emissions balance: ${parties.filter((party) => !balanced.includes(party)).join(', ')}.`,
  };
}

/** Parties with a tCO2e difference in `field`, in the report's order. */
export function partiesWithDiffs(report: CompareReport, field: SummaryField): string[] {
  return [...new Set(report.summary_diffs.filter((diff) => diff.field === field && diff.metric === undefined).map((diff) => diff.party))];
}

/**
 * One Party's `field` under every compared rulebook, one bar series per rulebook, for the years where
 * the rulebooks differ (`a6.compare/1` lists only differences; equal years are not in the report).
 */
export function compareChart(report: CompareReport, party: string, field: SummaryField): DerivedChart | null {
  const diffs = report.summary_diffs.filter((diff) => diff.party === party && diff.field === field && diff.metric === undefined);
  if (diffs.length === 0) return null;
  const years = sortedYears(diffs.map((diff) => String(diff.year)));
  const byYear = new Map(diffs.map((diff) => [String(diff.year), diff]));
  return {
    spec: {
      title: `${party}: ${field} where the rulebooks differ`,
      description: `${field} of ${party} (tCO2e) per year under each compared rulebook, one bar colour per rulebook; only years where they differ are listed.`,
      kind: 'bars',
      categoryLabel: 'Year',
      valueLabel: 'tCO2e',
      categories: years,
      series: report.rulebooks.map((rulebook) => ({ name: rulebook.key, values: years.map((year) => byYear.get(year)?.values[rulebook.key] ?? null) })),
    },
    note: null,
  };
}
