import type { AppContext } from '../app-context.ts';
import { requireElement } from '../shell/index.ts';
import { isStored, type OpenFile } from '../state/index.ts';
import { importedPaths, type DiagnosticsChange, type WorkspaceFile } from '../workspace/index.ts';
import { SCRATCH_PATH, SCRATCH_TEXT } from './scratch-file.ts';

const sameFile = (a: OpenFile | undefined, b: OpenFile): boolean =>
  a !== undefined && a.path === b.path && a.origin === b.origin && a.modified === b.modified;

/**
 * The open files: opening (server, local, scratch), showing one in the editor, saved marks, and the
 * stored files the open ones import. Mirrors the workspace's files, modified marks and diagnostics
 * into `AppState` (`files`, `diagnostics`, `lastPassMs`).
 */
export class FilesController {
  /** Stored files handed to the worker so imports resolve (and `extends` checks) without opening them. */
  private readonly libraryFiles = new Set<string>();

  constructor(private readonly context: AppContext) {
    context.workspace.onModifiedChange((change) => this.syncFile(change.path));
    context.workspace.onDiagnostics((change) => this.diagnosticsArrived(change));
    this.bindLocalFiles();
    window.addEventListener('beforeunload', (event) => {
      if (context.store.state.files.some((file) => file.origin !== 'scratch' && file.modified)) event.preventDefault();
    });
  }

  /** Opens (or replaces the text of) a file and shows it; stored files it imports are read for the worker. */
  open(file: WorkspaceFile, text: string): void {
    this.add(file, text);
    this.show(file.path);
    // Fire-and-forget: read failures come back as results and only leave the import unresolved.
    void this.loadImportsOf(file.path, text);
  }

  openScratch(): void {
    this.open({ path: SCRATCH_PATH, origin: 'scratch' }, SCRATCH_TEXT);
  }

  /** The scratch file is in the editor as the page opened it: start-up may replace it with the link's file. */
  scratchUntouched(): boolean {
    return this.context.store.state.currentPath === SCRATCH_PATH && this.context.workspace.modelOf(SCRATCH_PATH)?.getValue() === SCRATCH_TEXT;
  }

  show(path: string): void {
    const { editor, workspace, store } = this.context;
    const model = workspace.modelOf(path);
    if (!model) return;
    editor.setModel(model);
    editor.updateOptions({ ariaLabel: `Rulebook source ${path}` });
    store.set({ currentPath: path });
  }

  /** Shows a stored file, reading it from the server unless it is open already; `false` (and says why) when it cannot be read. */
  async openServerFile(path: string): Promise<boolean> {
    const { workspace, api, say } = this.context;
    if (workspace.get(path)?.origin === 'server') {
      this.show(path);
      return true;
    }
    const result = await api.readRulebook(path);
    if (!result.ok) {
      say(`Could not open ${path}: ${result.issue.message}`);
      return false;
    }
    this.open({ path: result.value.file, origin: 'server' }, result.value.source);
    return true;
  }

  /** The text now is what `origin` holds (just saved): clears the modified mark. */
  markSaved(path: string, origin: WorkspaceFile['origin']): void {
    this.context.workspace.markSaved(path, origin);
    this.syncFile(path);
  }

  /** Lists the server's rulebook files again (after a save). */
  async reloadServerFiles(): Promise<void> {
    this.context.store.set({ serverFiles: await this.context.api.listRulebooks() });
  }

  private add(file: WorkspaceFile, text: string): void {
    this.context.workspace.open(file, text);
    this.syncFile(file.path);
  }

  private syncFile(path: string): void {
    const { workspace, store } = this.context;
    const file = workspace.get(path);
    if (!file) return;
    const entry: OpenFile = { path: file.path, origin: file.origin, modified: workspace.isModified(path) };
    const files = store.state.files;
    const index = files.findIndex((candidate) => candidate.path === path);
    if (sameFile(files[index], entry)) return;
    store.set({ files: index < 0 ? [...files, entry] : files.map((candidate, at) => (at === index ? entry : candidate)) });
  }

  private diagnosticsArrived(change: DiagnosticsChange): void {
    const { store, workspace } = this.context;
    store.update((state) => ({ lastPassMs: change.durationMs, diagnostics: new Map(state.diagnostics).set(change.path, change.diagnostics) }));
    if (change.path !== store.state.currentPath) return;
    const text = workspace.modelOf(change.path)?.getValue();
    // Fire-and-forget, as in `open`.
    if (text !== undefined) void this.loadImportsOf(change.path, text);
  }

  private async loadImportsOf(path: string, text: string): Promise<void> {
    const { store, workspace, api } = this.context;
    if (!store.state.serverFiles?.ok) return;
    for (const imported of importedPaths(path, text)) {
      if (this.libraryFiles.has(imported) || workspace.modelOf(imported) !== null || !isStored(store.state, imported)) continue;
      this.libraryFiles.add(imported);
      const result = await api.readRulebook(imported);
      if (!result.ok) {
        this.libraryFiles.delete(imported);
        continue;
      }
      workspace.provideLibraryFile(imported, result.value.source);
      await this.loadImportsOf(imported, result.value.source);
    }
  }

  private bindLocalFiles(): void {
    const input = requireElement('local-file-input', HTMLInputElement);
    requireElement('open-local-file', HTMLButtonElement).addEventListener('click', () => input.click());
    input.addEventListener('change', async () => {
      const files = [...(input.files ?? [])];
      // Every chosen file is opened before the last one is shown, so imports among them resolve at once.
      for (const file of files) this.add({ path: file.name, origin: 'local' }, await file.text());
      const last = files.at(-1);
      if (last) this.show(last.name);
      input.value = '';
    });
  }
}
