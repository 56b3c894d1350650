import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildProgram, runProgram } from '@a6/ledger';
import { registerLspCommand } from '../../packages/editor/src/lsp/index.ts';
import { registerServeCommand, registerTokenCommand } from '../../packages/editor/src/serve-command.ts';

/** What one `a6 …` invocation left behind: the exit code and everything it wrote. */
export interface A6Result {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

type Command = ReturnType<typeof buildProgram>;

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

/** The `a6.replay/1` report as the tests read it. */
export interface ReplayReport {
  format: string;
  rulebook: { name: string; file: string; sha256: string; imports: Record<string, string>; options: Record<string, string> };
  history: { events: number; head: string; as_of: string | null };
  verdicts: { accepted: number; rejected: number; findings: number };
  rejections: Verdict[];
  findings: Verdict[];
  levies: Record<string, number>;
  holdings: Record<string, Record<string, number>>;
  parties: Record<string, { method: string; years: Record<string, Record<string, number | null>>; metrics?: Record<string, { years: Record<string, Record<string, number | null>> }> }>;
  digest: string;
}

export interface Verdict {
  seq: number;
  event: string;
  type: string;
  code: string;
  rule: string | null;
  message: string;
  source: { file: string; line: number; col: number } | null;
  unit: string | null;
  values: Record<string, unknown>;
}

/** Replays events under a rulebook source through `a6 replay --json` (files in a fresh scratch directory). */
export async function replayReport(rulebook: string, events: readonly unknown[], ...flags: string[]): Promise<ReplayReport> {
  const scratch = scratchDir('replay');
  try {
    const rulebookFile = scratch.write('rulebook.a6', rulebook);
    const historyFile = scratch.write('history.ndjson', ndjson(events));
    const result = await a6(['replay', '--history', historyFile, '--rulebook', rulebookFile, '--json', ...flags]);
    if (result.exitCode !== 0) throw new Error(`a6 replay exited ${result.exitCode}: ${result.stderr}${result.stdout}`);
    return JSON.parse(result.stdout) as ReplayReport;
  } finally {
    scratch.remove();
  }
}
