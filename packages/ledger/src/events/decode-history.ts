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
