import type { AppContext } from '../app-context.ts';
import { describeReference, openRulebookReference, type FilesController } from '../files/index.ts';
import { monaco } from '../monaco/index.ts';
import { download, element, jsonFile, requireElement } from '../shell/index.ts';
import type { ReplayState } from '../state/index.ts';
import { RejectionLenses, SHOW_RULE_REJECTIONS, type SymbolSource } from './rejection-lenses.ts';
import { RejectionRevealer } from './rejection-revealer.ts';
import { renderReplayResults } from './replay-results.ts';

/** The Run view: replays the open rulebook over the chosen history, shows the report, lenses and rejections. */
export class RunController {
  private readonly lenses: RejectionLenses;
  private readonly revealer: RejectionRevealer;

  constructor(
    private readonly context: AppContext,
    files: FilesController,
    symbolsOf: SymbolSource,
  ) {
    const { panel, store } = context;
    this.lenses = new RejectionLenses(symbolsOf);
    this.revealer = new RejectionRevealer(context, files);
    panel.run.start.addEventListener('click', () => void this.replay());
    panel.run.cancel.addEventListener('click', () => void this.cancel());
    monaco.editor.registerCommand(SHOW_RULE_REJECTIONS, (_accessor, rule: unknown) => this.showRule(rule));
    store.watch((state) => [state.replay.last, state.replay.ruleFilter] as const, () => this.render());
    panel.run.idle('');
    panel.runResults.replaceChildren(
      element('p', { textContent: 'Nothing has been run.' }),
      element('p', { className: 'muted', textContent: 'Choose a history and press Run replay (Ctrl+Enter): the open rulebook — its saved file, or your unsaved text — is replayed on the server.' }),
    );
  }

  /** Replays the open rulebook (its saved file, or the editor's text) over the chosen history; one at a time. */
  async replay(): Promise<void> {
    const { panel, store, analysis, workspace } = this.context;
    panel.show('run');
    if (store.state.replay.running) return;
    const reference = openRulebookReference(store.state, (path) => workspace.modelOf(path)!.getValue());
    const { history } = store.state.selection;
    if (reference === null) return panel.run.idle('Open a rulebook file first.');
    if (history === null) return panel.run.idle('No history to replay: the server is not reachable or stores none.');
    const path = store.state.currentPath!;
    panel.run.busy(`Replaying ${describeReference(reference)} over ${history}…`);
    const run = analysis.replay({ history, rulebooks: [reference] }, panel.run.progressListener('Replaying'));
    this.setReplay({ running: run });
    const outcome = await run.outcome;
    this.setReplay({ running: null });
    const report = panel.run.settle(outcome, 'Replay');
    if (report === null) return;
    this.setReplay({ last: { report, path, history }, ruleFilter: null });
    this.lenses.update(report, history, path);
    panel.run.idle(
      `Replayed ${report.rulebook.name} over ${history}: ${report.verdicts.accepted} accepted, ${report.verdicts.rejected} rejected, ${report.verdicts.findings} findings.`,
    );
  }

  async cancel(): Promise<void> {
    await this.context.store.state.replay.running?.cancel();
  }

  private setReplay(patch: Partial<ReplayState>): void {
    this.context.store.update((state) => ({ replay: { ...state.replay, ...patch } }));
  }

  /** A code lens's command: the Run view shows that rule's rejections alone. */
  private showRule(rule: unknown): void {
    if (typeof rule !== 'string' || this.context.store.state.replay.last === null) return;
    this.setReplay({ ruleFilter: rule });
    this.context.panel.show('run');
    requireElement('results-body', HTMLDivElement).querySelector<HTMLElement>('.filter-note')?.scrollIntoView({ block: 'nearest' });
  }

  private render(): void {
    const { last, ruleFilter } = this.context.store.state.replay;
    if (last === null) return;
    const { report, path, history } = last;
    this.context.panel.runResults.replaceChildren(
      renderReplayResults(report, {
        history,
        ruleFilter,
        onClearFilter: () => this.setReplay({ ruleFilter: null }),
        onEntry: (verdict) => void this.revealer.reveal(verdict, path),
        onDownload: () => download(`${report.rulebook.name}-${history}.replay.json`, 'application/json', jsonFile(report)),
      }),
    );
  }
}
