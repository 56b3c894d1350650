import { SUMMARY_FIELDS, type CompareReport, type CompareVerdict, type SummaryField } from '@a6/ledger';
import { compareChart, renderChart } from '../charts/index.ts';
import { partiesWithDiffs } from '../charts/report-series.ts';
import { dataTable, element, formatExact, reportSection } from '../shell/index.ts';

/** Rows drawn per diff table; the rest stay in the JSON and HTML reports. */
const MAX_ROWS = 500;
/** Charts drawn at once for one field; more Parties are listed in the table below the charts. */
const MAX_PARTY_CHARTS = 6;

export interface CompareResultsOptions {
  readonly history: string;
  onOpenHtml(): void;
  onDownloadHtml(): void;
  onDownloadJson(): void;
}

function verdictText(verdict: CompareVerdict | undefined): string {
  if (verdict === undefined) return '—';
  return verdict.verdict === 'accepted' ? 'accepted' : `rejected: ${(verdict.codes ?? []).join(', ')}`;
}

function button(label: string, onClick: () => void): HTMLButtonElement {
  const created = element('button', { textContent: label });
  created.type = 'button';
  created.addEventListener('click', onClick);
  return created;
}

function limited(table: HTMLTableElement, total: number): HTMLElement {
  const wrapper = element('div', { className: 'table-scroll' }, table);
  if (total > MAX_ROWS) wrapper.append(element('p', { className: 'muted', textContent: `Showing the first ${MAX_ROWS} of ${formatExact(total)}; the JSON and HTML reports have all of them.` }));
  return wrapper;
}

/** The charts of one summary field: a Party per chart, one bar series per rulebook. */
function fieldCharts(report: CompareReport, field: SummaryField): HTMLElement {
  const parties = partiesWithDiffs(report, field);
  const container = element('div', { className: 'charts' });
  for (const party of parties.slice(0, MAX_PARTY_CHARTS)) {
    const chart = compareChart(report, party, field);
    if (chart) container.append(element('div', { className: 'chart-block' }, renderChart(chart.spec)));
  }
  if (parties.length > MAX_PARTY_CHARTS) {
    container.append(element('p', { className: 'muted', textContent: `${parties.length - MAX_PARTY_CHARTS} more Parties differ in ${field}: ${parties.slice(MAX_PARTY_CHARTS).join(', ')} (see the table).` }));
  }
  return container;
}

/** The `a6.compare/1` report as the Compare view shows it. */
export function renderCompareResults(report: CompareReport, options: CompareResultsOptions): HTMLElement {
  const keys = report.rulebooks.map((rulebook) => rulebook.key);
  const root = element('div', { className: 'compare-results' });
  root.append(
    compareSummary(report, options.history),
    element(
      'p',
      { className: 'report-actions' },
      button('Open HTML report', options.onOpenHtml),
      ' ',
      button('Download HTML report', options.onDownloadHtml),
      ' ',
      button('Download JSON report', options.onDownloadJson),
    ),
  );
  root.append(rulebooksSection(report));
  root.append(verdictDiffsSection(report, keys));
  root.append(summaryDiffsSection(report, keys));
  return root;
}

function compareSummary(report: CompareReport, history: string): HTMLElement {
  const direct = report.verdict_diffs.filter((diff) => diff.cause === 'direct').length;
  const divergence =
    report.first_divergence === null
      ? 'the rulebooks never diverge'
      : `first divergence at event ${report.first_divergence}${(() => {
          const diff = report.verdict_diffs.find((entry) => entry.seq === report.first_divergence);
          return diff ? ` (${diff.event}, ${diff.type})` : '';
        })()}`;
  return element(
    'p',
    { className: 'run-summary' },
    `${report.rulebooks.length} rulebooks over ${history} (${formatExact(report.history.events)} events): `,
    element('strong', { textContent: divergence }),
    ` · ${formatExact(report.verdict_diffs.length)} verdict differences (${direct} direct, ${report.verdict_diffs.length - direct} cascade) · ${formatExact(report.summary_diffs.length)} summary differences · digest `,
    element('code', { textContent: `${report.digest.slice(0, 12)}…`, title: report.digest }),
  );
}

function rulebooksSection(report: CompareReport): HTMLElement {
  return reportSection(
    'Rulebooks',
    element(
      'div',
      { className: 'table-scroll' },
      dataTable({
        caption: 'Rulebooks compared (the first is the baseline)',
        columns: [{ label: 'Key' }, { label: 'sha256' }, { label: 'Accepted', numeric: true }, { label: 'Rejected', numeric: true }, { label: 'Findings', numeric: true }, { label: 'Levies' }],
        rows: report.rulebooks.map((rulebook, index) => [
          `${rulebook.key}${index === 0 ? ' (baseline)' : ''}`,
          element('code', { textContent: `${rulebook.sha256.slice(0, 12)}…`, title: rulebook.sha256 }),
          formatExact(rulebook.verdicts.accepted),
          formatExact(rulebook.verdicts.rejected),
          formatExact(rulebook.verdicts.findings),
          Object.entries(rulebook.levies).sort(([a], [b]) => a.localeCompare(b)).map(([name, units]) => `${name} ${formatExact(units)}`).join(', ') || '—',
        ]),
        rowHeaders: true,
      }),
    ),
  );
}

/** The verdict differences of a report (the witness view shows them too). */
export function verdictDiffsSection(report: CompareReport, keys: readonly string[]): HTMLElement {
  return reportSection(
    `Verdict differences (${formatExact(report.verdict_diffs.length)})`,
    report.verdict_diffs.length === 0
      ? element('p', { className: 'muted', textContent: 'Every event gets the same verdict and codes under every rulebook.' })
      : limited(
          dataTable({
            caption: 'Events decided differently (direct: the rulebook alone decides differently on the baseline state; cascade: only because of earlier differences)',
            columns: [{ label: 'Seq', numeric: true }, { label: 'Event' }, { label: 'Type' }, { label: 'Cause' }, ...keys.map((key) => ({ label: key }))],
            rows: report.verdict_diffs.slice(0, MAX_ROWS).map((diff) => [
              String(diff.seq),
              diff.event,
              diff.type,
              element('span', { className: `cause cause-${diff.cause}`, textContent: diff.cause }),
              ...keys.map((key) => verdictText(diff.verdicts[key])),
            ]),
            className: 'diff-table',
          }),
          report.verdict_diffs.length,
        ),
  );
}

/** A chart per Party for one summary field at a time (a field choice), over the table of differing values. */
function summaryCharts(report: CompareReport): HTMLElement {
  const fields = SUMMARY_FIELDS.filter((field) => report.summary_diffs.some((diff) => diff.field === field && diff.metric === undefined));
  const chartSection = element('div', { className: 'compare-charts' });
  if (fields.length === 0) return chartSection;
  const select = element('select');
  select.id = 'compare-chart-field';
  for (const field of fields) select.append(element('option', { textContent: field }));
  select.value = fields.includes('adjustment') ? 'adjustment' : fields[0]!;
  const charts = element('div', {}, fieldCharts(report, select.value as SummaryField));
  select.addEventListener('change', () => charts.replaceChildren(fieldCharts(report, select.value as SummaryField)));
  const label = element('label', {}, 'Field ', select);
  chartSection.append(element('p', {}, label), charts);
  return chartSection;
}

/** The summary differences of a report, with their charts (the witness view shows them too). */
export function summaryDiffsSection(report: CompareReport, keys: readonly string[]): HTMLElement {
  return reportSection(
    `Summary differences (${formatExact(report.summary_diffs.length)})`,
    ...(report.summary_diffs.length === 0
      ? [element('p', { className: 'muted', textContent: 'The structured summaries are identical.' })]
      : [
          summaryCharts(report),
          limited(
            dataTable({
              caption: 'Structured summary values that differ (null: not applicable or no row on that side)',
              columns: [{ label: 'Party' }, { label: 'Year', numeric: true }, { label: 'Field' }, ...keys.map((key) => ({ label: key, numeric: true }))],
              rows: report.summary_diffs.slice(0, MAX_ROWS).map((diff) => [
                diff.metric === undefined ? diff.party : `${diff.party} (${diff.metric})`,
                String(diff.year),
                diff.field,
                ...keys.map((key) => formatExact(diff.values[key] ?? null)),
              ]),
              rowHeaders: true,
              className: 'diff-table',
            }),
            report.summary_diffs.length,
          ),
        ]),
  );
}
