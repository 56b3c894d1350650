import type { Diagnostic } from '@a6/dsl';
import type { CompareReport, ReplayReport, ReportEntry as VerdictEntry } from '@a6/ledger';
import { AnalysisClient, type AnalysisOutcome, type AnalysisRequest, type AnalysisRun, type RulebookReference } from './analysis/index.ts';
import { pageKeys, registerAppCommands, openCommandPalette, type AppCommand } from './commands/index.ts';
import { renderCompareResults } from './compare/index.ts';
import { LanguageClient, startLanguageWorker } from './language-client/index.ts';
import { registerA6Language } from './language/index.ts';
import { countDiagnostics } from './markers/index.ts';
import { installMonacoEnvironment, monaco } from './monaco/index.ts';
import { AnalysisPanel } from './panel/index.ts';
import { registerProviders, type ProviderRegistration } from './providers/index.ts';
import { RejectionLenses, SHOW_RULE_REJECTIONS, renderReplayResults, workspacePathCandidates } from './run/index.ts';
import { ServerApi, type RulebookFileEntry, type ServerIssue, type ServerResult } from './server-api/index.ts';
import { TokenStore, askFileName, openSettingsDialog } from './settings/index.ts';
import {
  applyTheme,
  diagnosticsSummary,
  element,
  initialTheme,
  installRegionNavigation,
  languageSummary,
  renderHistoryList,
  renderOpenFiles,
  renderRulebookList,
  requireElement,
  type ThemeName,
} from './shell/index.ts';
import { readUrlState, writeUrlState, type RulebookChoice, type UrlState } from './url-state/index.ts';
import type { DocumentSymbolInfo, WorkerCapabilities } from './worker/index.ts';
import { EditorWorkspace, importedPaths, type WorkspaceFile } from './workspace/index.ts';

const SCRATCH_PATH = 'scratch.a6';
/**
 * A comment and the smallest valid rulebook (a file needs one), rather than Monaco's `placeholder`
 * option: the placeholder stays painted for a frame after switching to a non-empty model.
 */
const SCRATCH_TEXT = '// Scratch file: checked as you type, never saved. Open a file, or write a rulebook here.\nrulebook scratch {\n}\n';

/** The file the editor opens on when the link names none: the rulebook as adopted (the examples have it). */
const MAIN_RULEBOOK_FILE = 'glasgow-2021.a6';
/**
 * Histories to start on, most preferred first, when the link names none: real events (the Article 6.2
 * CA tool snapshot, the first ITMO transfers), never a synthetic one.
 */
const MAIN_HISTORY_PREFERENCE = [/^a62-ca-tool/, /^thailand-switzerland$/, /^ghana-switzerland$/];

/** What the page exposes for automation (the browser end-to-end tests), and nothing it could not show. */
export interface A6EditorHandle {
  readonly monaco: typeof monaco;
  readonly editor: monaco.editor.IStandaloneCodeEditor;
  readonly capabilities: Promise<WorkerCapabilities>;
  currentPath(): string | null;
  diagnostics(path: string): readonly Diagnostic[];
  isModified(path: string): boolean;
  /** The last replay report shown in the Run view. */
  lastReplay(): ReplayReport | null;
  lastCompare(): CompareReport | null;
  /** Resolves once the server's lists have loaded and the start-up file (and link state) is open. */
  readonly started: Promise<void>;
  /** A language-service request to the worker, as the providers make it. */
  languageRequest: LanguageClient['request'];
}

declare global {
  interface Window {
    a6Editor?: A6EditorHandle;
  }
}

const issueText = (issue: ServerIssue) => issue.message;

function download(name: string, type: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = element('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Builds the page: Monaco + the a6 language, the worker, the side bar, the Run/Compare panel and status bar. */
export function startApp(): A6EditorHandle {
  installMonacoEnvironment();
  registerA6Language(monaco);

  const elements = {
    editorHost: requireElement('editor-host', HTMLDivElement),
    editorRegion: requireElement('editor-region', HTMLElement),
    sideBar: requireElement('side-bar', HTMLElement),
    resultsPanel: requireElement('results-panel', HTMLElement),
    statusBar: requireElement('status-bar', HTMLElement),
    rulebookList: requireElement('rulebook-list', HTMLDivElement),
    openFileList: requireElement('open-file-list', HTMLUListElement),
    historyList: requireElement('history-list', HTMLDivElement),
    currentFile: requireElement('current-file', HTMLParagraphElement),
    saveFile: requireElement('save-file', HTMLButtonElement),
    openLocalFile: requireElement('open-local-file', HTMLButtonElement),
    localFileInput: requireElement('local-file-input', HTMLInputElement),
    commandPalette: requireElement('command-palette', HTMLButtonElement),
    openSettings: requireElement('open-settings', HTMLButtonElement),
    themeToggle: requireElement('theme-toggle', HTMLButtonElement),
    statusDiagnostics: requireElement('status-diagnostics', HTMLButtonElement),
    statusLanguage: requireElement('status-language', HTMLSpanElement),
    statusMessage: requireElement('status-message', HTMLSpanElement),
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
    codeLens: true,
    ariaLabel: 'Rulebook source',
  });
  applyTheme(theme, elements.themeToggle);
  const toggleTheme = (): void => {
    theme = theme === 'dark' ? 'light' : 'dark';
    applyTheme(theme, elements.themeToggle);
  };
  elements.themeToggle.addEventListener('click', toggleTheme);

  const tokens = new TokenStore();
  const token = () => tokens.get();
  const client = new LanguageClient(startLanguageWorker());
  const workspace = new EditorWorkspace(client);
  const api = new ServerApi(undefined, 'api', token);
  const analysis = new AnalysisClient(undefined, 'api', token);
  const panel = new AnalysisPanel(() => {
    updateBaseline();
    syncUrl();
  });
  const linkState: UrlState = readUrlState(window.location.search);

  let currentPath: string | null = null;
  let serverFiles: ServerResult<RulebookFileEntry[]> | null = null;
  let capabilities: WorkerCapabilities | null = null;
  let registrations: ProviderRegistration[] = [];
  let lastPassMs: number | null = null;
  let replayReport: ReplayReport | null = null;
  let replayEntry: { path: string; history: string } | null = null;
  let compareReport: CompareReport | null = null;
  let compareRequest: AnalysisRequest | null = null;
  let ruleFilter: string | null = null;
  let runningReplay: AnalysisRun<ReplayReport> | null = null;
  let runningCompare: AnalysisRun<CompareReport> | null = null;
  let highlight: monaco.editor.IEditorDecorationsCollection | null = null;

  const say = (message: string): void => {
    elements.statusMessage.textContent = message;
  };

  // ---- language service helpers -------------------------------------------------------------

  const symbolsOf = async (path: string): Promise<readonly DocumentSymbolInfo[] | null> => {
    if (!capabilities?.services.documentSymbols.available) return null;
    try {
      return await client.request('documentSymbols', { path });
    } catch {
      return null;
    }
  };
  const lenses = new RejectionLenses(symbolsOf);

  /** The rulebooks the open file declares: from the language service, else from the server's listing of the saved file. */
  async function declaredRulebooks(path: string): Promise<string[]> {
    const symbols = await symbolsOf(path);
    if (symbols !== null) return symbols.filter((symbol) => symbol.kind === 'rulebook').map((symbol) => symbol.name);
    if (workspace.get(path)?.origin === 'server' && !workspace.isModified(path) && serverFiles?.ok) {
      return [...(serverFiles.value.find((entry) => entry.file === path)?.rulebooks ?? [])];
    }
    return [];
  }

  let pendingRulebookChoice: string | null = linkState.rulebook;
  async function refreshRulebookNames(): Promise<void> {
    const path = currentPath;
    if (path === null) return;
    const names = await declaredRulebooks(path);
    if (path !== currentPath) return;
    panel.setRulebookNames(names, pendingRulebookChoice);
    if (names.length > 0) pendingRulebookChoice = null;
    updateBaseline();
    syncUrl();
  }

  // ---- side bar, title, status ----------------------------------------------------------------

  const renderSideBar = (): void => {
    if (serverFiles) renderRulebookList(elements.rulebookList, serverFiles, currentPath, (path) => void openServerFile(path));
    renderOpenFiles(elements.openFileList, workspace.list(), currentPath, showFile, (path) => workspace.isModified(path));
  };

  const renderTitle = (): void => {
    const file = currentPath ? workspace.get(currentPath) : undefined;
    const modified = currentPath !== null && workspace.isModified(currentPath);
    elements.currentFile.replaceChildren();
    if (!file) return;
    elements.currentFile.append(file.path);
    if (file.origin !== 'server') elements.currentFile.append(element('span', { className: 'muted', textContent: ' (not saved on the server)' }));
    if (modified) {
      const mark = element('span', { className: 'modified-mark', textContent: ' ●', title: 'Modified: not saved' });
      mark.setAttribute('aria-label', 'modified, not saved');
      elements.currentFile.append(mark);
    }
    document.title = `${modified ? '● ' : ''}${file.path} — A6 Ledger`;
    elements.saveFile.disabled = file.origin === 'server' && !modified;
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

  // ---- URL state ------------------------------------------------------------------------------

  let restoring = true;
  function syncUrl(): void {
    if (restoring) return;
    const file = currentPath ? workspace.get(currentPath) : undefined;
    const state: UrlState = {
      file: file?.origin === 'server' ? file.path : null,
      rulebook: panel.rulebook,
      history: panel.history,
      compare: panel.compareChoices,
      view: panel.view,
    };
    const query = writeUrlState(state);
    if (query !== window.location.search) window.history.replaceState(null, '', `${window.location.pathname}${query}${window.location.hash}`);
  }
  panel.onViewChange(() => syncUrl());

  // ---- files ----------------------------------------------------------------------------------

  function showFile(path: string): void {
    const model = workspace.modelOf(path);
    if (!model) return;
    const changed = path !== currentPath;
    currentPath = path;
    editor.setModel(model);
    editor.updateOptions({ ariaLabel: `Rulebook source ${path}` });
    renderTitle();
    renderSideBar();
    renderStatus();
    if (changed) void refreshRulebookNames();
    syncUrl();
  }

  const openFile = (file: WorkspaceFile, text: string): void => {
    workspace.open(file, text);
    showFile(file.path);
    void loadImportsOf(file.path, text);
  };

  /** Stored files handed to the worker so imports resolve (and `extends` checks) without opening them. */
  const libraryFiles = new Set<string>();
  async function loadImportsOf(path: string, text: string): Promise<void> {
    if (!serverFiles?.ok) return;
    const stored = serverFiles.value;
    for (const imported of importedPaths(path, text)) {
      if (libraryFiles.has(imported) || workspace.modelOf(imported) !== null || !stored.some((file) => file.file === imported)) continue;
      libraryFiles.add(imported);
      const result = await api.readRulebook(imported);
      if (!result.ok) {
        libraryFiles.delete(imported);
        continue;
      }
      workspace.provideLibraryFile(imported, result.value.source);
      await loadImportsOf(imported, result.value.source);
    }
  }

  async function openServerFile(path: string): Promise<boolean> {
    if (workspace.get(path)?.origin === 'server') {
      showFile(path);
      return true;
    }
    const result = await api.readRulebook(path);
    if (!result.ok) {
      say(`Could not open ${path}: ${issueText(result.issue)}`);
      return false;
    }
    openFile({ path: result.value.file, origin: 'server' }, result.value.source);
    return true;
  }

  workspace.onModifiedChange((change) => {
    if (change.path === currentPath) renderTitle();
    renderSideBar();
  });

  workspace.onDiagnostics((change) => {
    lastPassMs = change.durationMs;
    if (change.path === currentPath) {
      renderStatus();
      const text = workspace.modelOf(change.path)?.getValue();
      if (text !== undefined) void loadImportsOf(change.path, text);
      // A checked text is the moment the outline may have changed (a rulebook renamed or added).
      void refreshRulebookNames();
    }
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

  window.addEventListener('beforeunload', (event) => {
    if (workspace.list().some((file) => file.origin !== 'scratch' && workspace.isModified(file.path))) event.preventDefault();
  });

  // ---- save -----------------------------------------------------------------------------------

  async function saveCurrent(): Promise<void> {
    const path = currentPath;
    if (path === null) return;
    const file = workspace.get(path)!;
    const model = workspace.modelOf(path)!;
    let target = path;
    if (file.origin === 'scratch') {
      const chosen = await askFileName('my-rulebook.a6', 'The scratch file has no name on the server yet.');
      if (chosen === null) return;
      target = chosen;
    }
    if (tokens.get() === null) {
      const entered = await openSettingsDialog(tokens, 'Saving needs a designer token. Enter it once; this browser keeps it.');
      if (!entered) {
        say('Not saved: no designer token.');
        return;
      }
    }
    const text = model.getValue();
    const savedVersion = model.getAlternativeVersionId();
    say(`Saving ${target}…`);
    const result = await api.saveRulebook(target, text);
    if (!result.ok) {
      const { issue } = result;
      if (issue.status === 401 || issue.status === 403) {
        say(`Not saved: ${issue.message}`);
        void openSettingsDialog(tokens, `The server refused the token (${issue.serverCode ?? issue.status}): saving needs a designer token.`);
      } else if (issue.serverCode === 'rulebook.invalid') {
        say(`Not saved: ${issue.message}. Fix the errors marked in the editor (F8 goes to the next).`);
      } else say(`Not saved: ${issue.message}`);
      return;
    }
    if (target !== path) {
      openFile({ path: target, origin: 'server' }, text);
    } else if (model.getAlternativeVersionId() === savedVersion) {
      workspace.markSaved(path, 'server');
    } else {
      // Typed while saving: the saved text is not what the editor shows, so the mark stays.
      workspace.markSaved(path, 'server');
      say(`Saved ${target} (version ${result.value.version}); edits made while saving are not saved yet.`);
    }
    if (target === path && model.getAlternativeVersionId() === savedVersion) {
      say(result.value.saved ? `Saved ${target} as version ${result.value.version}.` : `${target} is unchanged (version ${result.value.version}).`);
    }
    renderTitle();
    serverFiles = await api.listRulebooks();
    renderSideBar();
    refreshCompareOptions();
    syncUrl();
  }
  elements.saveFile.addEventListener('click', () => void saveCurrent());
  elements.openSettings.addEventListener('click', () => void openSettingsDialog(tokens));

  // ---- run ------------------------------------------------------------------------------------

  /** The open rulebook as a request names it: the saved file, or the editor's text under its path. */
  function currentReference(): RulebookReference | null {
    if (currentPath === null) return null;
    const file = workspace.get(currentPath)!;
    const name = panel.rulebook ?? undefined;
    const named = name === undefined ? {} : { name };
    if (file.origin === 'server' && !workspace.isModified(currentPath)) return { file: currentPath, ...named };
    return { source: workspace.modelOf(currentPath)!.getValue(), file: currentPath, ...named };
  }

  function describeReference(reference: RulebookReference): string {
    const name = reference.name ?? 'default rulebook';
    return 'source' in reference ? `${name} of ${reference.file ?? 'the editor'} (unsaved text)` : `${name} of ${reference.file}`;
  }

  function updateBaseline(): void {
    const reference = currentReference();
    panel.setBaseline(reference === null ? 'No file is open.' : `Baseline: ${describeReference(reference)}.`);
  }

  function renderReplay(): void {
    if (replayReport === null || replayEntry === null) return;
    const report = replayReport;
    const entry = replayEntry;
    panel.runResults.replaceChildren(
      renderReplayResults(report, {
        history: entry.history,
        ruleFilter,
        onClearFilter: () => {
          ruleFilter = null;
          renderReplay();
        },
        onEntry: (verdict) => void revealEntry(verdict, entry.path),
        onDownload: () => download(`${report.rulebook.name}-${entry.history}.replay.json`, 'application/json', `${JSON.stringify(report, null, 2)}\n`),
      }),
    );
  }

  async function revealEntry(entry: VerdictEntry, entryPath: string): Promise<void> {
    if (entry.source === null) {
      say(`Event ${entry.seq}: ${entry.code} is a built-in integrity check; it has no line in the rulebook.`);
      return;
    }
    const candidates = workspacePathCandidates(entryPath, entry.source.file);
    let path = candidates.find((candidate) => workspace.modelOf(candidate) !== null);
    if (path === undefined) {
      const stored = serverFiles?.ok ? candidates.find((candidate) => serverFiles!.ok && serverFiles!.value.some((file) => file.file === candidate)) : undefined;
      if (stored === undefined || !(await openServerFile(stored))) {
        say(`${entry.source.file} is not open and not stored on the server.`);
        return;
      }
      path = stored;
    }
    showFile(path);
    const { line, col } = entry.source;
    editor.setSelection(new monaco.Range(line, col, line, col));
    editor.revealLineInCenter(line);
    highlight?.clear();
    highlight = editor.createDecorationsCollection([
      { range: new monaco.Range(line, 1, line, 1), options: { isWholeLine: true, className: 'rejection-line', linesDecorationsClassName: 'rejection-gutter' } },
    ]);
    say(`Event ${entry.seq} was rejected by ${entry.rule ?? entry.code} at ${path}:${line}:${col}.`);
  }

  function finish<R>(outcome: AnalysisOutcome<R>, controls: AnalysisPanel['run'], verb: string): R | null {
    if (outcome.status === 'done') return outcome.report;
    if (outcome.status === 'cancelled') controls.idle(`${verb} cancelled.`);
    else controls.idle(`${verb} failed: ${issueText(outcome.issue)}`);
    return null;
  }

  async function runReplay(): Promise<void> {
    panel.show('run');
    if (runningReplay) return;
    const reference = currentReference();
    const history = panel.history;
    if (reference === null) return panel.run.idle('Open a rulebook file first.');
    if (history === null) return panel.run.idle('No history to replay: the server is not reachable or stores none.');
    const entryPath = currentPath!;
    panel.run.busy(`Replaying ${describeReference(reference)} over ${history}…`);
    const run = analysis.replay(
      { history, rulebooks: [reference] },
      {
        onJob: (job) => panel.run.advance(0, job.total, 'Replaying'),
        onProgress: (progress) => panel.run.advance(progress.done, progress.total, 'Replaying'),
      },
    );
    runningReplay = run;
    const outcome = await run.outcome;
    runningReplay = null;
    const report = finish(outcome, panel.run, 'Replay');
    if (report === null) return;
    replayReport = report;
    replayEntry = { path: entryPath, history };
    ruleFilter = null;
    renderReplay();
    lenses.update(report, history, entryPath);
    panel.run.idle(
      `Replayed ${report.rulebook.name} over ${history}: ${report.verdicts.accepted} accepted, ${report.verdicts.rejected} rejected, ${report.verdicts.findings} findings.`,
    );
  }

  // ---- compare --------------------------------------------------------------------------------

  function refreshCompareOptions(): void {
    const options: RulebookChoice[] = serverFiles?.ok
      ? serverFiles.value.flatMap((file) => (file.rulebooks.length === 0 ? [{ file: file.file }] : file.rulebooks.map((name) => ({ file: file.file, name }))))
      : [];
    panel.setCompareOptions(options, panel.compareChoices.length > 0 ? panel.compareChoices : linkState.compare);
  }

  function compareRequestNow(): AnalysisRequest | null {
    const reference = currentReference();
    const history = panel.history;
    if (reference === null) {
      panel.compare.idle('Open a rulebook file first: it is the baseline.');
      return null;
    }
    if (history === null) {
      panel.compare.idle('No history to compare over: the server is not reachable or stores none.');
      return null;
    }
    const others = panel.compareChoices;
    if (others.length === 0) {
      panel.compare.idle('Choose at least one rulebook to compare with.');
      return null;
    }
    return { history, rulebooks: [reference, ...others.map((choice): RulebookReference => (choice.name === undefined ? { file: choice.file } : { file: choice.file, name: choice.name }))] };
  }

  async function runCompare(): Promise<void> {
    panel.show('compare');
    if (runningCompare) return;
    const request = compareRequestNow();
    if (request === null) return;
    panel.compare.busy(`Comparing ${request.rulebooks.length} rulebooks over ${request.history}…`);
    const run = analysis.compare(request, {
      onJob: (job) => panel.compare.advance(0, job.total, 'Comparing'),
      onProgress: (progress) => panel.compare.advance(progress.done, progress.total, 'Comparing'),
    });
    runningCompare = run;
    const outcome = await run.outcome;
    runningCompare = null;
    const report = finish(outcome, panel.compare, 'Compare');
    if (report === null) return;
    compareReport = report;
    compareRequest = request;
    panel.compareResults.replaceChildren(
      renderCompareResults(report, {
        history: request.history,
        onOpenHtml: () => void compareHtml('open'),
        onDownloadHtml: () => void compareHtml('download'),
        onDownloadJson: () => download(`compare-${request.history}.json`, 'application/json', `${JSON.stringify(report, null, 2)}\n`),
      }),
    );
    panel.compare.idle(
      `Compared ${report.rulebooks.length} rulebooks over ${request.history}: ${report.verdict_diffs.length} verdict differences, ${report.summary_diffs.length} summary differences.`,
    );
  }

  async function compareHtml(action: 'open' | 'download'): Promise<void> {
    const request = compareRequest;
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
      say(`HTML report failed: ${issueText(result.issue)}`);
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
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    say('HTML report opened in a new tab.');
  }

  panel.run.start.addEventListener('click', () => void runReplay());
  panel.run.cancel.addEventListener('click', () => void runningReplay?.cancel());
  panel.compare.start.addEventListener('click', () => void runCompare());
  panel.compare.cancel.addEventListener('click', () => void runningCompare?.cancel());

  monaco.editor.registerCommand(SHOW_RULE_REJECTIONS, (_accessor, rule: unknown) => {
    if (typeof rule !== 'string' || replayReport === null) return;
    ruleFilter = rule;
    panel.show('run');
    renderReplay();
    requireElement('results-body', HTMLDivElement).querySelector<HTMLElement>('.filter-note')?.scrollIntoView({ block: 'nearest' });
  });

  // ---- commands -------------------------------------------------------------------------------

  const { KeyMod, KeyCode } = monaco;
  const commands: AppCommand[] = [
    { id: 'a6.run', label: 'A6: Run replay', keybindings: [KeyMod.CtrlCmd | KeyCode.Enter], pageKey: pageKeys.ctrlEnter, run: runReplay },
    { id: 'a6.compare', label: 'A6: Compare rulebooks', keybindings: [KeyMod.CtrlCmd | KeyMod.Shift | KeyCode.Enter], pageKey: pageKeys.ctrlShiftEnter, run: runCompare },
    {
      id: 'a6.cancel',
      label: 'A6: Cancel the running replay or comparison',
      run: async () => {
        await runningReplay?.cancel();
        await runningCompare?.cancel();
      },
    },
    {
      id: 'a6.format',
      label: 'A6: Format rulebook (a6 fmt)',
      // Monaco binds Format Document to Ctrl+Shift+I on Linux; Shift+Alt+F is the habit on every platform.
      keybindings: [KeyMod.Shift | KeyMod.Alt | KeyCode.KeyF],
      pageKey: pageKeys.shiftAltF,
      run: async () => {
        editor.focus();
        await editor.getAction('editor.action.formatDocument')?.run();
      },
    },
    { id: 'a6.save', label: 'A6: Save rulebook', keybindings: [KeyMod.CtrlCmd | KeyCode.KeyS], pageKey: pageKeys.ctrlS, run: saveCurrent },
    {
      id: 'a6.toggleTheme',
      label: 'A6: Toggle light/dark theme',
      keybindings: [KeyMod.chord(KeyMod.CtrlCmd | KeyCode.KeyK, KeyMod.CtrlCmd | KeyCode.KeyT)],
      run: toggleTheme,
    },
    { id: 'a6.settings', label: 'A6: Settings (bearer token)', run: () => void openSettingsDialog(tokens) },
    { id: 'a6.showRun', label: 'View: Show Run', run: () => panel.show('run', true) },
    { id: 'a6.showCompare', label: 'View: Show Compare', run: () => panel.show('compare', true) },
    { id: 'a6.openCompareHtml', label: 'A6: Open the HTML compare report', run: () => compareHtml('open') },
    {
      id: 'a6.copyLink',
      label: 'A6: Copy link to this view',
      run: async () => {
        syncUrl();
        try {
          await navigator.clipboard.writeText(window.location.href);
          say('Link copied.');
        } catch {
          say(`Link: ${window.location.href}`);
        }
      },
    },
  ];
  registerAppCommands(editor, commands);
  elements.commandPalette.addEventListener('click', () => openCommandPalette(editor));

  installRegionNavigation(
    [elements.sideBar, elements.editorRegion, elements.resultsPanel, elements.statusBar],
    () => editor.focus(),
    elements.editorRegion,
  );

  panel.run.idle('');
  panel.compare.idle('');
  panel.runResults.replaceChildren(
    element('p', { textContent: 'Nothing has been run.' }),
    element('p', { className: 'muted', textContent: 'Choose a history and press Run replay (Ctrl+Enter): the open rulebook — its saved file, or your unsaved text — is replayed on the server.' }),
  );
  panel.compareResults.replaceChildren(element('p', { className: 'muted', textContent: 'Choose rulebooks above and press Compare (Ctrl+Shift+Enter).' }));
  openFile({ path: SCRATCH_PATH, origin: 'scratch' }, SCRATCH_TEXT);

  const capabilitiesReady = client.ready.then(
    (ready) => {
      capabilities = ready;
      registrations = registerProviders(client, ready).registrations;
      renderStatus();
      void refreshRulebookNames();
      return ready;
    },
    (error: unknown) => {
      elements.statusLanguage.textContent = `a6: language worker failed: ${error instanceof Error ? error.message : String(error)}`;
      throw error;
    },
  );

  const started = (async () => {
    const [rulebooks, historyList] = await Promise.all([api.listRulebooks(), api.listHistories()]);
    serverFiles = rulebooks;
    renderHistoryList(elements.historyList, historyList, (id) => {
      panel.chooseHistory(id);
      updateBaseline();
      syncUrl();
    });
    const mainHistory =
      linkState.history ??
      (historyList.ok ? (MAIN_HISTORY_PREFERENCE.map((pattern) => historyList.value.find((history) => pattern.test(history.id))).find(Boolean)?.id ?? historyList.value[0]?.id ?? null) : null);
    panel.setHistories(historyList, mainHistory);
    refreshCompareOptions();
    renderSideBar();
    // Open the link's file, else the main rulebook, only while the user has not started on something else.
    const untouched = currentPath === SCRATCH_PATH && workspace.modelOf(SCRATCH_PATH)?.getValue() === SCRATCH_TEXT;
    if (rulebooks.ok && untouched) {
      const stored = (file: string) => rulebooks.value.some((entry) => entry.file === file);
      const first = [linkState.file, MAIN_RULEBOOK_FILE, rulebooks.value[0]?.file].find((file): file is string => typeof file === 'string' && stored(file));
      if (linkState.file !== null && !stored(linkState.file)) say(`The link names ${linkState.file}, which the server does not store.`);
      if (first) await openServerFile(first);
    }
    await refreshRulebookNames();
    restoring = false;
    panel.show(linkState.view ?? 'run');
    syncUrl();
    // A link with a view shows its results: replays and comparisons are deterministic, so rerunning reproduces them.
    if (linkState.view === 'run') void runReplay();
    if (linkState.view === 'compare') void runCompare();
  })();

  return {
    monaco,
    editor,
    capabilities: capabilitiesReady,
    currentPath: () => currentPath,
    diagnostics: (path) => workspace.diagnosticsOf(path),
    isModified: (path) => workspace.isModified(path),
    lastReplay: () => replayReport,
    lastCompare: () => compareReport,
    started,
    languageRequest: (method, params) => client.request(method, params),
  };
}
