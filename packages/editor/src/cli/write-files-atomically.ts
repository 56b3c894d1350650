import { randomBytes } from 'node:crypto';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Writes each file whole or not at all (docs/cli.md "Output"): every content goes to a hidden
 * temporary file beside its target first (same directory, so the rename is atomic), and only when all
 * are written are they renamed into place, so a failed write (a full disk, a missing directory) leaves
 * no file half-written and none of the set replaced.
 */
export function writeFilesAtomically(files: readonly { readonly path: string; readonly text: string | Uint8Array }[]): void {
  const staged: { readonly temp: string; readonly path: string }[] = [];
  try {
    for (const { path, text } of files) {
      const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
      staged.push({ temp, path });
      writeFileSync(temp, text, { flag: 'wx' });
    }
    for (const { temp, path } of staged) renameSync(temp, path);
  } catch (error) {
    for (const { temp } of staged) rmSync(temp, { force: true });
    throw error;
  }
}
