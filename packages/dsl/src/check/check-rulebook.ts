import { UNIT_TRIGGERS, type BinaryExpr, type CallExpr, type Expr, type LetDecl, type LevyDecl, type MemberExpr, type NameExpr, type Span, type Trigger } from '../ast/ast.ts';
import type { DiagnosticCode } from '../diagnostics/diagnostic.ts';
import { ExpressionCompiler, type LetBinding } from '../compile/compile-expression.ts';
import type { EvalContext } from '../compile/compiled-rulebook.ts';
import { EvalScope } from '../compile/eval-scope.ts';
import { exactRate, ratesExceedWhole } from '../compile/exact-rate.ts';
import type { ProgramFile } from '../program/load-program.ts';
import { BUILTIN_FUNCTIONS, findBuiltinFunction } from './builtin-functions.ts';
import { CONTEXT_ROOTS, findContextField, findContextRoot, RECORD_FIELDS } from './context-schema.ts';
import type { DiagnosticSink } from './diagnostic-sink.ts';
import type { EffectiveMember, ResolvedRulebook, SymbolReference } from './resolved-model.ts';
import { didYouMean, suggestNames } from './suggest-names.ts';
import { BOOL, DATE, isAssignable, isCompatible, listOf, NONE, NUMBER, recordOf, STRING, typeToString, UNKNOWN, type StaticType } from './types.ts';

/** Something a let body needs from the context, checked at every place the let is used. */
interface Requirement {
  readonly what: string;
  readonly triggers: readonly Trigger[];
  readonly code: DiagnosticCode;
}

interface CheckEnv {
  /** The file the expression is in. */
  readonly file: string;
  /** The triggers the expression runs at; `null` inside a let body, whose needs are collected instead. */
  readonly triggers: readonly Trigger[] | null;
  readonly requirements: Requirement[];
}

type LetState = { readonly type: StaticType; readonly requirements: readonly Requirement[] } | 'checking';

/** Everything the type checker shares across the rulebooks of one program. */
export interface CheckState {
  readonly files: ReadonlyMap<string, ProgramFile>;
  readonly sink: DiagnosticSink;
  readonly references: SymbolReference[];
  readonly types: Map<Expr, StaticType>;
  readonly usedLets: Set<LetDecl>;
}

/**
 * StaticType-checks the effective members of one rulebook against the context schema (docs/language.md, "Static
 * checking"). Inherited members are checked again in the child's context because a child's let replaces
 * the parent's; the sink keeps each diagnostic once.
 */
export class RulebookChecker {
  private readonly letStates = new Map<string, LetState>();
  private readonly letStack: string[] = [];
  private compiler: ExpressionCompiler | undefined;

  constructor(
    private readonly rulebook: ResolvedRulebook,
    private readonly state: CheckState,
  ) {}

  check(): void {
    for (const rule of this.rulebook.rules) {
      const { decl, file } = rule;
      const env: CheckEnv = { file, triggers: decl.triggers.map((t) => t.name), requirements: [] };
      if (decl.where) {
        this.checkCondition(decl.where, env, `the where of rule '${decl.name.name}'`);
        this.warnIfUnreachable(decl.where, file, `rule '${decl.name.name}'`);
      }
      for (const check of decl.checks) {
        this.checkCondition(check.condition, env, `a ${check.mode} condition`);
        for (const part of check.message?.parts ?? []) if (typeof part !== 'string') this.checkExpr(part, env);
      }
    }
    for (const levy of this.rulebook.levies) {
      const { decl, file } = levy;
      const trigger = decl.trigger.name;
      if (!UNIT_TRIGGERS.includes(trigger)) {
        this.state.sink.error(
          file,
          'dsl.levy_trigger',
          decl.trigger.span,
          `levy '${decl.name.name}' is on '${trigger}', which moves no units; levies need one of ${UNIT_TRIGGERS.join(', ')}`,
        );
      }
      if (decl.where) {
        this.checkCondition(decl.where, { file, triggers: [trigger], requirements: [] }, `the where of levy '${decl.name.name}'`);
        this.warnIfUnreachable(decl.where, file, `levy '${decl.name.name}'`);
      }
    }
    for (const name of this.rulebook.lets.keys()) this.letState(name);
    this.checkLevyTotals();
  }

  private checkLevyTotals(): void {
    const byTrigger = new Map<Trigger, EffectiveMember<LevyDecl>[]>();
    for (const levy of this.rulebook.levies) {
      const list = byTrigger.get(levy.decl.trigger.name) ?? [];
      list.push(levy);
      byTrigger.set(levy.decl.trigger.name, list);
    }
    for (const [trigger, levies] of byTrigger) {
      const rates = levies.flatMap((levy) => (/^\d+(\.\d+)?$/.test(levy.decl.rate.text) ? [exactRate(levy.decl.rate.text)] : []));
      if (!ratesExceedWhole(rates)) continue;
      // Blame the levy this rulebook adds or changes; an inherited total is blamed where it was declared.
      const own = levies.filter((levy) => levy.rulebook === this.rulebook.name && levy.file === this.rulebook.file);
      const blamed = (own.length > 0 ? own : levies)[(own.length > 0 ? own : levies).length - 1]!;
      const parts = levies.map((levy) => `${levy.name} ${levy.decl.rate.text}%`).join(' + ');
      const total = levies.reduce((sum, levy) => sum + Number(levy.decl.rate.text), 0);
      this.state.sink.error(
        blamed.file,
        'dsl.levy_over_100',
        blamed.decl.rate.span,
        `levies on '${trigger}' in rulebook '${this.rulebook.name}' add up to more than 100%: ${parts} = ${Number(total.toFixed(10))}%`,
      );
    }
  }

  private checkCondition(expr: Expr, env: CheckEnv, what: string): void {
    const type = this.checkExpr(expr, env);
    if (type.kind !== 'bool' && type.kind !== 'unknown') {
      this.error(env, 'dsl.type_mismatch', expr.span, `${what} must be bool, got ${typeToString(type)}`);
    }
  }

  private checkExpr(expr: Expr, env: CheckEnv): StaticType {
    const type = this.inferExpr(expr, env);
    this.state.types.set(expr, type);
    return type;
  }

  private inferExpr(expr: Expr, env: CheckEnv): StaticType {
    switch (expr.kind) {
      case 'Number':
      case 'Percent':
        return NUMBER;
      case 'String':
        return STRING;
      case 'Date':
        return DATE;
      case 'Boolean':
        return BOOL;
      case 'None':
        return NONE;
      case 'List': {
        let element: StaticType = UNKNOWN;
        for (const item of expr.items) {
          const type = this.checkExpr(item, env);
          if (!isCompatible(element, type)) {
            this.error(env, 'dsl.type_mismatch', item.span, `list items must have one type: ${typeToString(type)} among ${typeToString(element)}`);
          } else if (element.kind === 'unknown' || element.kind === 'none') element = type;
        }
        return listOf(element);
      }
      case 'Name':
        return this.checkName(expr, env);
      case 'Member':
        return this.checkMember(expr, env);
      case 'Call':
        return this.checkCall(expr, env);
      case 'Unary': {
        const type = this.checkExpr(expr.operand, env);
        const wanted = expr.operator === 'not' ? BOOL : NUMBER;
        if (type.kind !== 'unknown' && type.kind !== wanted.kind) {
          this.error(env, 'dsl.type_mismatch', expr.operand.span, `'${expr.operator}' needs ${typeToString(wanted)}, got ${typeToString(type)}`);
        }
        return wanted;
      }
      case 'Binary':
        return this.checkBinary(expr, env);
    }
  }

  private checkBinary(expr: BinaryExpr, env: CheckEnv): StaticType {
    const left = this.checkExpr(expr.left, env);
    const right = this.checkExpr(expr.right, env);
    const op = expr.operator;
    const mismatch = (message: string): void => this.error(env, 'dsl.type_mismatch', expr.span, message);
    switch (op) {
      case 'and':
      case 'or':
        for (const [side, type] of [[expr.left, left], [expr.right, right]] as const) {
          if (type.kind !== 'bool' && type.kind !== 'unknown') {
            this.error(env, 'dsl.type_mismatch', side.span, `operands of '${op}' must be bool, got ${typeToString(type)}`);
          }
        }
        return BOOL;
      case '==':
      case '!=':
        if (!isCompatible(left, right)) mismatch(`cannot compare ${typeToString(left)} with ${typeToString(right)}`);
        return BOOL;
      case '<':
      case '<=':
      case '>':
      case '>=': {
        const orderable = (type: StaticType): boolean => ['number', 'date', 'string', 'unknown'].includes(type.kind);
        if (left.kind === 'none' || right.kind === 'none') mismatch(`'${op}' cannot order none: the check would always fail`);
        else if (!orderable(left) || !orderable(right)) mismatch(`'${op}' needs numbers, dates or strings, got ${typeToString(left)} and ${typeToString(right)}`);
        else if (!isCompatible(left, right)) mismatch(`cannot compare ${typeToString(left)} with ${typeToString(right)}`);
        return BOOL;
      }
      case 'in':
      case 'not in':
        if (right.kind === 'unknown') return BOOL;
        if (right.kind !== 'list') {
          this.error(env, 'dsl.type_mismatch', expr.right.span, `'${op}' needs a list on its right, got ${typeToString(right)}`);
        } else if (!isCompatible(left, right.element)) {
          mismatch(`cannot look for ${typeToString(left)} in ${typeToString(right)}`);
        }
        return BOOL;
      case '+':
      case '-':
      case '*':
      case '/':
        for (const [side, type] of [[expr.left, left], [expr.right, right]] as const) {
          if (type.kind !== 'number' && type.kind !== 'unknown') {
            this.error(env, 'dsl.type_mismatch', side.span, `arithmetic '${op}' needs numbers, got ${typeToString(type)}`);
          }
        }
        return NUMBER;
    }
  }

  private checkName(expr: NameExpr, env: CheckEnv): StaticType {
    const name = expr.name;
    const root = findContextRoot(name);
    if (root) {
      const type = recordOf(root.record);
      this.reference(env, expr.span, { kind: 'root', name, root }, type);
      this.requireAvailable(env, expr.span, { what: name, triggers: root.triggers, code: 'dsl.unknown_name' });
      return type;
    }
    const member = this.rulebook.lets.get(name);
    if (member) {
      this.state.usedLets.add(member.decl);
      const state = this.letState(name, env, expr.span);
      const type = state === 'checking' ? UNKNOWN : state.type;
      this.reference(env, expr.span, { kind: 'let', name, rulebook: member.rulebook, file: member.file, span: member.decl.name.span, decl: member.decl }, type);
      if (state !== 'checking') {
        for (const requirement of state.requirements) this.requireAvailable(env, expr.span, requirement, name);
      }
      return type;
    }
    if (findBuiltinFunction(name)) {
      this.error(env, 'dsl.type_mismatch', expr.span, `'${name}' is a function: call it as ${name}(…)`);
      return UNKNOWN;
    }
    const suggestions = suggestNames(name, [...CONTEXT_ROOTS.map((r) => r.name), ...this.rulebook.lets.keys()]);
    this.error(env, 'dsl.unknown_name', expr.span, `unknown name '${name}'${didYouMean(suggestions)}`, suggestions);
    return UNKNOWN;
  }

  private checkMember(expr: MemberExpr, env: CheckEnv): StaticType {
    const object = this.checkExpr(expr.object, env);
    const name = expr.field.name;
    if (object.kind === 'unknown') return UNKNOWN;
    if (object.kind === 'none') return NONE;
    if (object.kind !== 'record') {
      this.error(env, 'dsl.unknown_field', expr.field.span, `${typeToString(object)} has no field '${name}'`);
      return UNKNOWN;
    }
    const field = findContextField(object.record, name);
    if (!field) {
      const suggestions = suggestNames(name, RECORD_FIELDS[object.record].map((f) => f.name));
      this.error(env, 'dsl.unknown_field', expr.field.span, `${object.record} has no field '${name}'${didYouMean(suggestions)}`, suggestions);
      return UNKNOWN;
    }
    this.reference(env, expr.field.span, { kind: 'field', name, record: object.record, field }, field.type);
    if (field.triggers) {
      this.requireAvailable(env, expr.field.span, { what: `${object.record}.${name}`, triggers: field.triggers, code: 'dsl.unknown_field' });
    }
    return field.type;
  }

  private checkCall(expr: CallExpr, env: CheckEnv): StaticType {
    const name = expr.callee.name;
    const argTypes = expr.args.map((arg) => this.checkExpr(arg, env));
    const fn = findBuiltinFunction(name);
    if (!fn) {
      if (findContextRoot(name) || this.rulebook.lets.has(name)) {
        this.error(env, 'dsl.type_mismatch', expr.callee.span, `'${name}' is not a function`);
      } else {
        const suggestions = suggestNames(name, BUILTIN_FUNCTIONS.map((f) => f.name));
        this.error(env, 'dsl.unknown_name', expr.callee.span, `unknown function '${name}'${didYouMean(suggestions)}`, suggestions);
      }
      return UNKNOWN;
    }
    this.reference(env, expr.callee.span, { kind: 'function', name, fn }, fn.returns);
    if (expr.args.length !== fn.parameters.length) {
      const signature = `${name}(${fn.parameters.map((p) => p.name).join(', ')})`;
      this.error(env, 'dsl.type_mismatch', expr.span, `${signature} takes ${fn.parameters.length} argument${fn.parameters.length === 1 ? '' : 's'}, got ${expr.args.length}`);
      return fn.returns.kind === 'unknown' ? UNKNOWN : fn.returns;
    }
    fn.parameters.forEach((parameter, index) => {
      const actual = argTypes[index]!;
      if (!parameter.types.some((wanted) => isAssignable(actual, wanted))) {
        this.error(
          env,
          'dsl.type_mismatch',
          expr.args[index]!.span,
          `argument '${parameter.name}' of ${name} must be ${parameter.types.map(typeToString).join(' or ')}, got ${typeToString(actual)}`,
        );
      }
    });
    if (name === 'min' || name === 'max') {
      const [a, b] = argTypes as [StaticType, StaticType];
      if (!isCompatible(a, b)) {
        this.error(env, 'dsl.type_mismatch', expr.span, `${name} needs two values of one type, got ${typeToString(a)} and ${typeToString(b)}`);
        return UNKNOWN;
      }
      return a.kind === 'number' || a.kind === 'date' ? a : b.kind === 'number' || b.kind === 'date' ? b : UNKNOWN;
    }
    return fn.returns;
  }

  /** The type and context needs of a let, checked once per rulebook; a let reached again while checked is a cycle. */
  private letState(name: string, env?: CheckEnv, useSpan?: Span): LetState {
    const known = this.letStates.get(name);
    if (known === 'checking') {
      if (env && useSpan) {
        const cycle = [...this.letStack.slice(this.letStack.indexOf(name)), name].join(' → ');
        this.error(env, 'dsl.let_cycle', useSpan, `let '${name}' depends on itself: ${cycle}`);
      }
      return known;
    }
    if (known) return known;
    const member = this.rulebook.lets.get(name)!;
    this.letStates.set(name, 'checking');
    this.letStack.push(name);
    const body: CheckEnv = { file: member.file, triggers: null, requirements: [] };
    const type = this.checkExpr(member.decl.value, body);
    this.letStack.pop();
    const state = { type, requirements: body.requirements };
    this.letStates.set(name, state);
    return state;
  }

  private requireAvailable(env: CheckEnv, span: Span, requirement: Requirement, viaLet?: string): void {
    if (env.triggers === null) {
      env.requirements.push(requirement);
      return;
    }
    const missing = env.triggers.find((trigger) => !requirement.triggers.includes(trigger));
    if (!missing) return;
    let message: string;
    if (viaLet) message = `let '${viaLet}' uses ${requirement.what}, which is not available at trigger '${missing}'`;
    else if (requirement.code === 'dsl.unknown_name') message = `'${requirement.what}' is not available at trigger '${missing}'`;
    else {
      const [record, field] = requirement.what.split('.');
      message = `${record} has no field '${field}' at trigger '${missing}' (only at ${requirement.triggers.join(', ')})`;
    }
    this.error(env, requirement.code, span, message);
  }

  private warnIfUnreachable(where: Expr, file: string, owner: string): void {
    if (!isConstantFalse(where, this.expressionCompiler(), this.state.files.get(file)?.text ?? '')) return;
    this.state.sink.warning(file, 'dsl.unreachable', where.span, `${owner} never applies: its where is always false`, { kind: 'remove' });
  }

  private expressionCompiler(): ExpressionCompiler {
    if (!this.compiler) {
      const bindings = new Map<string, LetBinding>();
      for (const [name, member] of this.rulebook.lets) bindings.set(name, { decl: member.decl, text: this.state.files.get(member.file)?.text ?? '' });
      this.compiler = new ExpressionCompiler(bindings);
    }
    return this.compiler;
  }

  private reference(env: CheckEnv, span: Span, target: SymbolReference['target'], type: StaticType): void {
    this.state.references.push({ file: env.file, span, isDeclaration: false, target, type });
  }

  private error(env: CheckEnv, code: DiagnosticCode, span: Span, message: string, suggestions?: readonly string[]): void {
    this.state.sink.error(env.file, code, span, message, suggestions && suggestions.length > 0 ? { kind: 'replace', suggestions } : undefined);
  }
}

/** Thrown by the constant context the moment an expression reads the ledger: it is not a constant. */
class NotConstant extends Error {}

const notConstant = (): never => {
  throw new NotConstant();
};

const CONSTANT_CONTEXT: EvalContext = {
  trigger: 'issuance',
  root: notConstant,
  party: notConstant,
  holdings: notConstant,
  issued: notConstant,
  firstTransferred: notConstant,
  used: notConstant,
  acquired: notConstant,
  inventory: notConstant,
  authorizedTotal: notConstant,
};

/** Whether `where` is false whatever the event (`dsl.unreachable`): it is evaluated with a context that refuses every read. */
function isConstantFalse(where: Expr, compiler: ExpressionCompiler, text: string): boolean {
  try {
    return compiler.compile(where, text, false)(new EvalScope(CONSTANT_CONTEXT)) === false;
  } catch (error) {
    if (error instanceof NotConstant) return false;
    throw error;
  }
}
