import { SUMMARY_FIELDS, type SummaryYear } from '../accounting/structured-summary.ts';
import type { ReplayReport, ReportEntry } from '../report/replay-report.ts';
import { htmlPage, htmlTable } from './html-page.ts';
import { escapeHtml, formatCell, formatNumber } from './html-text.ts';
import { partyCharts } from './party-charts.ts';

/**
 * `a6 replay --format html` (cli.md): the `a6.replay/1` report as one self-contained page: what was
 * replayed and its digest, verdicts with their reasons and values, levies, holdings, and per Party the
 * charts of adjustment and emissions balance by year above the full structured summary.
 */
export function renderReplayHtml(report: ReplayReport): string {
  const { rulebook, history, verdicts } = report;
  const body: string[] = [];
  body.push(`<h1>Replay under <code>${escapeHtml(rulebook.name)}</code></h1>`);
  body.push(
    `<dl class="facts">` +
      fact('Rulebook', `<code>${escapeHtml(rulebook.name)}</code> from <code>${escapeHtml(rulebook.file)}</code>, sha256 <code>${escapeHtml(rulebook.sha256)}</code>`) +
      fact('History', `${formatNumber(history.events)} events, chain head <code>${escapeHtml(history.head)}</code>${history.as_of === null ? '' : `, as of ${escapeHtml(history.as_of)}`}`) +
      fact('Verdicts', `${formatNumber(verdicts.accepted)} accepted, ${formatNumber(verdicts.rejected)} rejected, ${formatNumber(verdicts.findings)} findings`) +
      fact('Digest', `<code>${escapeHtml(report.digest)}</code> (sha256 of the canonical JSON report without its digest)`) +
      `</dl>`,
  );
  body.push('<h2>Options</h2>');
  body.push(htmlTable(['option', 'value'], Object.entries(rulebook.options).map(([name, value]) => [`<code>${escapeHtml(name)}</code>`, escapeHtml(value)])));
  const imports = Object.entries(rulebook.imports);
  if (imports.length > 0) body.push(htmlTable(['imported file', 'sha256'], imports.map(([file, sha]) => [`<code>${escapeHtml(file)}</code>`, `<code>${escapeHtml(sha)}</code>`])));
  body.push(`<h2>Rejections (${formatNumber(report.rejections.length)} entries)</h2>`);
  body.push(entryTable(report.rejections));
  body.push(`<h2>Findings (${formatNumber(report.findings.length)})</h2>`);
  body.push(entryTable(report.findings));
  body.push('<h2>Levies</h2>');
  const levies = Object.entries(report.levies);
  body.push(levies.length === 0 ? '<p class="note">This rulebook has no levies.</p>' : htmlTable(['levy', 'units'], levies.map(([name, units]) => [escapeHtml(name), formatNumber(units)]), 'numbers'));
  body.push('<h2>Holdings</h2>');
  const holdings = Object.entries(report.holdings).flatMap(([account, byType]) => Object.entries(byType).map(([unitType, units]) => [`<code>${escapeHtml(account)}</code>`, escapeHtml(unitType), formatNumber(units)]));
  body.push(holdings.length === 0 ? '<p class="note">No units held.</p>' : htmlTable(['account', 'unit type', 'units'], holdings, 'numbers'));
  body.push('<h2>Structured summary by Party</h2>');
  const parties = Object.entries(report.parties);
  if (parties.length === 0) body.push('<p class="note">No Party has an NDC or an entry.</p>');
  parties.forEach(([party, summary], index) => {
    body.push(`<h3>${escapeHtml(party)} — ${escapeHtml(summary.method)}</h3>`);
    body.push(partyCharts(party, [{ name: rulebook.name, years: summary.years }], `party-${index}`));
    body.push(summaryTable(summary.years));
    for (const [metric, table] of Object.entries(summary.metrics ?? {})) {
      body.push(`<h4>${escapeHtml(party)} (${escapeHtml(metric)})</h4>`);
      body.push(summaryTable(table.years));
    }
  });
  return htmlPage(`Replay: ${rulebook.name}`, body.join('\n'));
}

function fact(term: string, definition: string): string {
  return `<dt>${term}</dt><dd>${definition}</dd>`;
}

/** Rejections or findings: where, which check, why, on which units, with the values that decided it. */
function entryTable(entries: readonly ReportEntry[]): string {
  if (entries.length === 0) return '<p class="note">None.</p>';
  return htmlTable(
    ['seq', 'event', 'type', 'code', 'message', 'unit', 'values', 'source'],
    entries.map((entry) => [
      String(entry.seq),
      `<code>${escapeHtml(entry.event)}</code>`,
      escapeHtml(entry.type),
      `<code>${escapeHtml(entry.code)}</code>`,
      escapeHtml(entry.message),
      entry.unit === null ? '' : `<code>${escapeHtml(entry.unit)}</code>`,
      Object.entries(entry.values)
        .map(([path, value]) => `<code>${escapeHtml(path)} = ${escapeHtml(JSON.stringify(value))}</code>`)
        .join('<br>'),
      entry.source === null ? 'built-in check' : `<code>${escapeHtml(`${entry.source.file}:${entry.source.line}:${entry.source.col}`)}</code>`,
    ]),
  );
}

/** Every field of replay.md's table, one row per year. */
function summaryTable(years: Readonly<Record<string, SummaryYear>>): string {
  const rows = Object.entries(years).map(([year, row]) => [year, ...SUMMARY_FIELDS.map((field) => formatCell(row[field]))]);
  if (rows.length === 0) return '<p class="note">No year rows.</p>';
  return htmlTable(['year', ...SUMMARY_FIELDS.map((field) => `<code>${field}</code>`)], rows, 'numbers');
}
