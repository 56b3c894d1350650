import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runA6 as a6 } from '../../packages/editor/src/cli/run-a6.test-support.ts';
import { scratchDir } from './acceptance-helpers.ts';

// docs/cli.md exit codes: a reader that stops early (`a6 export | head`) is not invalid input. This is the one
// case that needs a real process: EPIPE only happens on a real pipe.
const scratch = scratchDir('pipe');
afterAll(() => scratch.remove());
const SNAPSHOT = join(import.meta.dirname, '../../examples/data/a62-ca-tool-snapshot-2026-08-14.json');

/** Runs the `a6` entry point, reads its first stdout chunk, then closes the pipe like `head -1` does. */
function firstChunkThenClose(args: string[]): Promise<{ code: number | null; first: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'packages/editor/src/bin/a6.ts', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let first = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.once('data', (chunk: Buffer) => {
      first = chunk.toString();
      child.stdout.destroy();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, first, stderr }));
  });
}

describe('NDJSON on stdout to a reader that goes away', () => {
  it('a6 export and a6 import-a62 end quietly with exit 0 (no EPIPE crash)', async () => {
    const converted = await a6(['import-a62', SNAPSHOT]);
    const store = `sqlite:${join(scratch.dir, 'a62.db')}`;
    expect((await a6(['import', scratch.write('a62.ndjson', converted.stdout), '--store', store])).exitCode).toBe(0);
    const [exported, a62] = await Promise.all([firstChunkThenClose(['export', '--store', store]), firstChunkThenClose(['import-a62', SNAPSHOT])]);
    for (const run of [exported, a62]) {
      expect(run.first.length).toBeGreaterThan(0);
      expect(run.stderr).not.toContain('EPIPE');
      expect(run.code).toBe(0);
    }
  });
});
