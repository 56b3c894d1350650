import type { SummaryYear } from '../accounting/structured-summary.ts';
import { escapeHtml } from './html-text.ts';
import { barChart, hasValues, lineChart } from './svg-chart.ts';

/** What the charts read of one rulebook's summary of one Party. */
export type ChartedYear = Pick<SummaryYear, 'adjustment' | 'emissions_balance'>;

/** One rulebook's year rows of one Party (`undefined`: not listed), under the series name it is drawn with. */
export interface PartySeries {
  readonly name: string;
  readonly years: Readonly<Record<string, ChartedYear>> | undefined;
}

/**
 * The two charts docs/cli.md asks for, per Party: the corresponding adjustment by year (bars from 0) and the
 * emissions balance by year (lines), one series per rulebook. Years run over every rulebook's rows.
 */
export function partyCharts(party: string, series: readonly PartySeries[], idPrefix: string): string {
  const years = [...new Set(series.flatMap((entry) => Object.keys(entry.years ?? {})))].map(Number).sort((a, b) => a - b);
  if (years.length === 0) return `<p class="note">No year rows: ${escapeHtml(party)} has an NDC but no entry.</p>`;
  const categories = years.map(String);
  const column = (field: 'adjustment' | 'emissions_balance') =>
    series.map((entry) => ({ name: entry.name, values: categories.map((year) => entry.years?.[year]?.[field] ?? null) }));
  const names = series.map((entry) => entry.name).join(', ');
  const out: string[] = [];
  const adjustments = column('adjustment');
  out.push(
    barChart({
      id: `${idPrefix}-adjustment`,
      title: `${party}: corresponding adjustment by year`,
      description: `Bar chart of ${party}'s corresponding adjustment (structured summary row 10) for ${categories[0]}–${categories.at(-1)}, one series per rulebook: ${names}.`,
      categories,
      series: adjustments,
      unit: 'tCO2e',
    }),
  );
  const balances = column('emissions_balance');
  if (hasValues(balances)) {
    out.push(
      lineChart({
        id: `${idPrefix}-balance`,
        title: `${party}: emissions balance by year`,
        description: `Line chart of ${party}'s emissions balance (inventory plus adjustment, row 12) in the years with a reported inventory, one series per rulebook: ${names}.`,
        categories,
        series: balances,
        unit: 'tCO2e',
      }),
    );
  } else {
    out.push(`<p class="note">No emissions balance for ${escapeHtml(party)}: no inventory reported, or the adjustment applies to the NDC target.</p>`);
  }
  return out.join('\n');
}
