import type { Matcher } from 'ohm-js';
import grammar from '../grammar/rulebook.ohm-bundle.js';
import { parseMatched, type ParseResult } from './parse-rulebook-file.ts';
import type { PieceCache } from './parse-by-pieces.ts';

/**
 * A parser for one open document (the editor's worker). It keeps ohm's memo table across edits, so
 * checking the whole text after typing reuses what the edit did not touch, and the AST of every
 * declaration the edit did not change (building the AST costs more than the incremental match).
 */
export class IncrementalParser {
  private matcher: Matcher = grammar.matcher();
  private last: ParseResult | null = null;
  // Declarations parsed by the last parse; only the ones it used are kept.
  private pieces: PieceCache['previous'] = new Map();

  constructor(readonly path: string) {}

  get text(): string {
    return this.matcher.getInput();
  }

  setText(text: string): void {
    this.matcher.setInput(text);
    this.last = null;
  }

  /** Replaces the UTF-16 range [start, end) of the current text with `newText`. */
  applyEdit(start: number, end: number, newText: string): void {
    const length = this.matcher.getInput().length;
    if (!(Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start <= end && end <= length)) {
      throw new RangeError(`edit [${start}, ${end}) is outside the text (length ${length})`);
    }
    this.matcher.replaceInputRange(start, end, newText);
    this.last = null;
  }

  private matchWhole() {
    try {
      return this.matcher.match('File');
    } catch (error) {
      // A match cut short (a stack overflow on absurd nesting) may leave half-built memo entries.
      const text = this.matcher.getInput();
      this.matcher = grammar.matcher();
      this.matcher.setInput(text);
      throw error;
    }
  }

  parse(): ParseResult {
    if (this.last === null) {
      const pieces: PieceCache = { previous: this.pieces, next: new Map() };
      this.last = parseMatched(this.text, this.path, () => this.matchWhole(), pieces);
      this.pieces = pieces.next;
    }
    return this.last;
  }
}
