import type { LineColumn } from './diagnostic.ts';

/**
 * The one line index of the language (diagnostics, the language service, the LSP server and the
 * editor all count lines through it). The service speaks **UTF-16 offsets** into a file's text (the
 * AST's `Span`s are offsets too); its clients convert at their edge:
 * - LSP: 0-based `{ line, character }` in UTF-16 code units (`positionAt` / `offsetAt`);
 * - Monaco and the diagnostics format: 1-based `{ line, column }` (`position` / `lineColumnAt` /
 *   `offsetOfLineColumn`).
 * Lines end at `\n`, `\r\n` (counted once) and a lone `\r`, as LSP clients and Monaco count them.
 */
export interface LspPosition {
  readonly line: number;
  readonly character: number;
}

export interface LspRange {
  readonly start: LspPosition;
  readonly end: LspPosition;
}

export class LineIndex {
  private readonly lineStarts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      // A lone `\r` (old Mac) ends a line for LSP clients as well; `\r\n` counts once.
      if (code === 10) this.lineStarts.push(i + 1);
      else if (code === 13 && text.charCodeAt(i + 1) !== 10) this.lineStarts.push(i + 1);
    }
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** The 0-based line holding `offset` (clamped into the text). */
  lineOf(offset: number): number {
    const clamped = this.clamp(offset);
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid]! <= clamped) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  /** The offset where 0-based `line` starts (the text's length past the last line). */
  lineStart(line: number): number {
    if (line < 0) return 0;
    return this.lineStarts[line] ?? this.text.length;
  }

  /** The offset just before the line break ending 0-based `line`. */
  lineEnd(line: number): number {
    const next = this.lineStarts[line + 1];
    if (next === undefined) return this.text.length;
    let end = next;
    if (this.text.charCodeAt(end - 1) === 10) end--;
    if (this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  positionAt(offset: number): LspPosition {
    const clamped = this.clamp(offset);
    const line = this.lineOf(clamped);
    return { line, character: clamped - this.lineStarts[line]! };
  }

  /** A position past the end of its line is clamped to the line end, as LSP asks. */
  offsetAt(position: LspPosition): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[position.line]!;
    return Math.min(start + Math.max(0, position.character), this.lineEnd(position.line));
  }

  rangeOf(span: { readonly start: number; readonly end: number }): LspRange {
    return { start: this.positionAt(span.start), end: this.positionAt(span.end) };
  }

  spanOf(range: LspRange): { start: number; end: number } {
    const start = this.offsetAt(range.start);
    const end = this.offsetAt(range.end);
    return start <= end ? { start, end } : { start: end, end: start };
  }

  /** The 1-based line and column of `offset` (the diagnostics format's and Monaco's positions). */
  position(offset: number): LineColumn {
    return this.lineColumnAt(offset);
  }

  lineColumnAt(offset: number): LineColumn {
    const { line, character } = this.positionAt(offset);
    return { line: line + 1, column: character + 1 };
  }

  /** A span as Monaco's (and the editor worker protocol's) 1-based range. */
  lineColumnRangeOf(span: { readonly start: number; readonly end: number }): { start: LineColumn; end: LineColumn } {
    return { start: this.lineColumnAt(span.start), end: this.lineColumnAt(span.end) };
  }

  offsetOfLineColumn(position: LineColumn): number {
    return this.offsetAt({ line: position.line - 1, character: position.column - 1 });
  }

  private clamp(offset: number): number {
    return Math.max(0, Math.min(offset, this.text.length));
  }
}
