import { renderRulebookDiffText } from '@a6/dsl';
import { renderCompareTable } from '../compare/compare-table.ts';
import { textColumns } from '../report/text-columns.ts';
import type { DiffReport } from './diff-report.ts';
import type { Disagreement, DisagreementKind } from './disagreement.ts';
import type { Searched, Witness } from './search-witness.ts';
import { historyNdjson } from './witness-ndjson.ts';

/** What a kind of disagreement means, for a reader (disagreement.ts). */
export const KIND_TEXT: Readonly<Record<DisagreementKind, string>> = {
  verdict: 'a transaction is accepted under one and rejected under the other',
  units: 'levies take or accounts end with other units',
  codes: 'a transaction is rejected under both, for other reasons',
  figure: 'a figure of the structured summary moves',
  finding: 'an expect check fails under one only',
  reported: 'a figure is reported under one and empty under the other',
  booking: 'an entry is booked differently, with the same figures',
};

/**
 * `a6 diff` for a terminal (text by default): the structural differences, then the witness — its
 * events as NDJSON lines (indented, still valid NDJSON), what `a6 compare` shows over it, levies and
 * holdings that differ — and the bound searched. A search that finds nothing says how far it looked.
 */
export function renderDiffText(report: DiffReport): string {
  const out = [renderRulebookDiffText(report).trimEnd(), ''];
  if (report.witness !== null) out.push(...witnessLines(report.witness), '');
  out.push(...searchedSentences(report.searched, report.witness));
  return out.join('\n') + '\n';
}

function witnessLines(witness: Witness): string[] {
  const count = witness.events.length;
  const out = [`Witness (${count} event${count === 1 ? '' : 's'}): A and B disagree — ${KIND_TEXT[witness.kind]}`];
  out.push(
    witness.minimal
      ? '  Minimal: removing any one event makes this difference vanish or the history invalid.'
      : '  Not shrunk to the end (the budget ran out): it may hold events the difference does not need.',
  );
  out.push('  As NDJSON, seq 0 first (`a6 diff … --witness --out W.ndjson` writes these lines):');
  for (const line of historyNdjson(witness.events).trimEnd().split('\n')) out.push(`  ${line}`);
  out.push('', 'Compare over the witness (A is the baseline)');
  for (const line of renderCompareTable(witness.compare).trimEnd().split('\n')) out.push(line === '' ? '' : `  ${line}`);
  out.push(...unitLines(witness.disagreement, witness.compare.rulebooks.map((entry) => entry.key)));
  return out;
}

/** Levy totals and holdings that differ: `a6 compare` lists levies per rulebook, not holdings. */
function unitLines(disagreement: Disagreement, keys: readonly string[]): string[] {
  const out: string[] = [];
  if (disagreement.holdings.length > 0) {
    out.push('', `Holdings diffs (${disagreement.holdings.length})`);
    const rows = disagreement.holdings.map((holding) => [holding.account, holding.unit_type, ...keys.map((key) => String(holding.values[key] ?? 0))]);
    for (const line of textColumns([['account', 'unit type', ...keys], ...rows], [false, false, ...keys.map(() => true)])) out.push(`  ${line}`);
  }
  if (disagreement.levies.length > 0) {
    out.push('', `Levy diffs (${disagreement.levies.length})`);
    const rows = disagreement.levies.map((levy) => [levy.levy, ...keys.map((key) => String(levy.values[key] ?? 0))]);
    for (const line of textColumns([['levy', ...keys], ...rows], [false, ...keys.map(() => true)])) out.push(`  ${line}`);
  }
  return out.map((line) => (line === '' ? line : `  ${line}`));
}

/** What was searched, in sentences (the text and HTML renderings share them). */
export function searchedSentences(searched: Searched, witness: Witness | null): string[] {
  switch (searched.status) {
    case 'not_requested':
      return ['No counterexample search (add --witness to look for a history on which A and B disagree).'];
    case 'skipped':
      return searched.reason === 'no_structural_difference'
        ? ['No search: A and B resolve to the same rulebook, so no history can tell them apart.']
        : ['No search: the differences change only messages and titles, which no verdict, levy, holding or summary figure depends on.'];
    default: {
      const time = searched.ms === null ? '' : `, ${seconds(searched.ms)}`;
      const budget = `budget ${searched.budget.histories} histories${searched.budget.ms === null ? '' : `, ${seconds(searched.budget.ms)}`}`;
      const bound = `Searched ${searched.histories} histor${searched.histories === 1 ? 'y' : 'ies'} of up to ${searched.max_events} events (${searched.events} events in all), seed ${searched.seed}${time}; ${budget}.`;
      if (searched.status === 'found' && witness !== null) {
        return [bound, `Found in history ${witness.found.history} (${witness.found.events} events), shrunk in ${witness.shrink.replays} replays.`];
      }
      const why = searched.status === 'timed_out' ? 'the time budget ran out' : 'the history budget ran out';
      return [`No witness found: A and B agreed on every history tried (${why}).`, bound, 'This bounds the search; it does not show that A and B agree on every history.'];
    }
  }
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
