import { SUMMARY_FIELDS, type SummaryYear } from '../accounting/structured-summary.ts';
import type { ReplayReport, ReportEntry } from './replay-report.ts';
import { textColumns } from './text-columns.ts';

/**
 * `a6 replay` (default `--format table`): the report for a terminal, in reading order: what was
 * replayed, verdict counts, rejections and findings with their reasons and values, levies, holdings,
 * and the structured summary per Party. Plain text (no colours), so it pastes into an issue.
 */
export function renderReportTable(report: ReplayReport): string {
  const out: string[] = [];
  const { rulebook, history, verdicts } = report;
  out.push(`Rulebook  ${rulebook.name} (${rulebook.file}, sha256 ${rulebook.sha256.slice(0, 12)}…)`);
  out.push(`History   ${history.events} events, head ${history.head.slice(0, 12)}…${history.as_of === null ? '' : `, as of ${history.as_of}`}`);
  out.push(`Verdicts  ${verdicts.accepted} accepted, ${verdicts.rejected} rejected, ${verdicts.findings} findings`);
  out.push(`Digest    ${report.digest}`);
  section(out, 'Rejections', report.rejections.map(entryLine));
  section(out, 'Findings', report.findings.map(entryLine));
  section(out, 'Levies', textColumns(Object.entries(report.levies).map(([name, units]) => [name, String(units)]), [false, true]));
  const holdings: string[][] = [];
  for (const [account, byType] of Object.entries(report.holdings)) {
    for (const [unitType, units] of Object.entries(byType)) holdings.push([account, unitType, String(units)]);
  }
  section(out, 'Holdings', textColumns([['account', 'unit type', 'units'], ...holdings], [false, false, true]));
  for (const [party, summary] of Object.entries(report.parties)) {
    const tables: [string, Readonly<Record<string, SummaryYear>>][] = [['tCO2e', summary.years]];
    for (const [metric, table] of Object.entries(summary.metrics ?? {})) tables.push([metric, table.years]);
    for (const [metric, years] of tables) {
      const title = `${party} — ${summary.method}${metric === 'tCO2e' ? '' : ` (${metric})`}`;
      const rows = Object.entries(years).map(([year, row]) => [year, ...SUMMARY_FIELDS.map((field) => cell(row[field]))]);
      section(out, title, rows.length === 0 ? ['(no entries)'] : textColumns([['year', ...SUMMARY_FIELDS], ...rows], [false, ...SUMMARY_FIELDS.map(() => true)]));
    }
  }
  return out.join('\n') + '\n';
}

function entryLine(entry: ReportEntry): string {
  const where = entry.source === null ? '' : ` (${entry.source.file}:${entry.source.line}:${entry.source.col})`;
  const unit = entry.unit === null ? '' : ` ${entry.unit}`;
  const values = Object.entries(entry.values)
    .map(([path, value]) => `${path}=${JSON.stringify(value)}`)
    .join(', ');
  return `#${entry.seq} ${entry.type} ${JSON.stringify(entry.event)}${unit}: ${entry.code}: ${entry.message}${values === '' ? '' : ` [${values}]`}${where}`;
}

function cell(value: number | null): string {
  return value === null ? '—' : String(value);
}

function section(out: string[], title: string, lines: readonly string[]): void {
  if (lines.length === 0) return;
  out.push('', title);
  for (const line of lines) out.push(`  ${line}`);
}

