import { IncrementalParser } from './incremental-parser.ts';
import type { ParseResult } from './parse-rulebook-file.ts';

/** How `loadProgram` parses a file's text; `parseRulebookFile` by default. */
export type ParseFunction = (text: string, path: string) => ParseResult;

/**
 * Parses through one long-lived `IncrementalParser` per path, so re-checking a program after an edit
 * re-parses only the changed region of the changed file, and unchanged files not at all. The edit is
 * recovered by comparing the new text with the last one (common prefix and suffix): callers pass whole
 * texts, as the checker's host gives them.
 */
export class ParseCache {
  // Insertion order is recency order: a hit moves the parser to the end, eviction takes the front.
  private readonly parsers = new Map<string, IncrementalParser>();

  /**
   * @param capacity parsers kept (each holds ohm's memo table for its text, so a workspace of
   *   thousands of files must not keep one per file); the least recently parsed goes first.
   */
  constructor(private readonly capacity = 32) {}

  /** The parser keeps its last result until its text changes, so an unchanged file costs nothing. */
  readonly parse: ParseFunction = (text, path) => {
    let parser = this.parsers.get(path);
    if (parser === undefined) {
      parser = new IncrementalParser(path);
      parser.setText(text);
    } else {
      this.parsers.delete(path);
      if (parser.text !== text) {
        const edit = changedRegion(parser.text, text);
        parser.applyEdit(edit.start, edit.end, edit.insert);
      }
    }
    this.parsers.set(path, parser);
    if (this.parsers.size > this.capacity) this.parsers.delete(this.parsers.keys().next().value!);
    return parser.parse();
  };

  /** Forgets a file (closed in the editor, deleted from the workspace). */
  forget(path: string): void {
    this.parsers.delete(path);
  }
}

/** The single replacement turning `before` into `after`: `before[start, end)` becomes `insert`. */
export function changedRegion(before: string, after: string): { start: number; end: number; insert: string } {
  const limit = Math.min(before.length, after.length);
  let start = 0;
  while (start < limit && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let suffix = 0;
  while (
    suffix < limit - start &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  ) {
    suffix++;
  }
  return { start, end: before.length - suffix, insert: after.slice(start, after.length - suffix) };
}
