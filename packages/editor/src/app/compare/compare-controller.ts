import type { AnalysisRequest, RulebookReference } from '../analysis/index.ts';
import type { AppContext } from '../app-context.ts';
import { openRulebookReference } from '../files/index.ts';
import { BLOB_URL_LIFETIME_MS, download, element, jsonFile } from '../shell/index.ts';
import type { CompareState } from '../state/index.ts';
import { renderCompareResults } from './compare-results.ts';

/** The Compare view: the open rulebook (baseline) against the chosen stored ones over one history, and the HTML report. */
export class CompareController {
  constructor(private readonly context: AppContext) {
    const { panel, store } = context;
    panel.compare.start.addEventListener('click', () => void this.compare());
    panel.compare.cancel.addEventListener('click', () => void this.cancel());
    store.watch((state) => state.compare.last, () => this.render());
    panel.compare.idle('');
    panel.compareResults.replaceChildren(element('p', { className: 'muted', textContent: 'Choose rulebooks above and press Compare (Ctrl+Shift+Enter).' }));
  }

  async compare(): Promise<void> {
    const { panel, store, analysis } = this.context;
    panel.show('compare');
    if (store.state.compare.running) return;
    const request = this.request();
    if (request === null) return;
    panel.compare.busy(`Comparing ${request.rulebooks.length} rulebooks over ${request.history}…`);
    const run = analysis.compare(request, panel.compare.progressListener('Comparing'));
    this.setCompare({ running: run });
    const outcome = await run.outcome;
    this.setCompare({ running: null });
    const report = panel.compare.settle(outcome, 'Compare');
    if (report === null) return;
    this.setCompare({ last: { report, request } });
    panel.compare.idle(
      `Compared ${report.rulebooks.length} rulebooks over ${request.history}: ${report.verdict_diffs.length} verdict differences, ${report.summary_diffs.length} summary differences.`,
    );
  }

  async cancel(): Promise<void> {
    await this.context.store.state.compare.running?.cancel();
  }

  /** The last comparison's HTML report (the server renders it), in a new tab or as a download. */
  async html(action: 'open' | 'download'): Promise<void> {
    const { store, analysis, say } = this.context;
    const request = store.state.compare.last?.request ?? null;
    if (request === null) {
      say('Run a comparison first.');
      return;
    }
    // Opened before the await so the browser treats it as the user's click, not a pop-up.
    const opened = action === 'open' ? window.open('', '_blank') : null;
    say('Rendering the HTML report…');
    const result = await analysis.compareHtml(request);
    if (!result.ok) {
      opened?.close();
      say(`HTML report failed: ${result.issue.message}`);
      return;
    }
    if (action === 'download') {
      download(`compare-${request.history}.html`, 'text/html', result.value);
      say('HTML report downloaded.');
      return;
    }
    const url = URL.createObjectURL(new Blob([result.value], { type: 'text/html' }));
    if (opened) opened.location.href = url;
    else window.open(url, '_blank');
    setTimeout(() => URL.revokeObjectURL(url), BLOB_URL_LIFETIME_MS);
    say('HTML report opened in a new tab.');
  }

  /** The open rulebook first (the baseline), then the chosen ones; `null` (and the reason shown) when one is missing. */
  private request(): AnalysisRequest | null {
    const { store, panel, workspace } = this.context;
    const reference = openRulebookReference(store.state, (path) => workspace.modelOf(path)!.getValue());
    const { history, compare } = store.state.selection;
    if (reference === null) {
      panel.compare.idle('Open a rulebook file first: it is the baseline.');
      return null;
    }
    if (history === null) {
      panel.compare.idle('No history to compare over: the server is not reachable or stores none.');
      return null;
    }
    if (compare.length === 0) {
      panel.compare.idle('Choose at least one rulebook to compare with.');
      return null;
    }
    return { history, rulebooks: [reference, ...compare.map((choice): RulebookReference => (choice.name === undefined ? { file: choice.file } : { file: choice.file, name: choice.name }))] };
  }

  private setCompare(patch: Partial<CompareState>): void {
    this.context.store.update((state) => ({ compare: { ...state.compare, ...patch } }));
  }

  private render(): void {
    const last = this.context.store.state.compare.last;
    if (last === null) return;
    const { report, request } = last;
    this.context.panel.compareResults.replaceChildren(
      renderCompareResults(report, {
        history: request.history,
        onOpenHtml: () => void this.html('open'),
        onDownloadHtml: () => void this.html('download'),
        onDownloadJson: () => download(`compare-${request.history}.json`, 'application/json', jsonFile(report)),
      }),
    );
  }
}
