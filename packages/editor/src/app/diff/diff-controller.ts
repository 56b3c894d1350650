import { historyNdjson, type DiffReport, type ReportEntry } from '@a6/ledger';
import type { AnalysisOutcome, RulebookReference } from '../analysis/index.ts';
import type { AppContext } from '../app-context.ts';
import type { FilesController } from '../files/index.ts';
import { RejectionRevealer } from '../run/rejection-revealer.ts';
import { download, element } from '../shell/index.ts';
import type { CompareState } from '../state/index.ts';
import { INITIAL_DIFF_STATE, type DiffPair, type DiffState } from './diff-state.ts';
import { renderDiffView } from './diff-view.ts';

/**
 * Beside the Compare view's results: what the baseline and the first rulebook compared with it differ
 * in (`POST /api/diff`), and "Find a history where these differ", the counterexample search as a job
 * with its progress; the witness shows as a history with its first divergence marked and the rule
 * lines that decided it, each opening its line as a rejection row of the Run view does
 * (docs/negotiators.md). Everything it shows lives in `AppState.diff`.
 */
export class DiffController {
  private readonly section: HTMLElement;
  private readonly revealer: RejectionRevealer;

  constructor(
    private readonly context: AppContext,
    files: FilesController,
  ) {
    this.revealer = new RejectionRevealer(context, files);
    this.section = element('section', { className: 'view-results diff-section' });
    this.section.id = 'diff-section';
    this.section.setAttribute('aria-label', 'Structural differences and witness');
    context.panel.compareResults.after(this.section);
    context.store.watch((state) => state.compare.last, (last) => void this.compared(last));
    context.store.watch((state) => state.diff, () => this.render());
  }

  /** A new comparison: the diff of its baseline and first compared rulebook, without a search. */
  private async compared(last: CompareState['last']): Promise<void> {
    await this.context.store.state.diff.running?.cancel();
    const rulebooks = last?.request.rulebooks ?? [];
    if (rulebooks.length < 2) {
      this.setDiff(INITIAL_DIFF_STATE);
      return;
    }
    const pair: DiffPair = { a: rulebooks[0]!, b: rulebooks[1]!, entryPath: this.context.store.state.currentPath };
    this.setDiff({ ...INITIAL_DIFF_STATE, pair });
    const outcome = await this.context.analysis.diff({ a: pair.a, b: pair.b }).outcome;
    if (this.context.store.state.diff.pair !== pair) return;
    this.setDiff(this.settled(outcome, (report) => ({ structural: report })));
  }

  /** "Find a history where these differ": the search on the server, progress shown, the witness on arrival. */
  async search(): Promise<void> {
    const { store, analysis, say } = this.context;
    const { pair, running } = store.state.diff;
    if (pair === null || running !== null) return;
    const run = analysis.diff({ a: pair.a, b: pair.b, witness: {} }, { onProgress: (progress) => this.setDiff({ progress }) });
    this.setDiff({ running: run, progress: null, error: null, searched: null });
    say('Searching for a history on which the two rulebooks disagree…');
    const outcome = await run.outcome;
    if (store.state.diff.pair !== pair) return;
    this.setDiff({ running: null, progress: null, ...this.settled(outcome, (report) => ({ searched: report })) });
    if (outcome.status === 'done') say(outcome.report.witness === null ? 'No witness found within the budget.' : `Witness found: ${outcome.report.witness.events.length} events.`);
  }

  private settled(outcome: AnalysisOutcome<DiffReport>, onDone: (report: DiffReport) => Partial<DiffState>): Partial<DiffState> {
    if (outcome.status === 'done') return { ...onDone(outcome.report), error: null };
    return { error: outcome.status === 'cancelled' ? 'Search cancelled.' : `Diff failed: ${outcome.issue.message}` };
  }

  private reveal(entry: ReportEntry, side: 'a' | 'b'): void {
    const pair = this.context.store.state.diff.pair;
    if (pair === null) return;
    const entryPath = side === 'a' ? (pair.entryPath ?? fileOf(pair.a)) : fileOf(pair.b);
    if (entryPath === null) this.context.say(`Event ${entry.seq}: ${entry.code} (the rulebook has no file to open).`);
    else void this.revealer.reveal(entry, entryPath);
  }

  private setDiff(patch: Partial<DiffState>): void {
    this.context.store.update((state) => ({ diff: { ...state.diff, ...patch } }));
  }

  private render(): void {
    const { diff } = this.context.store.state;
    if (diff.pair === null) {
      this.section.replaceChildren();
      return;
    }
    this.section.replaceChildren(
      ...renderDiffView(
        { structural: diff.structural, searched: diff.searched, running: diff.running !== null, progress: diff.progress, error: diff.error },
        {
          onSearch: () => void this.search(),
          onCancel: () => void diff.running?.cancel(),
          onReveal: (entry, side) => this.reveal(entry, side),
          onDownloadWitness: () => {
            const witness = this.context.store.state.diff.searched?.witness;
            if (witness) download('witness.ndjson', 'application/x-ndjson', historyNdjson(witness.events));
          },
        },
      ),
    );
  }
}

function fileOf(reference: RulebookReference): string | null {
  return reference.file ?? null;
}
