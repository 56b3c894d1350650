import { EDITOR_DIST_DIR, EDITOR_VITE_CONFIG } from './editor-app-paths.ts';

export interface BuildEditorAppOptions {
  /** Where to write the static files; default `packages/editor/dist/`. */
  readonly outDir?: string;
}

/**
 * Builds the browser app with Vite (imported lazily: the CLI and the server must not load the
 * bundler unless they build). Returns the directory holding `index.html` and `assets/`.
 */
export async function buildEditorApp(options: BuildEditorAppOptions = {}): Promise<string> {
  const { build } = await import('vite');
  const outDir = options.outDir ?? EDITOR_DIST_DIR;
  await build({ configFile: EDITOR_VITE_CONFIG, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  return outDir;
}
