import { decodeHistoryLines, decodeHistoryStream, type DecodeOptions, type HistoryDecoding, type HistoryValidation } from './decode-history.ts';
import { GENESIS_PREV, eventHash } from './hash-chain.ts';
import { HistoryChecker } from './history-checker.ts';
import { HistoryLineError, readBoundedLines } from './history-lines.ts';
import type { HistoryIssue } from './history-issue.ts';
import { isSkippedLine, parseHistoryLine } from './parse-history-line.ts';
import type { HistoryEvent } from './types.ts';

// Node-only (the file system): reached through the `@a6/ledger/node` entry, never the browser-safe index.

/** The lines of a UTF-8 file, streamed, bounded and strictly decoded (`readBoundedLines`). */
export function readHistoryLines(path: string): AsyncGenerator<string> {
  return readBoundedLines(path);
}

/**
 * Reads, validates and decodes a history file exactly like `a6 import` (what `a6 replay --history`
 * uses). Holds the events in memory; for very large files use `validateHistoryFile` then
 * `streamHistoryFile`.
 */
export async function readHistoryFile(path: string, options: DecodeOptions = {}): Promise<HistoryDecoding> {
  try {
    return await decodeHistoryLines(readHistoryLines(path), options);
  } catch (error) {
    if (isFileSystemError(error)) return { ok: false, issues: [unreadableIssue(path, error)] };
    if (error instanceof HistoryLineError) return { ok: false, issues: [error.issue] };
    throw error;
  }
}

/** First pass for large files: validates without keeping events (not for `sort`, which needs them all). */
export async function validateHistoryFile(path: string, options: { checker?: HistoryChecker } = {}): Promise<HistoryValidation> {
  const checker = options.checker ?? new HistoryChecker();
  let events = 0;
  let head = GENESIS_PREV;
  try {
    for await (const { event } of decodeHistoryStream(readHistoryLines(path), checker)) {
      events += 1;
      head = eventHash(event, head);
    }
  } catch (error) {
    if (isFileSystemError(error)) return { ok: false, issues: [unreadableIssue(path, error)] };
    if (error instanceof HistoryLineError) return { ok: false, issues: [error.issue] };
    throw error;
  }
  if (checker.log.total > 0) return { ok: false, issues: checker.log.sorted() };
  return { ok: true, events, head };
}

/**
 * A history file the user names but that cannot be read (missing, a directory, no permission) is
 * invalid input like a bad line (docs/cli.md: exit 1), not an internal failure: every command that takes
 * `--history FILE` reports it the same way.
 */
function unreadableIssue(path: string, error: NodeJS.ErrnoException): HistoryIssue {
  return { code: 'history.unreadable', message: `cannot read the file (${error.message})` };
}

function isFileSystemError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' && typeof (error as NodeJS.ErrnoException).syscall === 'string';
}

/**
 * Second pass for large files, after `validateHistoryFile` succeeded: streams the events, parsing
 * each line again but not repeating the cross-line checks (the first pass did them, possibly against
 * a seeded checker). A file that changed between the passes is an infrastructure fault and throws —
 * at the changed line when it no longer parses, else at the end when the chain head differs from
 * `expectedHead` (so an atomic append fed by this stream rolls back).
 */
export async function* streamHistoryFile(path: string, expectedHead?: string): AsyncGenerator<HistoryEvent> {
  let line = 0;
  let head = GENESIS_PREV;
  for await (const text of readHistoryLines(path)) {
    line += 1;
    if (isSkippedLine(text)) continue;
    const parsed = parseHistoryLine(text, line);
    if (!parsed.ok) {
      const first = parsed.issues[0];
      throw new Error(`${path} changed while it was read: line ${line} no longer validates (${first?.message ?? 'invalid'})`);
    }
    head = eventHash(parsed.event, head);
    yield parsed.event;
  }
  if (expectedHead !== undefined && head !== expectedHead) {
    throw new Error(`${path} changed while it was read: its events no longer give the validated chain head`);
  }
}
