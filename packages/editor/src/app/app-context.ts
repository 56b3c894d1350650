import type { AnalysisClient } from './analysis/index.ts';
import type { LanguageClient } from './language-client/index.ts';
import type { monaco } from './monaco/index.ts';
import type { AnalysisPanel } from './panel/index.ts';
import type { ServerApi } from './server-api/index.ts';
import type { TokenStore } from './settings/index.ts';
import type { AppState, Store } from './state/index.ts';
import type { EditorWorkspace } from './workspace/index.ts';

/** The state and the services every controller is built from (`app.ts` makes one). */
export interface AppContext {
  readonly store: Store<AppState>;
  readonly editor: monaco.editor.IStandaloneCodeEditor;
  readonly workspace: EditorWorkspace;
  readonly client: LanguageClient;
  readonly api: ServerApi;
  readonly analysis: AnalysisClient;
  readonly tokens: TokenStore;
  readonly panel: AnalysisPanel;
  /** Shows `message` in the status bar. */
  say(message: string): void;
}
