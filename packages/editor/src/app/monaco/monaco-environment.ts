import EditorWorker from 'monaco-editor/editor/editor.worker?worker';

/**
 * Monaco asks for workers by label; the a6 language runs in our own worker (`worker/`), so the only
 * Monaco worker is the generic editor worker (diff computation, link detection, word suggestions).
 * Wired by hand instead of through a bundler plugin: one worker, one line, no plugin to keep in step
 * with Vite's major versions.
 */
export function installMonacoEnvironment(): void {
  self.MonacoEnvironment = {
    getWorker: () => new EditorWorker(),
  };
}
