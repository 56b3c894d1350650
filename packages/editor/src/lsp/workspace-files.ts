import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const SKIPPED = new Set(['node_modules', '.git', 'dist', '.a6', 'test-artifacts']);
/** Enough for any real set of rulebooks; a huge tree opened by mistake must not stall every keystroke. */
const MAX_FILES = 2_000;

/**
 * The `.a6` files under the workspace folders (absolute paths): checked with the open documents, so
 * references and rename reach files that import the one being edited even when they are not open.
 */
export function listRulebookFiles(folders: readonly string[]): string[] {
  const found: string[] = [];
  const walk = (folder: string, depth: number): void => {
    if (depth > 12 || found.length >= MAX_FILES) return;
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (found.length >= MAX_FILES) return;
      if (entry.isDirectory()) {
        if (!SKIPPED.has(entry.name) && !entry.name.startsWith('.')) walk(join(folder, entry.name), depth + 1);
      } else if (entry.isFile() && entry.name.endsWith('.a6')) {
        found.push(join(folder, entry.name));
      }
    }
  };
  for (const folder of folders) walk(folder, 0);
  return found.sort();
}
