import type { JsonValue } from '@a6/dsl';
import { SUMMARY_FIELDS, type PartySummary, type ReplayReport, type ReportEntry as VerdictEntry, type SummaryYear } from '@a6/ledger';
import { adjustmentChart, emissionsBalanceChart, renderChart } from '../charts/index.ts';
import type { DerivedChart } from '../charts/report-series.ts';
import { dataTable, element, formatExact, reportSection, type TableCell } from '../shell/index.ts';

/** Rows drawn per verdict table; the rest stay in the JSON report (a big history can reject thousands). */
const MAX_TABLE_ROWS = 500;

export interface ReplayResultsOptions {
  readonly history: string;
  /** Show only this rule's rejections (a code lens was clicked). */
  readonly ruleFilter: string | null;
  onClearFilter(): void;
  /** A rejection or finding row was chosen: jump to its source. */
  onEntry(entry: VerdictEntry): void;
  onDownload(): void;
}

const count = (value: number, word: string) => `${formatExact(value)} ${word}${value === 1 ? '' : 's'}`;

function jsonText(value: JsonValue): string {
  return typeof value === 'string' ? JSON.stringify(value) : typeof value === 'number' ? formatExact(value) : JSON.stringify(value);
}

/** The values that decided a verdict (replay.md: keyed by their source text). */
function renderEntryDetail(entry: VerdictEntry): HTMLElement {
  const where = entry.source ? `${entry.source.file}:${entry.source.line}:${entry.source.col}` : 'built-in integrity check';
  const values = Object.entries(entry.values);
  return element(
    'div',
    { className: 'entry-detail' },
    element('h4', { textContent: `Event ${entry.seq} (${entry.event}) — ${entry.code}` }),
    element('p', {}, entry.message),
    element('p', { className: 'muted' }, `${entry.rule ? `rule ${entry.rule}, ` : ''}${where}${entry.unit ? `, units ${entry.unit}` : ''}`),
    values.length === 0
      ? element('p', { className: 'muted', textContent: 'No values recorded for this check.' })
      : dataTable({
          caption: 'Values that decided it',
          columns: [{ label: 'Expression' }, { label: 'Value' }],
          rows: values.map(([expression, value]) => [element('code', { textContent: expression }), element('code', { textContent: jsonText(value) })]),
          rowHeaders: true,
          className: 'values-table',
        }),
  );
}

function entryTable(caption: string, entries: readonly VerdictEntry[], detail: HTMLElement, onEntry: (entry: VerdictEntry) => void): HTMLElement {
  const shown = entries.slice(0, MAX_TABLE_ROWS);
  const rows: TableCell[][] = shown.map((entry) => {
    const button = element('button', { className: 'link-button', textContent: String(entry.seq) });
    button.type = 'button';
    button.setAttribute('aria-label', `Event ${entry.seq}, ${entry.code}: show the values and jump to the check`);
    button.addEventListener('click', () => {
      table.querySelectorAll('tr[aria-selected="true"]').forEach((row) => row.removeAttribute('aria-selected'));
      button.closest('tr')?.setAttribute('aria-selected', 'true');
      detail.replaceChildren(renderEntryDetail(entry));
      onEntry(entry);
    });
    return [button, entry.event, entry.type, element('code', { textContent: entry.code }), entry.rule ?? '—', entry.unit ?? '—', entry.message];
  });
  const table = dataTable({
    caption,
    columns: [{ label: 'Seq', numeric: true }, { label: 'Event' }, { label: 'Type' }, { label: 'Code' }, { label: 'Rule' }, { label: 'Units' }, { label: 'Message' }],
    rows,
    className: 'entries-table',
  });
  const wrapper = element('div', { className: 'table-scroll' }, table);
  if (entries.length > shown.length) {
    wrapper.append(element('p', { className: 'muted', textContent: `Showing the first ${MAX_TABLE_ROWS} of ${formatExact(entries.length)} entries; the JSON report has all of them.` }));
  }
  return wrapper;
}

function chartBlock(derived: DerivedChart | null, missing: string): HTMLElement {
  if (derived === null) return element('p', { className: 'muted', textContent: missing });
  const block = element('div', { className: 'chart-block' }, renderChart(derived.spec));
  if (derived.note) block.append(element('p', { className: 'muted', textContent: derived.note }));
  return block;
}

function summaryTable(caption: string, years: Readonly<Record<string, SummaryYear>>): HTMLElement {
  const rows = Object.entries(years).sort(([a], [b]) => Number(a) - Number(b));
  if (rows.length === 0) return element('p', { className: 'muted', textContent: `${caption}: no year has an entry.` });
  // Fields that are null in every year (a64_* outside `separate`, average outside averaging) are named, not drawn.
  const shownFields = SUMMARY_FIELDS.filter((field) => rows.some(([, row]) => row[field] !== null));
  const hidden = SUMMARY_FIELDS.filter((field) => !shownFields.includes(field));
  const table = dataTable({
    caption,
    columns: [{ label: 'Year' }, ...shownFields.map((field) => ({ label: field, numeric: true }))],
    rows: rows.map(([year, row]) => [year, ...shownFields.map((field) => formatExact(row[field]))]),
    rowHeaders: true,
    className: 'summary-table',
  });
  const block = element('div', { className: 'table-scroll' }, table);
  if (hidden.length > 0) block.append(element('p', { className: 'muted', textContent: `null in every year: ${hidden.join(', ')}` }));
  return block;
}

function partySummary(party: string, summary: PartySummary): HTMLElement[] {
  const blocks = [summaryTable(`${party} — method ${summary.method} (tCO2e)`, summary.years)];
  for (const [metric, table] of Object.entries(summary.metrics ?? {})) blocks.push(summaryTable(`${party} — ${metric}`, table.years));
  return blocks;
}

/** The whole `a6.replay/1` report as the Run view shows it. */
export function renderReplayResults(report: ReplayReport, options: ReplayResultsOptions): HTMLElement {
  const root = element('div', { className: 'replay-results' });
  root.append(replaySummary(report, options), verdictCounts(report), rejectionsSection(report, options));
  if (report.findings.length > 0) {
    const findingDetail = element('div', { className: 'entry-detail-region' });
    findingDetail.setAttribute('aria-live', 'polite');
    root.append(reportSection(`Findings (${formatExact(report.findings.length)})`, findingDetail, entryTable('Findings (expect checks that failed)', report.findings, findingDetail, options.onEntry)));
  }
  root.append(leviesAndHoldings(report));
  root.append(
    reportSection(
      'Charts',
      element(
        'div',
        { className: 'charts' },
        chartBlock(adjustmentChart(report), 'No Party has a corresponding adjustment in any year.'),
        chartBlock(emissionsBalanceChart(report), 'No emissions balance: no Party reported an inventory (or the adjustment applies to the NDC target).'),
      ),
    ),
  );
  const parties = Object.keys(report.parties).sort();
  root.append(
    reportSection(
      `Structured summary per Party and year (${parties.length} ${parties.length === 1 ? 'Party' : 'Parties'})`,
      ...(parties.length === 0 ? [element('p', { className: 'muted', textContent: 'No Party has an NDC or an entry.' })] : parties.flatMap((party) => partySummary(party, report.parties[party]!))),
    ),
  );
  return root;
}

function replaySummary(report: ReplayReport, options: ReplayResultsOptions): HTMLElement {
  const download = element('button', { textContent: 'Download JSON report' });
  download.type = 'button';
  download.addEventListener('click', () => options.onDownload());
  const digest = element('code', { textContent: `${report.digest.slice(0, 12)}…`, title: report.digest });
  return element(
    'p',
    { className: 'run-summary' },
    element('strong', { textContent: report.rulebook.name }),
    `${report.rulebook.file ? ` (${report.rulebook.file})` : ''} over ${options.history}: ${count(report.history.events, 'event')}${report.history.as_of ? ` as of ${report.history.as_of}` : ''} · digest `,
    digest,
    ' ',
    download,
  );
}

function verdictCounts(report: ReplayReport): HTMLElement {
  const counts = element('dl', { className: 'verdict-counts' });
  for (const [label, value, kind] of [
    ['Accepted', report.verdicts.accepted, 'accepted'],
    ['Rejected', report.verdicts.rejected, 'rejected'],
    ['Findings', report.verdicts.findings, 'findings'],
  ] as const) {
    counts.append(element('div', { className: `verdict-count verdict-${kind}` }, element('dt', { textContent: label }), element('dd', { textContent: formatExact(value) })));
  }
  return counts;
}

/** The rejections (only one rule's when a code lens chose it), with the chosen row's values above the table. */
function rejectionsSection(report: ReplayReport, options: ReplayResultsOptions): HTMLElement {
  const detail = element('div', { className: 'entry-detail-region' });
  detail.setAttribute('aria-live', 'polite');
  detail.id = 'rejection-detail';
  const rejections = options.ruleFilter === null ? report.rejections : report.rejections.filter((entry) => entry.rule === options.ruleFilter);
  const rejectionContent: (Node | string)[] = [];
  if (options.ruleFilter !== null) {
    const clear = element('button', { textContent: 'Show all rejections' });
    clear.type = 'button';
    clear.addEventListener('click', () => options.onClearFilter());
    rejectionContent.push(element('p', { className: 'filter-note' }, `Only rule ${options.ruleFilter}: ${count(new Set(rejections.map((entry) => entry.seq)).size, 'event')}. `, clear));
  }
  // The chosen entry's values sit above the table, where a click leaves the eye, not under 500 rows.
  rejectionContent.push(
    detail,
    rejections.length === 0
      ? element('p', { className: 'muted', textContent: 'No event was rejected.' })
      : entryTable('Rejections (choose a row to see the values that decided it and jump to the check)', rejections, detail, options.onEntry),
  );
  return reportSection(`Rejections (${formatExact(report.verdicts.rejected)} events)`, ...rejectionContent);
}

function leviesAndHoldings(report: ReplayReport): HTMLElement {
  const levies = Object.entries(report.levies).sort(([a], [b]) => a.localeCompare(b));
  const holdings = Object.entries(report.holdings)
    .sort(([a], [b]) => a.localeCompare(b))
    .flatMap(([account, byType]) => Object.entries(byType).map(([unitType, units]) => [account, unitType, formatExact(units)]));
  return reportSection(
    'Levies and holdings',
    element(
      'div',
      { className: 'side-by-side' },
      levies.length === 0
        ? element('p', { className: 'muted', textContent: 'No levy declared.' })
        : dataTable({ caption: 'Levies (units)', columns: [{ label: 'Levy' }, { label: 'Units', numeric: true }], rows: levies.map(([name, units]) => [name, formatExact(units)]), rowHeaders: true }),
      holdings.length === 0
        ? element('p', { className: 'muted', textContent: 'No units held.' })
        : element('div', { className: 'table-scroll' }, dataTable({ caption: 'Holdings at the end', columns: [{ label: 'Account' }, { label: 'Unit type' }, { label: 'Units', numeric: true }], rows: holdings, rowHeaders: true })),
    ),
  );
}
