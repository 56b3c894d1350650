import type { RulebookReference } from '../analysis/index.ts';
import { currentFile, type AppState } from '../state/index.ts';

/**
 * The open rulebook as a replay or compare request names it: the saved file, or the editor's text
 * (`textOf`) under its path when it is unsaved or modified; `null` when no file is open.
 */
export function openRulebookReference(state: AppState, textOf: (path: string) => string): RulebookReference | null {
  const file = currentFile(state);
  if (file === undefined) return null;
  const named = state.selection.rulebook === null ? {} : { name: state.selection.rulebook };
  if (file.origin === 'server' && !file.modified) return { file: file.path, ...named };
  return { source: textOf(file.path), file: file.path, ...named };
}

/** `glasgow_2021 of glasgow-2021.a6`, `default rulebook of scratch.a6 (unsaved text)`. */
export function describeReference(reference: RulebookReference): string {
  const name = reference.name ?? 'default rulebook';
  return 'source' in reference ? `${name} of ${reference.file ?? 'the editor'} (unsaved text)` : `${name} of ${reference.file}`;
}
