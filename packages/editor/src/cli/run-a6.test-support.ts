import { buildProgram } from './build-program.ts';
import { runProgram } from './run-program.ts';

/** What one `a6 …` invocation left behind: the exit code and everything it wrote. */
export interface A6Result {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

type WriteCallback = (error?: Error | null) => void;

/**
 * Runs `a6 ARGS` in this process with the program exactly as the `a6` entry point builds it, the way a
 * user's script would run `pnpm a6 ARGS`, capturing `process.stdout.write` / `process.stderr.write`
 * and `process.exitCode` (reset around every run): tests run many cases in one process instead of one
 * `tsx` start per case. `cwd` runs the command from another directory (relative paths in arguments
 * and output).
 */
export async function runA6(args: readonly string[], options: { cwd?: string } = {}): Promise<A6Result> {
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
    await runProgram(buildProgram(), args);
    return { exitCode: Number(process.exitCode ?? 0), stdout: stdout.join(''), stderr: stderr.join('') };
  } finally {
    process.stdout.write = originalOut;
    process.stderr.write = originalErr;
    process.chdir(previousCwd);
    process.exitCode = previousExitCode;
  }
}
