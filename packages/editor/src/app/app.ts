import type { Diagnostic } from '@a6/dsl';
import { LanguageClient, startLanguageWorker } from './language-client/index.ts';
import { registerA6Language } from './language/index.ts';
import { countDiagnostics } from './markers/index.ts';
import { installMonacoEnvironment, monaco } from './monaco/index.ts';
import { registerProviders, type ProviderRegistration } from './providers/index.ts';
import { ServerApi, type RulebookFileEntry, type ServerResult } from './server-api/index.ts';
import {
  applyTheme,
  diagnosticsSummary,
  initialTheme,
  installRegionNavigation,
  languageSummary,
  renderHistoryList,
  renderOpenFiles,
  renderResultsEmptyState,
  renderRulebookList,
  requireElement,
  type ThemeName,
} from './shell/index.ts';
import type { WorkerCapabilities } from './worker/index.ts';
import { EditorWorkspace, type WorkspaceFile } from './workspace/index.ts';

const SCRATCH_PATH = 'scratch.a6';
/**
 * A comment and the smallest valid rulebook (a file needs one), rather than Monaco's `placeholder`
 * option: the placeholder stays painted for a frame after switching to a non-empty model.
 */
const SCRATCH_TEXT = '// Scratch file: checked as you type, never saved. Open a file, or write a rulebook here.\nrulebook scratch {\n}\n';

/** What the page exposes for automation (the browser end-to-end tests), and nothing it could not show. */
export interface A6EditorHandle {
  readonly monaco: typeof monaco;
  readonly editor: monaco.editor.IStandaloneCodeEditor;
  readonly capabilities: Promise<WorkerCapabilities>;
  currentPath(): string | null;
  diagnostics(path: string): readonly Diagnostic[];
}

declare global {
  interface Window {
    a6Editor?: A6EditorHandle;
  }
}

/** Builds the page: Monaco + the a6 language, the worker, the side bar, results and status bar. */
export function startApp(): A6EditorHandle {
  installMonacoEnvironment();
  registerA6Language(monaco);

  const elements = {
    editorHost: requireElement('editor-host', HTMLDivElement),
    editorRegion: requireElement('editor-region', HTMLElement),
    sideBar: requireElement('side-bar', HTMLElement),
    resultsPanel: requireElement('results-panel', HTMLElement),
    resultsBody: requireElement('results-body', HTMLDivElement),
    statusBar: requireElement('status-bar', HTMLElement),
    rulebookList: requireElement('rulebook-list', HTMLDivElement),
    openFileList: requireElement('open-file-list', HTMLUListElement),
    historyList: requireElement('history-list', HTMLDivElement),
    currentFile: requireElement('current-file', HTMLParagraphElement),
    openLocalFile: requireElement('open-local-file', HTMLButtonElement),
    localFileInput: requireElement('local-file-input', HTMLInputElement),
    themeToggle: requireElement('theme-toggle', HTMLButtonElement),
    statusDiagnostics: requireElement('status-diagnostics', HTMLButtonElement),
    statusLanguage: requireElement('status-language', HTMLSpanElement),
    statusCursor: requireElement('status-cursor', HTMLSpanElement),
  };

  let theme: ThemeName = initialTheme();
  const editor = monaco.editor.create(elements.editorHost, {
    model: null,
    automaticLayout: true,
    fontSize: 14,
    minimap: { enabled: false },
    scrollBeyondLastLine: false,
    'semanticHighlighting.enabled': true,
    ariaLabel: 'Rulebook source',
  });
  applyTheme(theme, elements.themeToggle);
  elements.themeToggle.addEventListener('click', () => {
    theme = theme === 'dark' ? 'light' : 'dark';
    applyTheme(theme, elements.themeToggle);
  });

  const client = new LanguageClient(startLanguageWorker());
  const workspace = new EditorWorkspace(client);
  const api = new ServerApi();
  let currentPath: string | null = null;
  let serverFiles: ServerResult<RulebookFileEntry[]> | null = null;
  let capabilities: WorkerCapabilities | null = null;
  let registrations: ProviderRegistration[] = [];
  let lastPassMs: number | null = null;

  const renderSideBar = (): void => {
    if (serverFiles) renderRulebookList(elements.rulebookList, serverFiles, currentPath, (path) => void openServerFile(path));
    renderOpenFiles(elements.openFileList, workspace.list(), currentPath, showFile);
  };

  const renderStatus = (): void => {
    const diagnostics = currentPath ? workspace.diagnosticsOf(currentPath) : [];
    const checked = capabilities !== null && (capabilities.syntax.available || capabilities.checking.available);
    elements.statusDiagnostics.textContent = diagnosticsSummary(checked ? countDiagnostics(diagnostics) : null);
    if (capabilities) {
      const summary = languageSummary(capabilities, registrations, lastPassMs);
      elements.statusLanguage.textContent = summary.text;
      elements.statusLanguage.title = summary.details;
    }
  };

  function showFile(path: string): void {
    const model = workspace.modelOf(path);
    if (!model) return;
    currentPath = path;
    editor.setModel(model);
    editor.updateOptions({ ariaLabel: `Rulebook source ${path}` });
    const file = workspace.get(path);
    elements.currentFile.textContent = file?.origin === 'server' ? path : `${path} (not saved)`;
    renderSideBar();
    renderStatus();
  }

  const openFile = (file: WorkspaceFile, text: string): void => {
    workspace.open(file, text);
    showFile(file.path);
  };

  async function openServerFile(path: string): Promise<void> {
    const result = await api.readRulebook(path);
    if (!result.ok) {
      elements.currentFile.textContent = `Could not open ${path}: ${result.issue.message}`;
      return;
    }
    openFile({ path: result.value.file, origin: 'server' }, result.value.source);
  }

  workspace.onDiagnostics((change) => {
    lastPassMs = change.durationMs;
    if (change.path === currentPath) renderStatus();
  });

  editor.onDidChangeCursorPosition((event) => {
    elements.statusCursor.textContent = `Ln ${event.position.lineNumber}, Col ${event.position.column}`;
  });

  elements.statusDiagnostics.addEventListener('click', () => {
    editor.focus();
    void editor.getAction('editor.action.marker.next')?.run();
  });

  elements.openLocalFile.addEventListener('click', () => elements.localFileInput.click());
  elements.localFileInput.addEventListener('change', async () => {
    const files = [...(elements.localFileInput.files ?? [])];
    // Every chosen file is opened before the last one is shown, so imports among them resolve at once.
    for (const file of files) workspace.open({ path: file.name, origin: 'local' }, await file.text());
    const last = files.at(-1);
    if (last) showFile(last.name);
    elements.localFileInput.value = '';
  });

  installRegionNavigation(
    [elements.sideBar, elements.editorRegion, elements.resultsPanel, elements.statusBar],
    () => editor.focus(),
    elements.editorRegion,
  );

  renderResultsEmptyState(elements.resultsBody);
  openFile({ path: SCRATCH_PATH, origin: 'scratch' }, SCRATCH_TEXT);

  const capabilitiesReady = client.ready.then(
    (ready) => {
      capabilities = ready;
      registrations = registerProviders(client, ready).registrations;
      renderStatus();
      return ready;
    },
    (error: unknown) => {
      elements.statusLanguage.textContent = `a6: language worker failed: ${error instanceof Error ? error.message : String(error)}`;
      throw error;
    },
  );

  void (async () => {
    const [rulebooks, histories] = await Promise.all([api.listRulebooks(), api.listHistories()]);
    serverFiles = rulebooks;
    renderHistoryList(elements.historyList, histories);
    renderSideBar();
    const first = rulebooks.ok ? rulebooks.value[0] : undefined;
    // Open the first stored file only while the user has not started on something else.
    if (first && currentPath === SCRATCH_PATH && workspace.modelOf(SCRATCH_PATH)?.getValue() === SCRATCH_TEXT) {
      await openServerFile(first.file);
    }
  })();

  return {
    monaco,
    editor,
    capabilities: capabilitiesReady,
    currentPath: () => currentPath,
    diagnostics: (path) => workspace.diagnosticsOf(path),
  };
}
