import { existsSync } from 'node:fs';
import { join } from 'node:path';
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

/** Whether `dir` holds a built app (the server can serve it without building). */
export function isEditorAppBuilt(dir: string = EDITOR_DIST_DIR): boolean {
  return existsSync(join(dir, 'index.html'));
}
