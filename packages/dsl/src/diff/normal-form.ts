import type { CheckDecl, Expr, LetDecl, MessageTemplate } from '../ast/ast.ts';
import type { EffectiveMember } from '../check/resolved-model.ts';

/**
 * The normal form of an expression, as a string: the tree without spans, layout or comments, every
 * `let` replaced by its body (so the names of lets never count), and every literal by the value it
 * evaluates to (`1_000`, `1000` and `1000.0` are one number; `5%` and `0.05` too, since expressions
 * compute on the percent's value). Two expressions with the same normal form evaluate alike on every
 * context — the compiler (compile-expression.ts) looks up roots before lets and evaluates a let where
 * it is used, which is what inlining does.
 *
 * Operands are never reordered: `and`/`or` short-circuit and fail closed left to right (docs/language.md
 * "Short circuit", "Fail closed"), so `a and b` and `b and a` can decide differently.
 */
export type LetTable = ReadonlyMap<string, EffectiveMember<LetDecl>>;

const ROOTS: ReadonlySet<string> = new Set(['event', 'unit', 'activity', 'authorization']);

export function normalExpr(expr: Expr, lets: LetTable): string {
  return new Normalizer(lets).expr(expr);
}

/** A check: its mode and condition (the `else` message is apart: it never changes a verdict). */
export function normalCheck(check: CheckDecl, lets: LetTable): string {
  return `(${check.mode} ${normalExpr(check.condition, lets)})`;
}

/** An `else` message: its literal text and the normal form of each `{expr}` hole. */
export function normalMessage(message: MessageTemplate | null, lets: LetTable): string {
  if (message === null) return '(default)';
  const normalizer = new Normalizer(lets);
  return `(message ${message.parts.map((part) => (typeof part === 'string' ? JSON.stringify(part) : normalizer.expr(part))).join(' ')})`;
}

class Normalizer {
  private readonly expanding: string[] = [];

  constructor(private readonly lets: LetTable) {}

  expr(expr: Expr): string {
    switch (expr.kind) {
      case 'Number':
      case 'Percent':
        return numberForm(expr.value);
      case 'String':
        return JSON.stringify(expr.value);
      case 'Date':
        return `(date ${expr.value})`;
      case 'Boolean':
        return String(expr.value);
      case 'None':
        return 'none';
      case 'List':
        return `(list ${expr.items.map((item) => this.expr(item)).join(' ')})`;
      case 'Name':
        return this.name(expr.name);
      case 'Member':
        return `(. ${this.expr(expr.object)} ${expr.field.name})`;
      case 'Call':
        return `(call ${expr.callee.name} ${expr.args.map((arg) => this.expr(arg)).join(' ')})`;
      case 'Unary':
        // `-5` parses as a negation of 5; it evaluates to the number -5.
        if (expr.operator === '-' && (expr.operand.kind === 'Number' || expr.operand.kind === 'Percent')) return numberForm(-expr.operand.value);
        return `(${expr.operator} ${this.expr(expr.operand)})`;
      case 'Binary':
        return `(${expr.operator} ${this.expr(expr.left)} ${this.expr(expr.right)})`;
    }
  }

  private name(name: string): string {
    if (ROOTS.has(name)) return name;
    const binding = this.lets.get(name);
    // A name that is neither a root nor a let only survives in a program with errors, which is never
    // diffed; keep it distinct from any let body.
    if (binding === undefined) return `(unknown ${name})`;
    // A let that depends on itself is `dsl.let_cycle`; guard anyway, so a broken table cannot loop.
    if (this.expanding.includes(name)) return `(cycle ${name})`;
    this.expanding.push(name);
    const body = this.expr(binding.decl.value);
    this.expanding.pop();
    return body;
  }
}

/** A double as a stable token; `-0` stays apart from `0` because `1 / -0` differs from `1 / 0`. */
function numberForm(value: number): string {
  return Object.is(value, -0) ? '-0' : String(value);
}
