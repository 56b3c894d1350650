import { vi } from 'vitest';
import { buildProgram, runProgram } from './program.ts';

/** What one in-process `a6` run wrote and how it exited. */
export interface A6Run {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `a6 ARGS` in-process with the program as wired (`buildProgram`), capturing stdout, stderr and
 * the exit code (tests run many cases in one process instead of one `tsx` start per case). Write
 * callbacks are called, so streaming commands (`export`) finish; the previous exit code is restored.
 */
export async function runA6(...args: string[]): Promise<A6Run> {
  let stdout = '';
  let stderr = '';
  const capture = (append: (text: string) => void) => (chunk: string | Uint8Array, ...rest: unknown[]) => {
    append(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    const callback = rest.find((item) => typeof item === 'function') as (() => void) | undefined;
    callback?.();
    return true;
  };
  const out = vi.spyOn(process.stdout, 'write').mockImplementation(capture((text) => (stdout += text)));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(capture((text) => (stderr += text)));
  const previousExitCode = process.exitCode;
  process.exitCode = 0;
  try {
    await runProgram(buildProgram(), args);
    return { exitCode: Number(process.exitCode ?? 0), stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
    process.exitCode = previousExitCode;
  }
}
