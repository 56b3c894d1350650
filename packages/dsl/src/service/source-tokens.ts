import { KEYWORDS, type Span } from '../ast/ast.ts';

export type SourceTokenKind =
  | 'comment'
  | 'string'
  | 'number'
  | 'percent'
  | 'date'
  | 'keyword'
  | 'name'
  | 'operator'
  | 'punctuation'
  | 'invalid';

export interface SourceToken {
  readonly kind: SourceTokenKind;
  readonly text: string;
  readonly span: Span;
  /** A string that reaches the end of its line without a closing quote. */
  readonly unterminated?: boolean;
}

const KEYWORD_SET: ReadonlySet<string> = new Set(KEYWORDS);
const TWO_CHAR_OPERATORS: ReadonlySet<string> = new Set(['==', '!=', '<=', '>=']);
const ONE_CHAR_OPERATORS = '<>+-*/=';
const PUNCTUATION = '{}()[],.';

const isDigit = (code: number): boolean => code >= 48 && code <= 57;
// Upper-case letters are not part of the language, but lexing them into the word keeps a typo like
// `Unit` one token (the parser reports it) instead of splitting it.
const isWordStart = (code: number): boolean => (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 95;
const isWordPart = (code: number): boolean => isWordStart(code) || isDigit(code);

/**
 * A lexer over any text, total like the parser: completion, hover on keywords and semantic tokens work
 * on half-typed source the grammar rejects. It follows the grammar's lexical rules (docs/language.md, Lexical);
 * a word after `.` is a field, never a keyword (`event.to`).
 */
export function tokenizeSource(text: string, base = 0): SourceToken[] {
  const tokens: SourceToken[] = [];
  const length = text.length;
  let previousCode: SourceToken | undefined;
  const push = (kind: SourceTokenKind, start: number, end: number, unterminated?: boolean): void => {
    const token: SourceToken = { kind, text: text.slice(start, end), span: { start: base + start, end: base + end }, ...(unterminated ? { unterminated } : {}) };
    tokens.push(token);
    if (kind !== 'comment') previousCode = token;
  };
  let i = 0;
  while (i < length) {
    const code = text.charCodeAt(i);
    if (code === 32 || code === 9 || code === 10 || code === 13) {
      i++;
    } else if (code === 47 && text.charCodeAt(i + 1) === 47) {
      let j = i;
      while (j < length && text.charCodeAt(j) !== 10 && text.charCodeAt(j) !== 13) j++;
      push('comment', i, j);
      i = j;
    } else if (code === 47 && text.charCodeAt(i + 1) === 42) {
      const close = text.indexOf('*/', i + 2);
      const j = close < 0 ? length : close + 2;
      push('comment', i, j, close < 0);
      i = j;
    } else if (code === 34) {
      let j = i + 1;
      let closed = false;
      while (j < length) {
        const c = text.charCodeAt(j);
        if (c === 92) j += 2;
        else if (c === 10 || c === 13) break;
        else if (c === 34) {
          closed = true;
          j++;
          break;
        } else j++;
      }
      j = Math.min(j, length);
      push('string', i, j, !closed);
      i = j;
    } else if (isDigit(code)) {
      const date = /^\d{4}-\d{2}-\d{2}(?![a-z0-9_])/.exec(text.slice(i, i + 11));
      if (date) {
        push('date', i, i + 10);
        i += 10;
        continue;
      }
      let j = i;
      while (j < length && (isDigit(text.charCodeAt(j)) || (text.charCodeAt(j) === 95 && isDigit(text.charCodeAt(j + 1))))) j++;
      if (text.charCodeAt(j) === 46 && isDigit(text.charCodeAt(j + 1))) {
        j++;
        while (j < length && isDigit(text.charCodeAt(j))) j++;
      }
      if (text.charCodeAt(j) === 37) push('percent', i, j + 1);
      else push('number', i, j);
      i = text.charCodeAt(j) === 37 ? j + 1 : j;
    } else if (isWordStart(code)) {
      let j = i + 1;
      while (j < length && isWordPart(text.charCodeAt(j))) j++;
      const word = text.slice(i, j);
      const afterDot = previousCode?.text === '.' && previousCode.kind === 'punctuation';
      push(KEYWORD_SET.has(word) && !afterDot ? 'keyword' : 'name', i, j);
      i = j;
    } else {
      const two = text.slice(i, i + 2);
      if (TWO_CHAR_OPERATORS.has(two)) {
        push('operator', i, i + 2);
        i += 2;
      } else if (ONE_CHAR_OPERATORS.includes(text[i]!)) {
        push('operator', i, i + 1);
        i++;
      } else if (PUNCTUATION.includes(text[i]!)) {
        push('punctuation', i, i + 1);
        i++;
      } else {
        // One UTF-16 unit at a time is enough: invalid characters only need to be skipped.
        push('invalid', i, i + 1);
        i++;
      }
    }
  }
  return tokens;
}

/** The token covering `offset` (start < offset < end, or start ≤ offset for the first character). */
export function tokenAt(tokens: readonly SourceToken[], offset: number): SourceToken | undefined {
  let low = 0;
  let high = tokens.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const token = tokens[mid]!;
    if (token.span.end <= offset) low = mid + 1;
    else if (token.span.start > offset) high = mid - 1;
    else return token;
  }
  return undefined;
}
