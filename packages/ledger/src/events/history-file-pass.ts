import { createReadStream } from 'node:fs';
import { decodeHistoryLine } from './decode-history-line.ts';
import { HistoryChecker } from './history-checker.ts';
import type { HistoryIssue } from './history-issue.ts';
import { HistoryBatches } from './history-source.ts';
import type { HistoryEvent } from './types.ts';

// Node-only (the file system): reached through the `@a6/ledger/node` entry.

/** Read size: one batch of events per chunk, a few thousand lines (docs/performance.md). */
const CHUNK_BYTES = 1 << 20;

export type OnePassResult = { readonly ok: true; readonly events: number } | { readonly ok: false; readonly issues: readonly HistoryIssue[] };

export interface OnePassRead {
  /** The valid events, in batches, for as long as no line has raised an issue; read it to the end. */
  readonly source: HistoryBatches;
  /** The verdict on the whole file, once `source` has been read to its end. */
  result(): OnePassResult;
}

/**
 * Reads, validates and hands over a history file in one pass (`a6 replay|compare|explain --history`):
 * every line goes through the import checks exactly like `validateHistoryFile` (same issues, lines,
 * order); the events are handed over in batches while no issue has been seen. After the first issue
 * the rest of the file is still checked, but nothing more is handed over, and `result()` says the file
 * is invalid: the caller throws away what it folded and reports the issues, before writing anything.
 * Lines end at `\n`, `\r\n` or a lone `\r`, as `readline` splits them; a leading BOM is dropped.
 */
export function readHistoryFileInOnePass(path: string, options: { checker?: HistoryChecker; chunkBytes?: number } = {}): OnePassRead {
  const checker = options.checker ?? new HistoryChecker();
  let events = 0;
  let unreadable: HistoryIssue | null = null;
  let done = false;
  async function* batches(): AsyncGenerator<readonly HistoryEvent[]> {
    let line = 0;
    let carry = '';
    let first = true;
    const decode = (texts: readonly string[], batch: HistoryEvent[]): void => {
      for (const text of texts) {
        line += 1;
        const event = decodeHistoryLine(first && text.startsWith('\uFEFF') ? text.slice(1) : text, line, checker);
        first = false;
        if (event !== null && checker.log.total === 0) batch.push(event);
      }
    };
    try {
      for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: options.chunkBytes ?? CHUNK_BYTES })) {
        const split = splitComplete(carry + (chunk as string));
        carry = split.rest;
        const batch: HistoryEvent[] = [];
        decode(split.lines, batch);
        events += batch.length;
        if (batch.length > 0 && checker.log.total === 0) yield batch;
      }
      const batch: HistoryEvent[] = [];
      decode(finalLines(carry), batch);
      events += batch.length;
      if (batch.length > 0 && checker.log.total === 0) yield batch;
    } catch (error) {
      if (!isFileSystemError(error)) throw error;
      unreadable = { code: 'history.unreadable', message: `cannot read the file (${error.message})` };
    } finally {
      done = true;
    }
  }
  return {
    source: new HistoryBatches(batches()),
    result(): OnePassResult {
      if (!done) throw new Error('readHistoryFileInOnePass: result() before the file was read to its end');
      if (unreadable !== null) return { ok: false, issues: [unreadable] };
      return checker.log.total > 0 ? { ok: false, issues: checker.log.sorted() } : { ok: true, events };
    },
  };
}

const LINE_END = /\r\n|\r|\n/;

/** The complete lines of `text` and what follows the last line end (a trailing `\r` may start a `\r\n`). */
function splitComplete(text: string): { lines: string[]; rest: string } {
  const heldReturn = text.endsWith('\r');
  const body = heldReturn ? text.slice(0, -1) : text;
  const lines = body.includes('\r') ? body.split(LINE_END) : body.split('\n');
  const last = lines.pop()!;
  return { lines, rest: heldReturn ? `${last}\r` : last };
}

/** The last line at the end of the file: ended by a lone `\r`, or unterminated (then only if not empty). */
function finalLines(rest: string): string[] {
  if (rest.endsWith('\r')) return [rest.slice(0, -1)];
  return rest.length > 0 ? [rest] : [];
}

function isFileSystemError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' && typeof (error as NodeJS.ErrnoException).syscall === 'string';
}
