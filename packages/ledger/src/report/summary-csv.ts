import { SUMMARY_FIELDS, type SummaryYear } from '../accounting/structured-summary.ts';
import type { ReplayReport } from './replay-report.ts';
import { csvCell } from './csv-cell.ts';

/**
 * `a6 replay --format csv` (docs/cli.md): the structured summary, one row per Party, metric and year, every
 * field of docs/reports.md's table as a column (empty where `null`). tCO2e rows first, then other metrics.
 */
export function renderSummaryCsv(report: ReplayReport): string {
  const lines = [['party', 'method', 'metric', 'year', ...SUMMARY_FIELDS].join(',')];
  for (const [party, summary] of Object.entries(report.parties)) {
    const tables: [string, Readonly<Record<string, SummaryYear>>][] = [['tCO2e', summary.years]];
    for (const [metric, table] of Object.entries(summary.metrics ?? {})) tables.push([metric, table.years]);
    for (const [metric, years] of tables) {
      for (const [year, row] of Object.entries(years)) {
        lines.push([csvCell(party), summary.method, csvCell(metric), year, ...SUMMARY_FIELDS.map((field) => (row[field] === null ? '' : String(row[field])))].join(','));
      }
    }
  }
  return lines.join('\n') + '\n';
}
