import { createReadStream } from 'node:fs';
import type { HistoryIssue } from './history-issue.ts';

// Node-only (the file system): reached through `history-file.ts` and the `@a6/ledger/node` entry.

/** Longest line of a history file (an event line is a few hundred bytes): 8 MiB. */
export const MAX_HISTORY_LINE_BYTES = 8 * 1024 * 1024;

/** A line that cannot be read as text: too long, or not UTF-8. Readers turn it into a located issue. */
export class HistoryLineError extends Error {
  constructor(readonly issue: HistoryIssue) {
    super(issue.message);
    this.name = 'HistoryLineError';
  }
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * The lines of a history file (`\n`, `\r\n` or a lone `\r` end a line, a leading BOM dropped), streamed with a
 * bound on each line and strict UTF-8 (docs/reliability.md "Hostile files"): a 600 MB single line or
 * `/dev/zero` stops at `MAX_HISTORY_LINE_BYTES` with `history.line_too_long`, and bytes that are not
 * UTF-8 are `history.not_utf8` at their line and column, never silently replaced by U+FFFD (the
 * reported content and its hash would not be the file's).
 */
export async function* readBoundedLines(path: string): AsyncGenerator<string> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let line = 0;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    let start = 0;
    for (;;) {
      const end = chunk.indexOf(10, start);
      const piece = chunk.subarray(start, end < 0 ? chunk.length : end);
      if (pendingBytes + piece.length > MAX_HISTORY_LINE_BYTES) throw tooLong(line + 1);
      if (end < 0) {
        if (piece.length > 0) pending.push(piece);
        pendingBytes += piece.length;
        break;
      }
      const bytes = pending.length === 0 ? piece : Buffer.concat([...pending, piece]);
      pending = [];
      pendingBytes = 0;
      line += 1;
      // A lone `\r` also ends a line, as in readline (the one-pass reader splits the same way).
      const pieces = decodeLine(bytes, line).split('\r');
      line += pieces.length - 1;
      yield* pieces;
      start = end + 1;
    }
  }
  if (pendingBytes > 0) yield* decodeLine(Buffer.concat(pending), line + 1).split('\r');
}

function decodeLine(raw: Buffer, line: number): string {
  const bytes = raw.length > 0 && raw[raw.length - 1] === 13 ? raw.subarray(0, raw.length - 1) : raw;
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    const bad = firstInvalidByte(bytes);
    const column = new TextDecoder().decode(bytes.subarray(0, bad)).length + 1;
    throw new HistoryLineError({ code: 'history.not_utf8', line, message: `byte ${bad + 1} of the line (column ${column}) is not UTF-8 (0x${bytes[bad]!.toString(16).padStart(2, '0')}); history files are UTF-8` });
  }
  return line === 1 && text.startsWith('\uFEFF') ? text.slice(1) : text;
}

function tooLong(line: number): HistoryLineError {
  return new HistoryLineError({ code: 'history.line_too_long', line, message: `the line is longer than ${MAX_HISTORY_LINE_BYTES} bytes (an event line is a few hundred)` });
}

/** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence. */
function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    for (let k = 1; k < length; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    // Overlong forms, surrogates and code points beyond U+10FFFF.
    const second = bytes[i + 1]!;
    if ((b === 0xe0 && second < 0xa0) || (b === 0xed && second > 0x9f) || (b === 0xf0 && second < 0x90) || (b === 0xf4 && second > 0x8f)) return i;
    i += length;
  }
  return 0;
}
