import { changeSummary, levyText, ruleSource, type DeclaredAt, type DiffRulebook, type RulebookDifference } from '@a6/dsl';
import type { DiffReport } from '../witness/diff-report.ts';
import { KIND_TEXT, searchedSentences } from '../witness/diff-text.ts';
import type { Witness } from '../witness/search-witness.ts';
import { historyNdjson } from '../witness/witness-ndjson.ts';
import { compareHtmlSections } from './compare-html.ts';
import { htmlPage, htmlTable } from './html-page.ts';
import { escapeHtml, formatNumber } from './html-text.ts';

/**
 * `a6 diff --format html`: one self-contained page (no script, no fetch) with the two rulebooks, every
 * structural difference with both sides as written and the decision text of a changed option, the
 * witness as a history and as NDJSON, what compare shows over it (the compare page's sections, with
 * each rulebook's reasons), and what was searched.
 */
export function renderDiffHtml(report: DiffReport): string {
  const [a, b] = report.rulebooks;
  const body: string[] = [];
  body.push(`<h1>Diff: <code>${escapeHtml(a.name)}</code> → <code>${escapeHtml(b.name)}</code></h1>`);
  body.push(`<dl class="facts">${rulebookFacts(a)}${rulebookFacts(b)}<dt>Differences</dt><dd>${formatNumber(report.differences.length)}</dd></dl>`);

  body.push(`<h2>Differences (${formatNumber(report.differences.length)})</h2>`);
  if (report.differences.length === 0) {
    body.push(
      '<p class="note">None: A and B resolve to the same rulebook (options, levies and rules after extends, import and remove; layout, comments, the rulebooks’ names, titles and cites, and the names of lets do not count).</p>',
    );
  }
  for (const difference of report.differences) body.push(differenceHtml(difference));

  if (report.witness !== null) body.push(witnessHtml(report.witness));
  body.push('<h2>Searched</h2>', ...searchedSentences(report.searched, report.witness).map((sentence) => `<p>${escapeHtml(sentence)}</p>`));
  return htmlPage(`Diff: ${a.name} → ${b.name}`, body.join('\n'));
}

function rulebookFacts(rulebook: DiffRulebook): string {
  const label = rulebook.side.toUpperCase();
  const lineage = rulebook.lineage.length > 1 ? ` (extends ${rulebook.lineage.slice(1).map((name) => `<code>${escapeHtml(name)}</code>`).join(' ← ')})` : '';
  const title = rulebook.title === null ? '' : ` “${escapeHtml(rulebook.title)}”`;
  const cites = rulebook.cites.length === 0 ? '' : `<br>${rulebook.cites.map((cite) => escapeHtml(cite)).join('<br>')}`;
  return (
    `<dt>${label}</dt><dd><code>${escapeHtml(rulebook.name)}</code>${lineage}${title}<br>` +
    `<code>${escapeHtml(rulebook.file)}</code>, sha256 <code>${escapeHtml(rulebook.sha256)}</code>${cites}</dd>`
  );
}

function declared(at: DeclaredAt | null): string {
  return at === null ? '— (default)' : `<code>${escapeHtml(at.rulebook)}</code>, <code>${escapeHtml(`${at.file}:${at.line}:${at.col}`)}</code>`;
}

function reach(difference: RulebookDifference): string {
  const { affects } = difference;
  const parts: string[] = [];
  if (affects.triggers.length > 0) parts.push(`triggers ${affects.triggers.map((name) => `<code>${escapeHtml(name)}</code>`).join(', ')}`);
  if (affects.events.length > 0) parts.push(`events ${affects.events.map((name) => `<code>${escapeHtml(name)}</code>`).join(', ')}`);
  if ('fields' in affects && affects.fields.length > 0) parts.push(`fields ${affects.fields.map((name) => `<code>${escapeHtml(name)}</code>`).join(', ')}`);
  return parts.length === 0 ? '' : `<p class="note">Affects ${parts.join('; ')}.</p>`;
}

function differenceHtml(difference: RulebookDifference): string {
  switch (difference.kind) {
    case 'option': {
      const seed = difference.seed === null ? '' : ` — seed paper ${escapeHtml(difference.seed)}`;
      const item = difference.seed_item === null ? '' : `<p class="note">Seed paper ${escapeHtml(difference.seed ?? '')}: ${escapeHtml(difference.seed_item)}</p>`;
      const rows = (['a', 'b'] as const).map((side) => {
        const value = difference[side];
        return [side.toUpperCase(), `<code>${escapeHtml(value.value)}</code>${value.default ? ' (default)' : ''}`, escapeHtml(value.meaning), declared(value.declared)];
      });
      return `<h3>option <code>${escapeHtml(difference.option)}</code>${seed}</h3><p>${escapeHtml(difference.decision)}</p>${item}${htmlTable(['', 'value', 'meaning', 'set in'], rows)}${reach(difference)}`;
    }
    case 'levy': {
      const rows = (['a', 'b'] as const).flatMap((side) => {
        const levy = difference[side];
        return levy === null ? [] : [[side.toUpperCase(), `<code>${escapeHtml(levyText(levy))}</code>`, declared(levy.declared)]];
      });
      return `<h3>levy <code>${escapeHtml(difference.name)}</code> — ${escapeHtml(changeSummary(difference))}</h3>${htmlTable(['', 'levy', 'declared in'], rows)}${reach(difference)}`;
    }
    case 'levy_order':
      return (
        `<h3>levy order at <code>${escapeHtml(difference.trigger)}</code></h3><p class="note">Levies of one trigger take their units from the low end of each range in declaration order.</p>` +
        htmlTable(['', 'order'], [['A', escapeHtml(difference.a.join(', '))], ['B', escapeHtml(difference.b.join(', '))]]) +
        reach(difference)
      );
    case 'rule': {
      const rows = (['a', 'b'] as const).flatMap((side) => {
        const rule = difference[side];
        return rule === null ? [] : [[side.toUpperCase(), `<pre class="mono">${escapeHtml(ruleSource(rule).join('\n'))}</pre>`, declared(rule.declared)]];
      });
      const reportsOnly = difference.observable ? '' : '<p class="note">Only what reports say changes: no verdict can.</p>';
      return `<h3>rule <code>${escapeHtml(difference.name)}</code> — ${escapeHtml(changeSummary(difference))}</h3>${reportsOnly}${htmlTable(['', 'rule', 'declared in'], rows)}${reach(difference)}`;
    }
  }
}

function witnessHtml(witness: Witness): string {
  const keys = witness.compare.rulebooks.map((entry) => entry.key);
  const out: string[] = [];
  out.push(`<h2>Witness (${formatNumber(witness.events.length)} events)</h2>`);
  out.push(`<p>A and B disagree: ${escapeHtml(KIND_TEXT[witness.kind])}.</p>`);
  out.push(
    witness.minimal
      ? '<p class="note">Minimal: removing any one event makes this difference vanish or the history invalid.</p>'
      : '<p class="note">Not shrunk to the end (the budget ran out): it may hold events the difference does not need.</p>',
  );
  out.push(
    htmlTable(
      ['seq', 'at', 'type', 'data'],
      witness.events.map((event, seq) => [String(seq), escapeHtml(event.at), escapeHtml(event.type), `<code>${escapeHtml(JSON.stringify(event.data))}</code>`]),
    ),
  );
  out.push(`<details><summary>As NDJSON (what <code>--out W.ndjson</code> writes)</summary><pre class="mono">${escapeHtml(historyNdjson(witness.events))}</pre></details>`);
  const details = keys.map((key) => ({ rejections: witness.decisions[key]?.rejections ?? [] }));
  out.push(compareHtmlSections(witness.compare, details, 2));
  const { holdings, levies } = witness.disagreement;
  if (holdings.length > 0) {
    out.push(`<h3>Holdings diffs (${formatNumber(holdings.length)})</h3>`);
    out.push(htmlTable(['account', 'unit type', ...keys.map((key) => `<code>${escapeHtml(key)}</code>`)], holdings.map((holding) => [`<code>${escapeHtml(holding.account)}</code>`, escapeHtml(holding.unit_type), ...keys.map((key) => formatNumber(holding.values[key] ?? 0))]), 'numbers'));
  }
  if (levies.length > 0) {
    out.push(`<h3>Levy diffs (${formatNumber(levies.length)})</h3>`);
    out.push(htmlTable(['levy', ...keys.map((key) => `<code>${escapeHtml(key)}</code>`)], levies.map((levy) => [`<code>${escapeHtml(levy.levy)}</code>`, ...keys.map((key) => formatNumber(levy.values[key] ?? 0))]), 'numbers'));
  }
  return out.join('\n');
}
