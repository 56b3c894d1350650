import type { FailedMatchResult } from 'ohm-js';
import { KEYWORDS, type Comment, type Span } from '../ast/ast.ts';
import { lastCodeEnd } from './source-scanner.ts';

/** A syntax error before it becomes a `dsl.syntax` diagnostic: a span in the file and a message. */
export interface SyntaxProblem {
  readonly span: Span;
  readonly message: string;
}

// What ohm records at a failure position; `getRightmostFailures` exists on every MatchResult but is
// missing from ohm's typings.
interface OhmFailure {
  getText(): string;
  isFluffy(): boolean;
  isDescription(): boolean;
}

const EXPRESSION_STARTS = new Set([
  'an identifier', 'a string', 'a number', 'a percentage', 'a date',
  '"none"', '"false"', '"true"', '"["', '"("', '"-"', '"not"',
]);
const OPERATORS = new Set([
  '"."', '"("', '"+"', '"-"', '"*"', '"/"', '"=="', '"!="', '"<"', '"<="', '">"', '">="', '"in"', '"not"',
  '"and"', '"or"',
]);

/**
 * The readable form of what ohm expected at the failure: literal tokens quoted, rule descriptions as
 * written in the grammar, the alternatives that start an expression summed up as "an expression" and
 * the operators that could continue one as "an operator" (listing thirty tokens helps nobody).
 */
export function describeExpected(result: FailedMatchResult): string {
  const failures = (result as unknown as { getRightmostFailures(): OhmFailure[] }).getRightmostFailures();
  // ohm lists the most recently tried alternative first; reversed, the list follows the grammar.
  let items = failures
    .filter((failure) => !failure.isFluffy())
    .map((failure) => (failure.isDescription() ? failure.getText() : JSON.stringify(failure.getText())))
    .reverse();
  items = [...new Set(items)];
  if (items.includes('an identifier') && items.includes('a number') && items.includes('"["')) {
    items = summarize(items, EXPRESSION_STARTS, 'an expression');
  }
  if (items.filter((item) => OPERATORS.has(item)).length >= 4) {
    items = summarize(items, OPERATORS, 'an operator');
  }
  if (items.length === 0) return 'expected something else';
  if (items.length === 1) return `expected ${items[0]}`;
  return `expected ${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

// The specific tokens come first: `expected ")" or an operator` says what is most likely missing.
function summarize(items: readonly string[], members: ReadonlySet<string>, summary: string): string[] {
  return [...items.filter((item) => !members.has(item)), summary];
}

/**
 * A problem for a failed match of `text` (a whole file or a piece of one starting at file offset
 * `base`). The range covers the word at the failure; a failure at the end of the piece (a missing
 * token) is moved back to just after the last code, where the user would type the token, rather than
 * onto the next declaration.
 */
export function syntaxProblemOf(
  result: FailedMatchResult,
  text: string,
  base: number,
  comments: readonly Comment[],
): SyntaxProblem {
  let position = result.getRightmostFailurePosition();
  const localComments = comments
    .filter((c) => c.span.start >= base && c.span.end <= base + text.length)
    .map((c) => ({ ...c, span: { start: c.span.start - base, end: c.span.end - base } }));
  const codeEnd = lastCodeEnd(text, 0, text.length, localComments);
  if (position >= codeEnd) position = codeEnd;
  let end = position;
  const word = /^(?:[A-Za-z0-9_]+|\S)/.exec(text.slice(position));
  if (word !== null) end = position + word[0].length;
  let message = describeExpected(result);
  if (word !== null && message.includes('an identifier')) message += identifierHint(word[0]);
  return { span: { start: base + position, end: base + end }, message };
}

const keywords: ReadonlySet<string> = new Set(KEYWORDS);

/** Why the word found where a name was expected is not one: the two mistakes everyone makes. */
function identifierHint(word: string): string {
  if (keywords.has(word)) return ` ('${word}' is a reserved keyword)`;
  if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(word) && /[A-Z]/.test(word)) {
    return ` (identifiers are lowercase: '${word.toLowerCase()}')`;
  }
  return '';
}
