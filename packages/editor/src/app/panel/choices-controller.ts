import type { AppContext } from '../app-context.ts';
import { describeReference, openRulebookReference } from '../files/index.ts';
import type { SymbolSource } from '../run/index.ts';
import type { HistoryEntry, ServerResult } from '../server-api/index.ts';
import { renderHistoryList, requireElement } from '../shell/index.ts';
import { currentFile } from '../state/index.ts';
import type { RulebookChoice } from '../url-state/index.ts';

/**
 * The panel's shared choices (history, rulebook of the open file, compared rulebooks, view): fills
 * them from the state and mirrors what the user picks into `AppState.selection`.
 */
export class ChoicesController {
  private readonly historyList = requireElement('history-list', HTMLDivElement);

  constructor(
    private readonly context: AppContext,
    private readonly symbolsOf: SymbolSource,
  ) {
    const { panel, store } = context;
    panel.onChoiceChange(() => this.sync());
    panel.onViewChange(() => this.sync());
    store.watch((state) => state.serverFiles, () => this.refreshCompareOptions());
    // A checked text is the moment the outline may have changed (a rulebook renamed or added).
    store.watch(
      (state) => [state.currentPath, state.currentPath === null ? undefined : state.diagnostics.get(state.currentPath), state.language.status] as const,
      () => void this.refreshRulebookNames(),
    );
    store.watch(
      (state) => [currentFile(state), state.selection.rulebook] as const,
      () => this.showBaseline(),
    );
  }

  /** The server's histories, in the side bar and the panel; `preferred` is chosen when listed. */
  showHistories(histories: ServerResult<readonly HistoryEntry[]>, preferred: string | null): void {
    const { panel } = this.context;
    renderHistoryList(this.historyList, histories, (id) => {
      panel.chooseHistory(id);
      this.sync();
    });
    panel.setHistories(histories, preferred);
    this.sync();
  }

  /** The rulebooks the open file declares, as the rulebook choice; the link's choice is kept until it can be made. */
  async refreshRulebookNames(): Promise<void> {
    const { store, panel } = this.context;
    const path = store.state.currentPath;
    if (path === null) return;
    const names = await this.declaredRulebooks(path);
    if (path !== store.state.currentPath) return;
    panel.setRulebookNames(names, store.state.link.pendingRulebook);
    if (names.length > 0) store.update((state) => ({ link: { ...state.link, pendingRulebook: null } }));
    this.sync();
  }

  /** From the language service, else from the server's listing of the saved file. */
  private async declaredRulebooks(path: string): Promise<string[]> {
    const symbols = await this.symbolsOf(path);
    if (symbols !== null) return symbols.filter((symbol) => symbol.kind === 'rulebook').map((symbol) => symbol.name);
    const { files, serverFiles } = this.context.store.state;
    const file = files.find((candidate) => candidate.path === path);
    if (file?.origin === 'server' && !file.modified && serverFiles?.ok) {
      return [...(serverFiles.value.find((entry) => entry.file === path)?.rulebooks ?? [])];
    }
    return [];
  }

  private refreshCompareOptions(): void {
    const { serverFiles, selection, link } = this.context.store.state;
    const options: RulebookChoice[] = serverFiles?.ok
      ? serverFiles.value.flatMap((file) => (file.rulebooks.length === 0 ? [{ file: file.file }] : file.rulebooks.map((name) => ({ file: file.file, name }))))
      : [];
    this.context.panel.setCompareOptions(options, selection.compare.length > 0 ? selection.compare : link.opened.compare);
    this.sync();
  }

  private showBaseline(): void {
    const reference = openRulebookReference(this.context.store.state, (path) => this.context.workspace.modelOf(path)?.getValue() ?? '');
    this.context.panel.setBaseline(reference === null ? 'No file is open.' : `Baseline: ${describeReference(reference)}.`);
  }

  private sync(): void {
    const { panel, store } = this.context;
    store.set({ selection: { history: panel.history, rulebook: panel.rulebook, compare: panel.compareChoices, view: panel.view } });
  }
}
