import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import { buildProgram, runProgram } from '@a6/ledger';
import { registerLspCommand } from '../../packages/editor/src/lsp/index.ts';
import { registerServeCommand, registerTokenCommand } from '../../packages/editor/src/serve-command.ts';

/** What one `a6 …` invocation left behind: the exit code and everything it wrote. */
export interface A6Result {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** The program exactly as `packages/editor/src/bin/a6.ts` (the `a6` entry point) builds it. */
function program(): Command {
  const built = buildProgram();
  registerServeCommand(built);
  registerTokenCommand(built);
  registerLspCommand(built);
  return built;
}

type WriteCallback = (error?: Error | null) => void;

/**
 * Runs `a6 ARGS` in this process, the way a user's script would run `pnpm a6 ARGS`, capturing
 * `process.stdout.write` / `process.stderr.write` and `process.exitCode` (reset around every run).
 * `cwd` runs the command from another directory (relative paths in arguments and output).
 */
export async function a6(args: readonly string[], options: { cwd?: string } = {}): Promise<A6Result> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const originalOut = process.stdout.write;
  const originalErr = process.stderr.write;
  const capture =
    (sink: string[]) =>
    (chunk: string | Uint8Array, encodingOrCallback?: BufferEncoding | WriteCallback, callback?: WriteCallback): boolean => {
      sink.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      // Streaming writers (export) wait for the write callback; call it as a real stream would.
      const done = typeof encodingOrCallback === 'function' ? encodingOrCallback : callback;
      if (done) queueMicrotask(() => done(null));
      return true;
    };
  const previousExitCode = process.exitCode;
  const previousCwd = process.cwd();
  process.exitCode = 0;
  process.stdout.write = capture(stdout) as typeof process.stdout.write;
  process.stderr.write = capture(stderr) as typeof process.stderr.write;
  try {
    if (options.cwd !== undefined) process.chdir(options.cwd);
    await runProgram(program(), args);
    return { exitCode: Number(process.exitCode ?? 0), stdout: stdout.join(''), stderr: stderr.join('') };
  } finally {
    process.stdout.write = originalOut;
    process.stderr.write = originalErr;
    process.chdir(previousCwd);
    process.exitCode = previousExitCode;
  }
}

/** A scratch directory for one test file; `write` puts a file in it and returns its absolute path. */
export function scratchDir(prefix: string): { dir: string; write: (name: string, text: string) => string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `a6-acc-${prefix}-`));
  return {
    dir,
    write: (name, text) => {
      const path = join(dir, name);
      writeFileSync(path, text);
      return path;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** NDJSON text from event objects (one line each). */
export function ndjson(events: readonly unknown[]): string {
  return events.map((event) => JSON.stringify(event)).join('\n') + '\n';
}
