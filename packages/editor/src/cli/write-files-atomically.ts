import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Writes several files into `dir` so that none is ever half-written: every file goes to a hidden
 * temporary name in the same directory first (same file system, so the rename is atomic), and only
 * when all of them are written are they renamed into place. A failure before the renames leaves the
 * directory as it was (the temporaries are removed). `dir` is created when missing.
 */
export function writeFilesAtomically(dir: string, files: ReadonlyMap<string, string | Uint8Array>): string[] {
  mkdirSync(dir, { recursive: true });
  const suffix = `.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  const pending: { temporary: string; final: string }[] = [];
  try {
    for (const [name, content] of files) {
      const temporary = join(dir, `.${name}${suffix}`);
      pending.push({ temporary, final: join(dir, name) });
      writeFileSync(temporary, content);
    }
  } catch (error) {
    for (const { temporary } of pending) rmSync(temporary, { force: true });
    throw error;
  }
  for (const { temporary, final } of pending) renameSync(temporary, final);
  return pending.map(({ final }) => final);
}
