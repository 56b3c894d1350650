import type { Diagnostic } from '@a6/dsl';
import type { CompareReport, ReplayReport } from '@a6/ledger';
import { AefController } from './aef/index.ts';
import { AnalysisClient } from './analysis/index.ts';
import type { AppContext } from './app-context.ts';
import { appCommandList, openCommandPalette, registerAppCommands } from './commands/index.ts';
import { CompareController } from './compare/index.ts';
import { DiffController } from './diff/index.ts';
import { bindFileViews, FilesController } from './files/index.ts';
import { LanguageClient, startLanguageWorker } from './language-client/index.ts';
import { registerA6Language } from './language/index.ts';
import { installMonacoEnvironment, monaco } from './monaco/index.ts';
import { AnalysisPanel, ChoicesController } from './panel/index.ts';
import { LanguageController } from './providers/index.ts';
import { RunController } from './run/index.ts';
import { SaveController } from './save/index.ts';
import { ServerApi } from './server-api/index.ts';
import { TokenStore } from './settings/index.ts';
import { initialTheme, installRegionNavigation, requireElement } from './shell/index.ts';
import { startUp } from './start-up/index.ts';
import { initialAppState, Store, type AppState } from './state/index.ts';
import { bindStatusBar } from './status-bar/index.ts';
import { ThemeController } from './theme/index.ts';
import { readUrlState, UrlController } from './url-state/index.ts';
import { EditorWorkspace } from './workspace/index.ts';

/** What the page exposes for automation (the browser end-to-end tests), and nothing it could not show. */
export interface A6EditorHandle {
  readonly monaco: typeof monaco;
  readonly editor: monaco.editor.IStandaloneCodeEditor;
  /** Resolves once the language worker has loaded the language and answers requests. */
  readonly languageReady: Promise<void>;
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

function createEditor(host: HTMLElement): monaco.editor.IStandaloneCodeEditor {
  return monaco.editor.create(host, {
    model: null,
    automaticLayout: true,
    fontSize: 14,
    minimap: { enabled: false },
    scrollBeyondLastLine: false,
    'semanticHighlighting.enabled': true,
    codeLens: true,
    ariaLabel: 'Rulebook source',
  });
}

/** The state, the services on it, and nothing else: every controller is built from this. */
function createContext(): AppContext {
  const editor = createEditor(requireElement('editor-host', HTMLDivElement));
  const store = new Store<AppState>(initialAppState(readUrlState(window.location.search), initialTheme()));
  const tokens = new TokenStore();
  const token = () => tokens.get();
  const client = new LanguageClient(startLanguageWorker());
  return {
    store,
    editor,
    workspace: new EditorWorkspace(client),
    client,
    api: new ServerApi(undefined, 'api', token),
    analysis: new AnalysisClient(undefined, 'api', token),
    tokens,
    panel: new AnalysisPanel(),
    say: (message) => store.set({ message }),
  };
}

/** Builds the page: Monaco + the a6 language, the worker, the side bar, the Run/Compare panel and status bar. */
export function startApp(): A6EditorHandle {
  installMonacoEnvironment();
  registerA6Language(monaco);
  const context = createContext();
  const { store, editor, panel, client } = context;
  const theme = new ThemeController(store, requireElement('theme-toggle', HTMLButtonElement));
  const language = new LanguageController(client, store);
  const files = new FilesController(context);
  bindFileViews(store, files);
  bindStatusBar(context);
  const choices = new ChoicesController(context, language.symbolsOf);
  const url = new UrlController(store, context.say);
  const save = new SaveController(context, files);
  const run = new RunController(context, files, language.symbolsOf);
  const compare = new CompareController(context);
  new DiffController(context, files);
  new AefController(context);

  registerAppCommands(editor, appCommandList({ editor, panel, run, compare, save, theme, url }));
  requireElement('command-palette', HTMLButtonElement).addEventListener('click', () => openCommandPalette(editor));
  const editorRegion = requireElement('editor-region', HTMLElement);
  installRegionNavigation(
    [requireElement('side-bar', HTMLElement), editorRegion, requireElement('results-panel', HTMLElement), requireElement('status-bar', HTMLElement)],
    () => editor.focus(),
    editorRegion,
  );

  files.openScratch();
  const started = startUp(context, { files, choices, run, compare });
  return {
    monaco,
    editor,
    languageReady: language.ready,
    currentPath: () => store.state.currentPath,
    diagnostics: (path) => store.state.diagnostics.get(path) ?? [],
    isModified: (path) => store.state.files.some((file) => file.path === path && file.modified),
    lastReplay: () => store.state.replay.last?.report ?? null,
    lastCompare: () => store.state.compare.last?.report ?? null,
    started,
    languageRequest: (method, params) => client.request(method, params),
  };
}
