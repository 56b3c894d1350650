import type { Node, NonterminalNode, IterationNode, MatchResult } from 'ohm-js';
import grammar from '../grammar/rulebook.ohm-bundle.js';
import type {
  BinaryOperator,
  CheckDecl,
  DateLiteral,
  Expr,
  Identifier,
  ImportDecl,
  LevyDecl,
  Member,
  MessageTemplate,
  NumberLiteral,
  PercentLiteral,
  RulebookDecl,
  Rounding,
  Span,
  StringLiteral,
  Trigger,
  TriggerRef,
} from '../ast/ast.ts';
import { splitMessageTemplate } from './message-template.ts';
import { unescapeStringLiteral } from './string-literal.ts';
import type { SyntaxProblem } from './syntax-problem.ts';
import { describeExpected } from './syntax-problem.ts';

/**
 * Where the matched text sits in the file and where problems found while building go. A piece parsed
 * on its own (error recovery) or a `{expr}` hole maps its local offsets to file offsets.
 */
export interface BuildContext {
  readonly toFileOffset: (localOffset: number) => number;
  readonly problems: SyntaxProblem[];
}

export const atOffset = (base: number, problems: SyntaxProblem[]): BuildContext => ({
  toFileOffset: (offset) => base + offset,
  problems,
});

/** The parts of a file the grammar's `File` rule yields; the parser adds path, comments and span. */
export interface ParsedFileBody {
  readonly imports: ImportDecl[];
  readonly rulebooks: RulebookDecl[];
}

type Built = ParsedFileBody | RulebookDecl | Member | ImportDecl | Expr | CheckDecl | unknown;

const semantics = grammar.createSemantics();

// Each action builds one AST node; `this.args.context` is the BuildContext of the match.
function build<T = Built>(node: Node, context: BuildContext): T {
  return node['ast'](context) as T;
}

function spanOf(node: Node, context: BuildContext): Span {
  return { start: context.toFileOffset(node.source.startIdx), end: context.toFileOffset(node.source.endIdx) };
}

function optional<T>(node: IterationNode, context: BuildContext): T | null {
  const child = node.children[0];
  return child === undefined ? null : build<T>(child, context);
}

function listOf<T>(node: NonterminalNode, context: BuildContext): T[] {
  return node.asIteration().children.map((child) => build<T>(child, context));
}

/** `a - b - c` → `(a - b) - c`: the grammar lists operator chains flat; the AST nests them to the left. */
function foldLeft(context: BuildContext, first: Node, rest: readonly (readonly [BinaryOperator, Node])[]): Expr {
  let left = build<Expr>(first, context);
  for (const [operator, node] of rest) {
    const right = build<Expr>(node, context);
    left = { kind: 'Binary', operator, left, right, span: { start: left.span.start, end: right.span.end } };
  }
  return left;
}

semantics.addOperation<Built>('ast(context)', {
  File(imports, rulebooks) {
    const context = this.args.context as BuildContext;
    return {
      imports: imports.children.map((child) => build<ImportDecl>(child, context)),
      rulebooks: rulebooks.children.map((child) => build<RulebookDecl>(child, context)),
    } satisfies ParsedFileBody;
  },
  Import(_import, path) {
    const context = this.args.context as BuildContext;
    return { kind: 'Import', path: build<StringLiteral>(path, context), span: spanOf(this, context) } satisfies ImportDecl;
  },
  RulebookDecl(header, members, _close) {
    const context = this.args.context as BuildContext;
    return {
      ...build<RulebookDecl>(header, context),
      members: members.children.map((child) => build<Member>(child, context)),
      span: spanOf(this, context),
    } satisfies RulebookDecl;
  },
  RulebookHeader(_rulebook, name, parent, title, _open) {
    const context = this.args.context as BuildContext;
    return {
      kind: 'Rulebook',
      name: build<Identifier>(name, context),
      parent: optional<Identifier>(parent, context),
      title: optional<StringLiteral>(title, context),
      members: [],
      span: spanOf(this, context),
    } satisfies RulebookDecl;
  },
  Extends(_extends, parent) {
    return build(parent, this.args.context);
  },
  Cite(_cite, text) {
    const context = this.args.context as BuildContext;
    return { kind: 'Cite', text: build<StringLiteral>(text, context), span: spanOf(this, context) } satisfies Member;
  },
  OptionDecl(_option, path, _equals, value) {
    const context = this.args.context as BuildContext;
    return {
      kind: 'Option',
      path: listOf<Identifier>(path, context),
      value: build<Identifier | NumberLiteral | PercentLiteral>(value, context),
      span: spanOf(this, context),
    } satisfies Member;
  },
  LevyDecl(_levy, name, rate, rounding, _on, trigger, where, destination) {
    const context = this.args.context as BuildContext;
    return {
      kind: 'Levy',
      name: build<Identifier>(name, context),
      rate: build<PercentLiteral>(rate, context),
      rounding: optional<LevyDecl['rounding']>(rounding, context),
      trigger: build<TriggerRef>(trigger, context),
      where: optional<Expr>(where, context),
      destination: build<LevyDecl['destination']>(destination, context),
      span: spanOf(this, context),
    } satisfies Member;
  },
  Rounding(_rounded, mode) {
    const context = this.args.context as BuildContext;
    return { mode: mode.sourceString as Rounding, span: spanOf(this, context) };
  },
  LevyDestination_account(_to, account) {
    const context = this.args.context as BuildContext;
    return { kind: 'account', account: build<Identifier>(account, context), span: spanOf(this, context) };
  },
  LevyDestination_cancel(_cancel) {
    return { kind: 'cancel', span: spanOf(this, this.args.context) };
  },
  RuleDecl(_rule, name, title, _on, triggers, where, _open, checks, _close) {
    const context = this.args.context as BuildContext;
    return {
      kind: 'Rule',
      name: build<Identifier>(name, context),
      title: optional<StringLiteral>(title, context),
      triggers: listOf<TriggerRef>(triggers, context),
      where: optional<Expr>(where, context),
      checks: checks.children.map((child) => build<CheckDecl>(child, context)),
      span: spanOf(this, context),
    } satisfies Member;
  },
  Where(_where, condition) {
    return build(condition, this.args.context);
  },
  RemoveDecl(_remove, target, name) {
    const context = this.args.context as BuildContext;
    return {
      kind: 'Remove',
      target: target.sourceString as 'rule' | 'levy',
      name: build<Identifier>(name, context),
      span: spanOf(this, context),
    } satisfies Member;
  },
  LetDecl(_let, name, _equals, value) {
    const context = this.args.context as BuildContext;
    return {
      kind: 'Let',
      name: build<Identifier>(name, context),
      value: build<Expr>(value, context),
      span: spanOf(this, context),
    } satisfies Member;
  },
  Check(mode, condition, message) {
    const context = this.args.context as BuildContext;
    return {
      kind: 'Check',
      mode: mode.sourceString as 'require' | 'expect',
      condition: build<Expr>(condition, context),
      message: optional<MessageTemplate>(message, context),
      span: spanOf(this, context),
    } satisfies CheckDecl;
  },
  Otherwise(_else, message) {
    const context = this.args.context as BuildContext;
    const span = spanOf(message, context);
    const raw = message.sourceString;
    const localStart = message.source.startIdx;
    // Offsets inside the literal, mapped through the context so holes in a recovered piece or in a
    // hole of a hole (impossible today, harmless anyway) still land in the file.
    const unescaped = unescapeStringLiteral(raw, localStart);
    const offsets = unescaped.offsets.map((offset) => context.toFileOffset(offset));
    const parts = splitMessageTemplate({ value: unescaped.value, offsets }, (text, holeOffsets) =>
      parseHole(text, holeOffsets, context.problems), context.problems);
    return { kind: 'Message', parts, raw, span } satisfies MessageTemplate;
  },
  OrExpr(first, _operators, rest) {
    return foldLeft(this.args.context, first, rest.children.map((right) => ['or', right]));
  },
  AndExpr(first, _operators, rest) {
    return foldLeft(this.args.context, first, rest.children.map((right) => ['and', right]));
  },
  NotExpr_not(_not, operand) {
    const context = this.args.context as BuildContext;
    return { kind: 'Unary', operator: 'not', operand: build<Expr>(operand, context), span: spanOf(this, context) } satisfies Expr;
  },
  CmpExpr(left, operator, right) {
    const context = this.args.context as BuildContext;
    const pairs = operator.children.map((op, index): [BinaryOperator, Node] => [build<BinaryOperator>(op, context), right.children[index]!]);
    return foldLeft(context, left, pairs);
  },
  CmpOp_notIn(_not, _in) {
    return 'not in';
  },
  CmpOp_in(_in) {
    return 'in';
  },
  CmpOp_symbol(symbol) {
    return symbol.sourceString;
  },
  AddExpr(first, operators, rest) {
    return foldLeft(this.args.context, first, operators.children.map((op, index) => [op.sourceString as BinaryOperator, rest.children[index]!]));
  },
  MulExpr(first, operators, rest) {
    return foldLeft(this.args.context, first, operators.children.map((op, index) => [op.sourceString as BinaryOperator, rest.children[index]!]));
  },
  NegExpr_neg(_minus, operand) {
    const context = this.args.context as BuildContext;
    return { kind: 'Unary', operator: '-', operand: build<Expr>(operand, context), span: spanOf(this, context) } satisfies Expr;
  },
  Postfix(primary, _dots, fields) {
    const context = this.args.context as BuildContext;
    let object = build<Expr>(primary, context);
    for (const field of fields.children) {
      object = {
        kind: 'Member',
        object,
        field: { kind: 'Identifier', name: field.sourceString, span: spanOf(field, context) },
        span: { start: object.span.start, end: context.toFileOffset(field.source.endIdx) },
      };
    }
    return object;
  },
  Primary_paren(_open, inner, _close) {
    return build(inner, this.args.context);
  },
  Primary_list(_open, items, _close) {
    const context = this.args.context as BuildContext;
    return { kind: 'List', items: listOf<Expr>(items, context), span: spanOf(this, context) } satisfies Expr;
  },
  Primary_call(callee, _open, args, _close) {
    const context = this.args.context as BuildContext;
    return {
      kind: 'Call',
      callee: build<Identifier>(callee, context),
      args: listOf<Expr>(args, context),
      span: spanOf(this, context),
    } satisfies Expr;
  },
  Primary_true(_true) {
    return { kind: 'Boolean', value: true, span: spanOf(this, this.args.context) } satisfies Expr;
  },
  Primary_false(_false) {
    return { kind: 'Boolean', value: false, span: spanOf(this, this.args.context) } satisfies Expr;
  },
  Primary_none(_none) {
    return { kind: 'None', span: spanOf(this, this.args.context) } satisfies Expr;
  },
  Primary_name(name) {
    const context = this.args.context as BuildContext;
    return { kind: 'Name', name: name.sourceString, span: spanOf(this, context) } satisfies Expr;
  },
  trigger(_name) {
    const context = this.args.context as BuildContext;
    return { kind: 'Trigger', name: this.sourceString as Trigger, span: spanOf(this, context) } satisfies TriggerRef;
  },
  ident(_name) {
    const context = this.args.context as BuildContext;
    return { kind: 'Identifier', name: this.sourceString, span: spanOf(this, context) } satisfies Identifier;
  },
  string(_open, _chars, _close) {
    const context = this.args.context as BuildContext;
    const { value } = unescapeStringLiteral(this.sourceString, 0);
    return { kind: 'String', value, span: spanOf(this, context) } satisfies StringLiteral;
  },
  number(_digits, _dot, _fraction) {
    const context = this.args.context as BuildContext;
    const text = this.sourceString.replaceAll('_', '');
    return { kind: 'Number', text, value: Number(text), span: spanOf(this, context) } satisfies NumberLiteral;
  },
  percent(number, _percent) {
    const context = this.args.context as BuildContext;
    const text = number.sourceString.replaceAll('_', '');
    return { kind: 'Percent', text, value: Number(text) / 100, span: spanOf(this, context) } satisfies PercentLiteral;
  },
  date(_y1, _y2, _y3, _y4, _dash1, _m1, _m2, _dash2, _d1, _d2) {
    const context = this.args.context as BuildContext;
    const value = this.sourceString;
    const span = spanOf(this, context);
    if (!isCalendarDate(value)) context.problems.push({ span, message: `${value} is not a calendar date` });
    return { kind: 'Date', value, span } satisfies DateLiteral;
  },
});

function isCalendarDate(value: string): boolean {
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Parses a `{expr}` hole of a message; a hole that does not parse is a `dsl.syntax` problem there. */
function parseHole(text: string, offsets: readonly number[], problems: SyntaxProblem[]): Expr | null {
  const context: BuildContext = {
    toFileOffset: (offset) => offsets[Math.min(offset, offsets.length - 1)]!,
    problems,
  };
  const result = grammar.match(text, 'Expr');
  if (!result.failed()) return build<Expr>(semantics(result) as unknown as Node, context);
  const position = result.getRightmostFailurePosition();
  const start = context.toFileOffset(position);
  const end = position < text.length ? context.toFileOffset(position + 1) : start;
  const message = text.trim() === '' ? 'expected an expression inside "{…}"' : `${describeExpected(result)} in "{…}"`;
  problems.push({ span: { start, end }, message });
  return null;
}

/** Builds the AST of a successful match of `startRule` (File, Import, RulebookHeader, RulebookDecl, Member). */
export function buildAst<T>(result: MatchResult, context: BuildContext): T {
  return build<T>(semantics(result) as unknown as Node, context);
}
