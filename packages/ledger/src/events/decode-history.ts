import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { decodeHistoryLine } from './decode-history-line.ts';
import { GENESIS_PREV, eventHash } from './hash-chain.ts';
import { HistoryChecker } from './history-checker.ts';
import type { HistoryIssue } from './history-issue.ts';
import { isSkippedLine, parseHistoryLine } from './parse-history-line.ts';
import { instantOf } from './timestamp.ts';
import type { HistoryEvent } from './types.ts';

/** A valid event with the 1-based line it came from. */
export interface DecodedEvent {
  readonly event: HistoryEvent;
  readonly line: number;
}

export interface DecodeOptions {
  /** Stable sort by `at` before the order and reference checks (`a6 import --sort`). */
  readonly sort?: boolean;
  /** A checker seeded with the stored history (imports into a non-empty history). */
  readonly checker?: HistoryChecker;
}

export type HistoryValidation =
  | { readonly ok: true; readonly events: number; readonly head: string }
  | { readonly ok: false; readonly issues: readonly HistoryIssue[] };

export type HistoryDecoding =
  | { readonly ok: true; readonly events: readonly HistoryEvent[]; readonly head: string }
  | { readonly ok: false; readonly issues: readonly HistoryIssue[] };

/** The lines of a UTF-8 file, streamed (`\n` or `\r\n` line ends, a leading BOM dropped). */
export async function* readHistoryLines(path: string): AsyncGenerator<string> {
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let first = true;
  for await (const line of lines) {
    yield first && line.startsWith('\uFEFF') ? line.slice(1) : line;
    first = false;
  }
}

/**
 * Decodes NDJSON lines in file order, streaming: yields every event that raised no issue and records
 * issues in `checker.log` (inspect it after the loop; events are only usable when it stays empty,
 * since imports are atomic). Memory is bounded by the checker's fact sets, not by the file.
 */
export async function* decodeHistoryStream(
  lines: AsyncIterable<string> | Iterable<string>,
  checker: HistoryChecker = new HistoryChecker(),
): AsyncGenerator<DecodedEvent> {
  let line = 0;
  for await (const text of lines) {
    line += 1;
    const event = decodeHistoryLine(text, line, checker);
    if (event !== null) yield { event, line };
  }
}

/**
 * Decodes a whole history held in lines, in memory, exactly like an import: with `sort`, events are
 * stably sorted by `at` (UTC instant) first and the order, id and reference checks run in that order
 * (issues still name the original lines).
 */
export async function decodeHistoryLines(
  lines: AsyncIterable<string> | Iterable<string>,
  options: DecodeOptions = {},
): Promise<HistoryDecoding> {
  const checker = options.checker ?? new HistoryChecker();
  const events: HistoryEvent[] = [];
  if (options.sort) {
    const parsedLines: { event: HistoryEvent; line: number; derivedId: boolean; instant: number }[] = [];
    let line = 0;
    for await (const text of lines) {
      line += 1;
      if (isSkippedLine(text)) continue;
      const parsed = parseHistoryLine(text, line);
      if (parsed.ok) parsedLines.push({ ...parsed, line, instant: instantOf(parsed.event.at) ?? 0 });
      else for (const issue of parsed.issues) checker.log.add(issue);
    }
    parsedLines.sort((a, b) => a.instant - b.instant);
    for (const parsed of parsedLines) {
      if (checker.check(parsed.event, parsed.line, parsed.derivedId)) events.push(parsed.event);
    }
  } else {
    for await (const decoded of decodeHistoryStream(lines, checker)) events.push(decoded.event);
  }
  if (checker.log.total > 0) return { ok: false, issues: checker.log.sorted() };
  let head = GENESIS_PREV;
  for (const event of events) head = eventHash(event, head);
  return { ok: true, events, head };
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
    throw error;
  }
  if (checker.log.total > 0) return { ok: false, issues: checker.log.sorted() };
  return { ok: true, events, head };
}

/**
 * A history file the user names but that cannot be read (missing, a directory, no permission) is
 * invalid input like a bad line (cli.md: exit 1), not an internal failure: every command that takes
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
