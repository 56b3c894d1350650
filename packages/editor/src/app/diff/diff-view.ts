import { differenceLines } from '@a6/dsl';
import { KIND_TEXT, searchedSentences, type DiffReport, type HistoryEvent, type ReportEntry, type Witness } from '@a6/ledger';
import type { AnalysisProgress } from '../analysis/index.ts';
import { summaryDiffsSection, verdictDiffsSection } from '../compare/compare-results.ts';
import { dataTable, element, reportSection } from '../shell/index.ts';

export interface DiffViewActions {
  onSearch(): void;
  onCancel(): void;
  /** A decision of the witness (a failed check) → its line in the editor. */
  onReveal(entry: ReportEntry, side: 'a' | 'b'): void;
  onDownloadWitness(): void;
}

export interface DiffViewInput {
  readonly structural: DiffReport | null;
  readonly searched: DiffReport | null;
  readonly running: boolean;
  readonly progress: AnalysisProgress | null;
  readonly error: string | null;
}

function button(label: string, onClick: () => void, disabled = false): HTMLButtonElement {
  const created = element('button', { textContent: label });
  created.type = 'button';
  created.disabled = disabled;
  created.addEventListener('click', onClick);
  return created;
}

/** The structural differences of the compared pair, the search button, its progress, and the witness. */
export function renderDiffView(input: DiffViewInput, actions: DiffViewActions): HTMLElement[] {
  const { structural } = input;
  if (structural === null) return [element('p', { className: 'muted', textContent: input.error ?? 'Working out what the two rulebooks differ in…' })];
  const [a, b] = structural.rulebooks;
  const observable = structural.differences.some((difference) => difference.observable);
  const lines = structural.differences.flatMap((difference) => differenceLines(difference));
  const out: HTMLElement[] = [
    element('h3', { textContent: `Structural differences: ${a.name} → ${b.name} (${structural.differences.length})` }),
    structural.differences.length === 0
      ? element('p', { className: 'muted', textContent: 'None: A and B resolve to the same rulebook, so no history can tell them apart.' })
      : element('pre', { className: 'diff-lines' }, lines.join('\n')),
  ];
  const controls = element('p', { className: 'report-actions' }, button('Find a history where these differ', actions.onSearch, !observable || input.running));
  if (input.running) {
    const bar = element('progress');
    bar.id = 'diff-progress';
    if (input.progress !== null && input.progress.total > 0) {
      bar.max = input.progress.total;
      bar.value = input.progress.done;
    }
    controls.append(' ', bar, ` ${input.progress === null ? 'starting…' : `${input.progress.done} of ${input.progress.total} histories`} `, button('Cancel', actions.onCancel));
  }
  out.push(controls);
  if (input.error !== null) out.push(element('p', { className: 'error', textContent: input.error }));
  if (input.searched !== null) out.push(...searchedView(input.searched, actions));
  return out;
}

function searchedView(report: DiffReport, actions: DiffViewActions): HTMLElement[] {
  const sentences = searchedSentences(report.searched, report.witness).map((sentence) => element('p', { className: 'diff-searched', textContent: sentence }));
  if (report.witness === null) return sentences;
  return [witnessView(report.witness, actions), ...sentences];
}

function witnessView(witness: Witness, actions: DiffViewActions): HTMLElement {
  const { compare } = witness;
  const keys = compare.rulebooks.map((rulebook) => rulebook.key);
  const divergence = compare.first_divergence;
  const root = element('div', { className: 'diff-witness' });
  root.id = 'diff-witness';
  root.append(
    element('h3', { textContent: `Witness (${witness.events.length} events): ${KIND_TEXT[witness.kind]}` }),
    element('p', {
      className: 'run-summary',
      textContent: `${divergence === null ? 'No verdict diverges: the figures below differ.' : `First divergence at event ${divergence}.`} ${witness.minimal ? 'Minimal: removing any one event makes this difference vanish.' : 'Not shrunk to the end (the budget ran out).'} Digest ${compare.digest.slice(0, 12)}…`,
    }),
    element('p', { className: 'report-actions' }, button('Download the witness (NDJSON)', actions.onDownloadWitness)),
    eventsTable(witness.events, divergence),
    decisionsSection(witness, keys, actions),
    verdictDiffsSection(compare, keys),
    summaryDiffsSection(compare, keys),
  );
  return root;
}

function eventsTable(events: readonly HistoryEvent[], divergence: number | null): HTMLElement {
  const table = dataTable({
    caption: 'The witness as a history (seq 0 first); the first divergence is marked',
    columns: [{ label: 'Seq', numeric: true }, { label: 'Id' }, { label: 'Type' }, { label: 'At' }, { label: 'Data' }],
    rows: events.map((event, seq) => [String(seq), event.id, event.type, event.at, element('code', { textContent: JSON.stringify(event.data) })]),
    className: 'diff-table',
  });
  if (divergence !== null) {
    const row = table.tBodies[0]?.rows[divergence];
    row?.classList.add('first-divergence');
    row?.setAttribute('aria-current', 'true');
  }
  return element('div', { className: 'table-scroll' }, table);
}

/** Each rulebook's failed checks over the witness, with their source lines: a row opens the line. */
function decisionsSection(witness: Witness, keys: readonly string[], actions: DiffViewActions): HTMLElement {
  const rows: HTMLElement[] = [];
  keys.forEach((key, index) => {
    const side = index === 0 ? 'a' : 'b';
    for (const entry of witness.decisions[key]?.rejections ?? []) {
      const where = entry.source === null ? 'built-in check' : `${entry.source.file}:${entry.source.line}:${entry.source.col}`;
      const row = button(`${key}: event ${entry.seq} rejected by ${entry.rule ?? entry.code} — ${entry.message} (${where})`, () => actions.onReveal(entry, side));
      row.className = 'diff-decision';
      rows.push(element('li', {}, row));
    }
  });
  return reportSection(
    `The rule lines that decided (${rows.length})`,
    rows.length === 0 ? element('p', { className: 'muted', textContent: 'No check rejects an event of the witness under either rulebook.' }) : element('ul', { className: 'diff-decisions' }, ...rows),
  );
}
