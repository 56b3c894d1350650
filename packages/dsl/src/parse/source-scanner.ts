import type { Comment } from '../ast/ast.ts';

/** A keyword that can only begin a top-level declaration or a rulebook member. */
export type SplitKeyword = 'import' | 'rulebook' | 'cite' | 'option' | 'levy' | 'rule' | 'remove' | 'let';

export interface KeywordToken {
  readonly keyword: SplitKeyword;
  readonly start: number;
}

/** What a light lexical pass sees in a file: enough to recover from syntax errors and to keep comments. */
export interface SourceScan {
  readonly comments: readonly Comment[];
  /**
   * Declaration keywords in code (not in strings or comments, not where a name is expected: after a
   * `.`, a declaration keyword, `extends` or `to`): because they are reserved, each one starts a new declaration even when the text
   * around it is broken.
   */
  readonly keywords: readonly KeywordToken[];
  /** Offsets of `{` and `}` in code. */
  readonly openBraces: readonly number[];
  readonly closeBraces: readonly number[];
  /** Deepest nesting of `(`, `[` and `{` in code, and where it was first reached. */
  readonly deepest: { readonly depth: number; readonly at: number };
  /**
   * Most operator and separator tokens (`+ - * / , . < > = !`, `and`, `or`, `not`) in one declaration
   * (between two declaration keywords), and where that declaration starts: it bounds the length of
   * every expression chain and list, which the parser and checker walk recursively.
   */
  readonly longestChain: { readonly operators: number; readonly at: number };
}

const CHAIN_CHARS = new Set([43, 45, 42, 47, 44, 46, 60, 62, 61, 33]);
const CHAIN_WORDS: ReadonlySet<string> = new Set(['and', 'or', 'not']);

const SPLIT_KEYWORDS: ReadonlySet<string> = new Set<SplitKeyword>([
  'import', 'rulebook', 'cite', 'option', 'levy', 'rule', 'remove', 'let',
]);

// After these a name follows, never a new declaration: `remove rule x`, and the mistyped `rule rule`,
// `extends import` or `to let` stay one broken declaration instead of two.
const NAME_BEFORE: ReadonlySet<string> = new Set([...SPLIT_KEYWORDS, 'extends', 'to', '.']);

const isWordChar = (code: number): boolean =>
  (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95;

/**
 * Walks the text the way the grammar's lexical rules do (strings end at an unescaped quote or a line
 * break; block comments do not nest) without parsing, so it works on any input.
 */
export function scanSource(text: string): SourceScan {
  const comments: Comment[] = [];
  const keywords: KeywordToken[] = [];
  const openBraces: number[] = [];
  const closeBraces: number[] = [];
  // The previous code token, to tell `event.rule` (a field) and `remove rule` from a new member.
  let previous = '';
  let depth = 0;
  let deepest = { depth: 0, at: 0 };
  let operators = 0;
  let declarationStart = 0;
  let longestChain = { operators: 0, at: 0 };
  const countOperator = () => {
    operators += 1;
    if (operators > longestChain.operators) longestChain = { operators, at: declarationStart };
  };
  let i = 0;
  const length = text.length;
  while (i < length) {
    const code = text.charCodeAt(i);
    if (code === 34 /* " */) {
      let j = i + 1;
      while (j < length) {
        const c = text.charCodeAt(j);
        if (c === 92 /* \ */) j += 2;
        else if (c === 34 || c === 10) break;
        else j++;
      }
      i = Math.min(j + 1, length);
      previous = '"';
    } else if (code === 47 /* / */ && text.charCodeAt(i + 1) === 47) {
      let j = text.indexOf('\n', i);
      if (j < 0) j = length;
      comments.push({ kind: 'Comment', text: text.slice(i, j), block: false, span: { start: i, end: j } });
      i = j;
    } else if (code === 47 && text.charCodeAt(i + 1) === 42 /* * */) {
      const close = text.indexOf('*/', i + 2);
      const j = close < 0 ? length : close + 2;
      comments.push({ kind: 'Comment', text: text.slice(i, j), block: true, span: { start: i, end: j } });
      i = j;
    } else if (isWordChar(code)) {
      let j = i + 1;
      while (j < length && isWordChar(text.charCodeAt(j))) j++;
      const word = text.slice(i, j);
      if (SPLIT_KEYWORDS.has(word) && !NAME_BEFORE.has(previous)) {
        keywords.push({ keyword: word as SplitKeyword, start: i });
        operators = 0;
        declarationStart = i;
      } else if (CHAIN_WORDS.has(word)) countOperator();
      previous = word;
      i = j;
    } else {
      if (code === 123 /* { */) openBraces.push(i);
      else if (code === 125 /* } */) closeBraces.push(i);
      if (code === 40 || code === 91 || code === 123) {
        depth += 1;
        if (depth > deepest.depth) deepest = { depth, at: i };
      } else if ((code === 41 || code === 93 || code === 125) && depth > 0) depth -= 1;
      else if (CHAIN_CHARS.has(code)) countOperator();
      if (code !== 32 && code !== 9 && code !== 10 && code !== 13) previous = text[i]!;
      i++;
    }
  }
  return { comments, keywords, openBraces, closeBraces, deepest, longestChain };
}

/**
 * The end of the last code character in [from, to): whitespace and comments at the end do not count.
 * Returns `from` when the range holds no code.
 */
export function lastCodeEnd(text: string, from: number, to: number, comments: readonly Comment[]): number {
  let end = to;
  for (;;) {
    while (end > from && /\s/.test(text[end - 1]!)) end--;
    const comment = comments.find((c) => c.span.end === end && c.span.start >= from);
    if (comment === undefined) return end;
    end = comment.span.start;
  }
}

/** The first code character in [from, to), skipping whitespace and comments; `to` when there is none. */
export function firstCodeStart(text: string, from: number, to: number, comments: readonly Comment[]): number {
  let start = from;
  for (;;) {
    while (start < to && /\s/.test(text[start]!)) start++;
    const comment = comments.find((c) => c.span.start === start);
    if (comment === undefined || start >= to) return Math.min(start, to);
    start = comment.span.end;
  }
}
