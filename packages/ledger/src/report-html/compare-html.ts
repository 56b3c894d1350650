import type { CompareReport, CompareVerdict, SummaryDiff } from '../compare/compare-report.ts';
import type { ReplayReport, ReportEntry } from '../report/replay-report.ts';
import { htmlPage, htmlTable } from './html-page.ts';
import { escapeHtml, formatCell, formatNumber } from './html-text.ts';
import { partyCharts, type ChartedYear, type PartySeries } from './party-charts.ts';

/**
 * What the compare page shows beyond the report, per rulebook in report order: the reasons of its
 * rejections and, for the charts, its structured summary (an `a6.replay/1` report has both).
 */
export interface CompareDetail {
  readonly rejections: readonly ReportEntry[];
  readonly parties?: ReplayReport['parties'];
}

/**
 * `a6 compare --format html` (docs/cli.md): one self-contained page for negotiators: the rulebooks and where
 * they first diverge, the verdict diff table with each rulebook's reasons, the summary diffs, and per
 * Party the adjustment and emissions balance by year, one series per rulebook.
 *
 * `replays` (each rulebook's `a6.replay/1` report, in rulebook order, as `compareDetailed` returns them)
 * give the reasons' messages and the full series; without them the charts plot the differing years only.
 */
export function renderCompareHtml(report: CompareReport, replays?: readonly ReplayReport[]): string {
  return htmlPage(`Compare: ${report.rulebooks.map((entry) => entry.key).join(' vs ')}`, compareHtmlSections(report, replays));
}

/**
 * The compare page's content without the page around it, its title a heading of `level` (1 on its own
 * page; deeper inside another report, such as `a6 diff`'s witness).
 */
export function compareHtmlSections(report: CompareReport, details?: readonly CompareDetail[], level = 1): string {
  const h = (depth: number, html: string): string => `<h${level + depth}>${html}</h${level + depth}>`;
  const keys = report.rulebooks.map((entry) => entry.key);
  const byKey = new Map<string, CompareDetail>();
  if (details !== undefined) keys.forEach((key, index) => details[index] !== undefined && byKey.set(key, details[index]!));
  const body: string[] = [];
  body.push(h(0, `Compare: ${keys.map((key) => `<code>${escapeHtml(key)}</code>`).join(' · ')}`));
  const divergence = report.first_divergence === null ? 'nowhere: the same verdicts, levies and accounting entries throughout' : `at seq ${report.first_divergence}${eventAt(report, report.first_divergence)}`;
  body.push(
    `<dl class="facts">` +
      `<dt>History</dt><dd>${formatNumber(report.history.events)} events, chain head <code>${escapeHtml(report.history.head)}</code></dd>` +
      `<dt>Baseline</dt><dd><code>${escapeHtml(keys[0] ?? '')}</code></dd>` +
      `<dt>First divergence</dt><dd>${divergence}</dd>` +
      `<dt>Differences</dt><dd>${formatNumber(report.verdict_diffs.length)} verdict diffs (${report.verdict_diffs.filter((diff) => diff.cause === 'direct').length} direct), ${formatNumber(report.summary_diffs.length)} summary diffs</dd>` +
      `<dt>Digest</dt><dd><code>${escapeHtml(report.digest)}</code> (sha256 of the canonical JSON report without its digest)</dd>` +
      `</dl>`,
  );

  body.push(h(1, 'Rulebooks'));
  body.push(
    htmlTable(
      ['key', 'name', 'sha256', 'accepted', 'rejected', 'findings', 'levies'],
      report.rulebooks.map((entry, index) => [
        `<code>${escapeHtml(entry.key)}</code>${index === 0 ? ' (baseline)' : ''}`,
        `<code>${escapeHtml(entry.name)}</code>`,
        `<code>${escapeHtml(entry.sha256)}</code>`,
        formatNumber(entry.verdicts.accepted),
        formatNumber(entry.verdicts.rejected),
        formatNumber(entry.verdicts.findings),
        Object.entries(entry.levies)
          .map(([name, units]) => `${escapeHtml(name)} ${formatNumber(units)}`)
          .join(', ') || '—',
      ]),
    ),
  );

  body.push(h(1, `Verdict diffs (${formatNumber(report.verdict_diffs.length)})`));
  body.push(
    '<p class="note"><strong>direct</strong>: the rulebook, evaluated on the baseline’s state just before the event, already decides differently; <strong>cascade</strong>: the difference follows from earlier ones (units that never arrived, an account never opened).</p>',
  );
  if (report.verdict_diffs.length === 0) body.push('<p class="note">No transaction flips.</p>');
  else {
    body.push(
      htmlTable(
        ['seq', 'event', 'type', 'cause', ...keys.map((key) => `<code>${escapeHtml(key)}</code>`)],
        report.verdict_diffs.map((diff) => [
          String(diff.seq),
          `<code>${escapeHtml(diff.event)}</code>`,
          escapeHtml(diff.type),
          `<span class="cause-${diff.cause}">${diff.cause}</span>`,
          ...keys.map((key) => verdictCell(diff.verdicts[key], byKey.get(key)?.rejections, diff.seq)),
        ]),
      ),
    );
  }

  body.push(h(1, `Summary diffs (${formatNumber(report.summary_diffs.length)})`));
  if (report.summary_diffs.length === 0) body.push('<p class="note">Every Party’s structured summary is the same under every rulebook.</p>');
  else {
    const change = keys.length === 2;
    body.push(
      htmlTable(
        ['party', 'year', 'field', ...keys.map((key) => `<code>${escapeHtml(key)}</code>`), ...(change ? [`change`] : [])],
        report.summary_diffs.map((diff) => [
          escapeHtml(diff.party + (diff.metric === undefined ? '' : ` (${diff.metric})`)),
          String(diff.year),
          `<code>${escapeHtml(diff.field)}</code>`,
          ...keys.map((key) => formatCell(diff.values[key])),
          ...(change ? [changeCell(diff, keys)] : []),
        ]),
        'numbers',
      ),
    );
  }

  body.push(h(1, 'Adjustments and emissions balance by Party'));
  const changed = new Set(report.summary_diffs.map((diff) => diff.party));
  const summaries = keys.map((key) => byKey.get(key)?.parties);
  if (summaries.every((summary) => summary !== undefined)) {
    const parties = [...new Set(summaries.flatMap((summary) => Object.keys(summary!)))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    if (parties.length === 0) body.push('<p class="note">No Party has an NDC or an entry under any rulebook.</p>');
    parties.forEach((party, index) => {
      const ofParty = summaries.map((summary) => summary![party]);
      const series: PartySeries[] = keys.map((key, position) => ({ name: key, years: ofParty[position]?.years }));
      body.push(h(2, `${escapeHtml(party)}${changed.has(party) ? '' : ' (the same under every rulebook)'}`));
      body.push(`<p class="note">Method: ${keys.map((key, position) => `${escapeHtml(key)} ${escapeHtml(ofParty[position]?.method ?? '—')}`).join('; ')}</p>`);
      body.push(partyCharts(party, series, `party-${index}`));
    });
  } else {
    body.push('<p class="note">Only the years where the rulebooks differ are plotted (this page was made from the compare report alone).</p>');
    [...changed].forEach((party, index) => body.push(h(2, escapeHtml(party)), partyCharts(party, seriesFromDiffs(report, party, keys), `party-${index}`)));
  }
  return body.join('\n');
}

function eventAt(report: CompareReport, seq: number): string {
  const diff = report.verdict_diffs.find((entry) => entry.seq === seq);
  if (diff !== undefined) return ` (<code>${escapeHtml(diff.event)}</code>, ${escapeHtml(diff.type)}: a verdict flips)`;
  return ' (levies or accounting entries differ; no verdict flips there)';
}

/** A rulebook's verdict with its reasons: each code with the rule's message and the units. */
function verdictCell(verdict: CompareVerdict | undefined, rejections: readonly ReportEntry[] | undefined, seq: number): string {
  if (verdict === undefined) return '—';
  if (verdict.verdict === 'accepted') return '<span class="accepted">accepted</span>';
  const reasons = rejections?.filter((entry) => entry.seq === seq) ?? [];
  const lines =
    reasons.length > 0
      ? reasons.map((entry) => `<code>${escapeHtml(entry.code)}</code>: ${escapeHtml(entry.message)}${entry.unit === null ? '' : ` <span class="mono">(${escapeHtml(entry.unit)})</span>`}`)
      : (verdict.codes ?? []).map((code) => `<code>${escapeHtml(code)}</code>`);
  return `<span class="rejected">rejected</span><br>${lines.join('<br>')}`;
}

function changeCell(diff: SummaryDiff, keys: readonly string[]): string {
  const base = diff.values[keys[0]!];
  const other = diff.values[keys[1]!];
  if (typeof base !== 'number' || typeof other !== 'number') return '';
  const delta = other - base;
  if (delta === 0) return '0';
  return `<span class="${delta > 0 ? 'up' : 'down'}">${delta > 0 ? '+' : ''}${formatNumber(delta)}</span>`;
}

/** Without the replays: summaries that hold only the differing adjustment and emissions balance values. */
function seriesFromDiffs(report: CompareReport, party: string, keys: readonly string[]): PartySeries[] {
  const diffs = report.summary_diffs.filter((diff) => diff.party === party && diff.metric === undefined && (diff.field === 'adjustment' || diff.field === 'emissions_balance'));
  return keys.map((key) => {
    const years: Record<string, { adjustment: number | null; emissions_balance: number | null }> = {};
    for (const diff of diffs) (years[String(diff.year)] ??= { adjustment: null, emissions_balance: null })[diff.field as keyof ChartedYear] = diff.values[key] ?? null;
    return { name: key, years: years as Record<string, ChartedYear> };
  });
}
