import type { AppContext } from '../app-context.ts';
import { countDiagnostics } from '../markers/index.ts';
import { diagnosticsSummary, languageSummary, requireElement } from '../shell/index.ts';
import type { AppState } from '../state/index.ts';

/** The status bar: the message, the open file's diagnostic counts, the language worker, the cursor. */
export function bindStatusBar({ store, editor }: Pick<AppContext, 'store' | 'editor'>): void {
  const message = requireElement('status-message', HTMLSpanElement);
  const diagnostics = requireElement('status-diagnostics', HTMLButtonElement);
  const language = requireElement('status-language', HTMLSpanElement);
  const cursor = requireElement('status-cursor', HTMLSpanElement);

  store.watch((state) => state.message, (text) => {
    message.textContent = text;
  });
  store.watch(
    (state) => [state.language, state.lastPassMs, state.currentPath === null ? undefined : state.diagnostics.get(state.currentPath)] as const,
    () => renderLanguage(store.state, diagnostics, language),
  );
  editor.onDidChangeCursorPosition((event) => {
    cursor.textContent = `Ln ${event.position.lineNumber}, Col ${event.position.column}`;
  });
  diagnostics.addEventListener('click', () => {
    editor.focus();
    // Fire-and-forget from a click: Monaco's marker navigation reports nothing back.
    void editor.getAction('editor.action.marker.next')?.run();
  });
}

function renderLanguage(state: AppState, diagnostics: HTMLElement, language: HTMLElement): void {
  const ready = state.language.status === 'ready';
  const current = state.currentPath === null ? [] : (state.diagnostics.get(state.currentPath) ?? []);
  diagnostics.textContent = diagnosticsSummary(ready ? countDiagnostics(current) : null);
  if (state.language.status === 'ready') {
    const summary = languageSummary(state.language.features, state.lastPassMs);
    language.textContent = summary.text;
    language.title = summary.details;
  } else if (state.language.status === 'failed') {
    language.textContent = `a6: language worker failed: ${state.language.message}`;
  }
}
