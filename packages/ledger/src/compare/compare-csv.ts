import type { CompareReport } from './compare-report.ts';
import { csvCell } from '../report/csv-cell.ts';

/**
 * `a6 compare --format csv`: one table for a spreadsheet, a `kind` column telling verdict rows (seq,
 * event, type, cause; each rulebook's cell `accepted` or `rejected: code;code`) from summary rows
 * (party, metric, year, field; each rulebook's value, empty for `null`). One column per rulebook key.
 */
export function renderCompareCsv(report: CompareReport): string {
  const keys = report.rulebooks.map((entry) => entry.key);
  const lines = [['kind', 'seq', 'event', 'type', 'cause', 'party', 'metric', 'year', 'field', ...keys].map(csvCell).join(',')];
  for (const diff of report.verdict_diffs) {
    const verdicts = keys.map((key) => {
      const verdict = diff.verdicts[key];
      if (verdict === undefined) return '';
      return verdict.verdict === 'accepted' ? 'accepted' : `rejected: ${(verdict.codes ?? []).join(';')}`;
    });
    lines.push(['verdict', String(diff.seq), diff.event, diff.type, diff.cause, '', '', '', '', ...verdicts].map(csvCell).join(','));
  }
  for (const diff of report.summary_diffs) {
    const values = keys.map((key) => {
      const value = diff.values[key];
      return value === null || value === undefined ? '' : String(value);
    });
    lines.push(['summary', '', '', '', '', diff.party, diff.metric ?? 'tCO2e', String(diff.year), diff.field, ...values].map(csvCell).join(','));
  }
  return lines.join('\n') + '\n';
}
