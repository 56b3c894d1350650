import type { Expr, Span } from '../ast/ast.ts';
import type { UnescapedText } from './string-literal.ts';

/** A problem found while reading a template, before it is turned into a diagnostic. */
export interface TemplateProblem {
  readonly span: Span;
  readonly message: string;
}

/** Parses one `{expr}` hole: its text and the file offset of each of its characters (plus one past). */
export type HoleParser = (text: string, offsets: readonly number[]) => Expr | null;

/**
 * Splits an unescaped `else` message into literal text and `{expr}` holes (docs/language.md, Lexical): `{{` and
 * `}}` are literal braces; a lone `}` is kept as text, since it cannot be mistaken for anything else.
 * Holes are parsed by `parseHole`, which reports its own syntax errors; a hole that does not parse is
 * left out of `parts`.
 */
export function splitMessageTemplate(
  text: UnescapedText,
  parseHole: HoleParser,
  problems: TemplateProblem[],
): (string | Expr)[] {
  const { value, offsets } = text;
  const parts: (string | Expr)[] = [];
  let literal = '';
  let i = 0;
  while (i < value.length) {
    const char = value[i]!;
    if ((char === '{' || char === '}') && value[i + 1] === char) {
      literal += char;
      i += 2;
    } else if (char === '{') {
      const close = findHoleEnd(value, i + 1);
      if (close < 0) {
        problems.push({
          span: { start: offsets[i]!, end: offsets[value.length]! },
          message: 'unclosed "{" in message (write "{{" for a literal brace)',
        });
        literal += value.slice(i);
        break;
      }
      if (literal !== '') parts.push(literal);
      literal = '';
      const hole = parseHole(value.slice(i + 1, close), offsets.slice(i + 1, close + 1));
      if (hole !== null) parts.push(hole);
      i = close + 1;
    } else {
      literal += char;
      i++;
    }
  }
  if (literal !== '') parts.push(literal);
  return parts;
}

/** The offset of the `}` closing a hole, skipping string literals inside it; -1 when there is none. */
function findHoleEnd(value: string, from: number): number {
  let i = from;
  while (i < value.length) {
    const char = value[i]!;
    if (char === '}') return i;
    if (char === '"') {
      i++;
      while (i < value.length && value[i] !== '"') i += value[i] === '\\' ? 2 : 1;
    }
    i++;
  }
  return -1;
}
