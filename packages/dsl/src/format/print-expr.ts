import type { BinaryOperator, Expr } from '../ast/ast.ts';

// Binding strength, loosest first, as in dsl.md: or < and < not < comparison < + - < * / < unary - <
// postfix; literals, names, lists and parentheses bind tightest.
const OR = 1;
const AND = 2;
const NOT = 3;
const COMPARISON = 4;
const ADDITIVE = 5;
const MULTIPLICATIVE = 6;
const NEGATION = 7;
const POSTFIX = 8;
const ATOM = 9;

const BINARY_PRECEDENCE: Readonly<Record<BinaryOperator, number>> = {
  or: OR,
  and: AND,
  '==': COMPARISON,
  '!=': COMPARISON,
  '<': COMPARISON,
  '<=': COMPARISON,
  '>': COMPARISON,
  '>=': COMPARISON,
  in: COMPARISON,
  'not in': COMPARISON,
  '+': ADDITIVE,
  '-': ADDITIVE,
  '*': MULTIPLICATIVE,
  '/': MULTIPLICATIVE,
};

function precedenceOf(expr: Expr): number {
  switch (expr.kind) {
    case 'Binary':
      return BINARY_PRECEDENCE[expr.operator];
    case 'Unary':
      return expr.operator === 'not' ? NOT : NEGATION;
    case 'Member':
    case 'Call':
      return POSTFIX;
    default:
      return ATOM;
  }
}

/**
 * Prints an expression on one line with only the parentheses its tree needs. Literals are printed as
 * the source wrote them (`1_000_000`, string escapes), so `source` is the text the spans point into.
 */
export function printExpr(expr: Expr, source: string): string {
  switch (expr.kind) {
    case 'Binary': {
      const precedence = BINARY_PRECEDENCE[expr.operator];
      // Comparisons do not chain, so a comparison operand of a comparison keeps its parentheses on
      // both sides; the other operators associate to the left.
      const left = wrap(expr.left, source, precedence === COMPARISON ? precedence + 1 : precedence);
      const right = wrap(expr.right, source, precedence + 1);
      return `${left} ${expr.operator} ${right}`;
    }
    case 'Unary':
      if (expr.operator === 'not') return `not ${wrap(expr.operand, source, NOT)}`;
      // `--x` parses, but reads like a decrement; the parentheses make the double negation plain.
      if (expr.operand.kind === 'Unary' && expr.operand.operator === '-') return `-(${printExpr(expr.operand, source)})`;
      return `-${wrap(expr.operand, source, NEGATION)}`;
    case 'Member':
      return `${wrap(expr.object, source, POSTFIX)}.${expr.field.name}`;
    case 'Call':
      return `${expr.callee.name}(${expr.args.map((arg) => printExpr(arg, source)).join(', ')})`;
    case 'List':
      return `[${expr.items.map((item) => printExpr(item, source)).join(', ')}]`;
    case 'Name':
      return expr.name;
    case 'Boolean':
      return String(expr.value);
    case 'None':
      return 'none';
    case 'Number':
    case 'Percent':
    case 'Date':
    case 'String':
      return source.slice(expr.span.start, expr.span.end);
  }
}

/** `expr` printed where an operand must bind at least as tightly as `minimum`. */
function wrap(expr: Expr, source: string, minimum: number): string {
  const printed = printExpr(expr, source);
  return precedenceOf(expr) < minimum ? `(${printed})` : printed;
}

/**
 * The operands of a chain of one operator (`a and b and c` → a, b, c), for breaking a long condition
 * before each `and`/`or`; null when `expr` is not an `and`/`or`.
 */
export function logicalChain(expr: Expr, source: string): { operator: 'and' | 'or'; operands: string[] } | null {
  if (expr.kind !== 'Binary' || (expr.operator !== 'and' && expr.operator !== 'or')) return null;
  const operator = expr.operator;
  const precedence = BINARY_PRECEDENCE[operator];
  const rights: string[] = [];
  let left: Expr = expr;
  while (left.kind === 'Binary' && left.operator === operator) {
    rights.unshift(wrap(left.right, source, precedence + 1));
    left = left.left;
  }
  return { operator, operands: [wrap(left, source, precedence), ...rights] };
}
