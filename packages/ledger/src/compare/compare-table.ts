import type { CompareReport, CompareVerdict, SummaryDiff } from './compare-report.ts';
import { textColumns } from '../report/text-columns.ts';

/**
 * `a6 compare` (default `--format table`): the report for a terminal: the rulebooks (the first is the
 * baseline), where they first diverge, every verdict diff with its cause, and the summary diffs, with
 * the change from the baseline when there are exactly two. Plain text, so it pastes into an issue.
 */
export function renderCompareTable(report: CompareReport): string {
  const out: string[] = [];
  const keys = report.rulebooks.map((entry) => entry.key);
  out.push(`History   ${report.history.events} events, head ${report.history.head.slice(0, 12)}…`);
  out.push(`Digest    ${report.digest}`);
  out.push(`Diverge   ${report.first_divergence === null ? 'nowhere: same verdicts, levies and entries throughout' : `first at #${report.first_divergence}`}`);
  out.push('', 'Rulebooks');
  const rows = report.rulebooks.map((entry, index) => [
    `${entry.key}${index === 0 ? ' (baseline)' : ''}`,
    entry.sha256.slice(0, 12) + '…',
    String(entry.verdicts.accepted),
    String(entry.verdicts.rejected),
    String(entry.verdicts.findings),
    Object.entries(entry.levies)
      .map(([name, units]) => `${name} ${units}`)
      .join(', ') || '—',
  ]);
  for (const line of textColumns([['rulebook', 'sha256', 'accepted', 'rejected', 'findings', 'levies'], ...rows], [false, false, true, true, true, false])) out.push(`  ${line}`);

  out.push('', `Verdict diffs (${report.verdict_diffs.length})`);
  if (report.verdict_diffs.length === 0) out.push('  (none)');
  for (const diff of report.verdict_diffs) {
    out.push(`  #${diff.seq} ${diff.type} ${JSON.stringify(diff.event)} — ${diff.cause}`);
    for (const line of textColumns(keys.map((key) => [key, verdictText(diff.verdicts[key])]), [false, false])) out.push(`      ${line}`);
  }

  out.push('', `Summary diffs (${report.summary_diffs.length})`);
  if (report.summary_diffs.length === 0) out.push('  (none)');
  else {
    const change = keys.length === 2;
    const header = ['party', 'year', 'field', ...keys, ...(change ? ['change'] : [])];
    const lines = report.summary_diffs.map((diff) => [diff.party + (diff.metric === undefined ? '' : ` (${diff.metric})`), String(diff.year), diff.field, ...keys.map((key) => cell(diff.values[key])), ...(change ? [changeText(diff, keys)] : [])]);
    for (const line of textColumns([header, ...lines], header.map((_, index) => index === 1 || index >= 3))) out.push(`  ${line}`);
  }
  return out.join('\n') + '\n';
}

function verdictText(verdict: CompareVerdict | undefined): string {
  if (verdict === undefined) return '—';
  return verdict.verdict === 'accepted' ? 'accepted' : `rejected: ${(verdict.codes ?? []).join(', ')}`;
}

function cell(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : String(value);
}

/** The second rulebook's value minus the baseline's (both numbers), signed. */
function changeText(diff: SummaryDiff, keys: readonly string[]): string {
  const base = diff.values[keys[0]!];
  const other = diff.values[keys[1]!];
  if (typeof base !== 'number' || typeof other !== 'number') return '';
  const delta = other - base;
  return delta > 0 ? `+${delta}` : String(delta);
}
