import type { BinaryExpr, CallExpr, Expr, LetDecl, MemberExpr, NameExpr, UnaryExpr } from '../ast/ast.ts';
import { DateValue, RecordValue, type RootName, type Value } from './compiled-rulebook.ts';
import { EvalScope } from './eval-scope.ts';
import { describeKind, renderValue, valuesEqual } from './runtime-values.ts';
import { isStuck, Stuck } from './stuck.ts';

/** A compiled expression: a closure over the AST, never generated code (no `eval`, no `new Function`). */
export type Evaluator = (scope: EvalScope) => Value | Stuck;

/** A let in force, with the text of the file that declares it (operands are named by their source text). */
export interface LetBinding {
  readonly decl: LetDecl;
  readonly text: string;
}

const ROOT_NAMES: ReadonlySet<string> = new Set<RootName>(['event', 'unit', 'activity', 'authorization']);

/**
 * Compiles expressions of one rulebook (docs/language.md, "What the options mean"): short-circuit `and`/`or`, member access on
 * none yields none, and fail closed — none in arithmetic, ordering or `in`, division by zero and
 * non-boolean conditions give a `Stuck` naming the missing value. Lets are looked up in the rulebook's
 * effective table, so a child's let replaces the parent's even inside inherited rules.
 */
export class ExpressionCompiler {
  private readonly compiledLets = new Map<string, Evaluator>();

  constructor(private readonly lets: ReadonlyMap<string, LetBinding>) {}

  /** `text` is the file the expression comes from; `record` says whether its own value is an operand to explain. */
  compile(expr: Expr, text: string, record = true): Evaluator {
    const source = text.slice(expr.span.start, expr.span.end);
    switch (expr.kind) {
      case 'Number':
      case 'Percent':
      case 'String':
      case 'Boolean':
      case 'None':
      case 'Date': {
        const value: Value =
          expr.kind === 'None' ? null : expr.kind === 'Date' ? new DateValue(expr.value) : expr.value;
        return record ? (scope) => (scope.record(source, value, true), value) : () => value;
      }
      case 'List': {
        const items = expr.items.map((item) => this.compile(item, text, false));
        const literal = expr.items.every((item) => item.kind !== 'Name' && item.kind !== 'Member' && item.kind !== 'Call');
        return (scope) => {
          const values: Value[] = [];
          for (const item of items) {
            const value = item(scope);
            if (isStuck(value)) return value;
            values.push(value);
          }
          if (record) scope.record(source, values, literal);
          return values;
        };
      }
      case 'Name':
        return this.compileName(expr, source, record);
      case 'Member':
        return this.compileMember(expr, text, source, record);
      case 'Call':
        return this.compileCall(expr, text, source, record);
      case 'Unary':
        return this.compileUnary(expr, text);
      case 'Binary':
        return this.compileBinary(expr, text);
    }
  }

  private compileName(expr: NameExpr, source: string, record: boolean): Evaluator {
    const name = expr.name;
    let read: Evaluator;
    if (ROOT_NAMES.has(name)) {
      const root = name as RootName;
      read = (scope) => normalize(scope.context.root(root));
    } else if (this.lets.has(name)) {
      read = (scope) => this.evaluateLet(name, scope);
    } else {
      read = () => new Stuck(`unknown name '${name}'`);
    }
    if (!record) return read;
    return (scope) => {
      const value = read(scope);
      if (!isStuck(value)) scope.record(source, value, false);
      return value;
    };
  }

  private evaluateLet(name: string, scope: EvalScope): Value | Stuck {
    const cached = scope.letValues.get(name);
    if (cached !== undefined) return cached;
    if (scope.letsInProgress.has(name)) return new Stuck(`let '${name}' depends on itself`);
    let evaluator = this.compiledLets.get(name);
    if (!evaluator) {
      const binding = this.lets.get(name)!;
      evaluator = this.compile(binding.decl.value, binding.text, false);
      this.compiledLets.set(name, evaluator);
    }
    // The operands inside a let's body are not operands of the failing check: the let is named instead.
    const recorder = scope.recorder;
    scope.recorder = null;
    scope.letsInProgress.add(name);
    const value = evaluator(scope);
    scope.letsInProgress.delete(name);
    scope.recorder = recorder;
    scope.letValues.set(name, value);
    return value;
  }

  private compileMember(expr: MemberExpr, text: string, source: string, record: boolean): Evaluator {
    const object = this.compile(expr.object, text, false);
    const objectSource = text.slice(expr.object.span.start, expr.object.span.end);
    const field = expr.field.name;
    return (scope) => {
      const target = object(scope);
      if (isStuck(target)) return target;
      let value: Value | Stuck;
      if (target === null) value = null;
      // Only a RecordValue answers field names; no user text ever indexes a JS object or prototype.
      else if (target instanceof RecordValue) value = normalize(target.field(field));
      else value = new Stuck(`${objectSource} is ${describeKind(target)}, which has no field '${field}'`);
      if (record && !isStuck(value)) scope.record(source, value, false);
      return value;
    };
  }

  private compileCall(expr: CallExpr, text: string, source: string, record: boolean): Evaluator {
    const args = expr.args.map((arg) => this.compile(arg, text, true));
    const argSources = expr.args.map((arg) => text.slice(arg.span.start, arg.span.end));
    const implementation = BUILTINS.get(expr.callee.name);
    const name = expr.callee.name;
    return (scope) => {
      if (!implementation) return new Stuck(`unknown function '${name}'`);
      if (args.length !== implementation.arity) return new Stuck(`${name} takes ${implementation.arity} argument(s)`);
      const values: Value[] = [];
      for (const arg of args) {
        const value = arg(scope);
        if (isStuck(value)) return value;
        values.push(value);
      }
      const value = implementation.call(scope, values, argSources);
      if (record && !isStuck(value)) scope.record(source, value, false);
      return value;
    };
  }

  private compileUnary(expr: UnaryExpr, text: string): Evaluator {
    const operand = this.compile(expr.operand, text);
    const operandSource = text.slice(expr.operand.span.start, expr.operand.span.end);
    if (expr.operator === 'not') {
      return (scope) => {
        const value = operand(scope);
        if (isStuck(value)) return value;
        if (typeof value === 'boolean') return !value;
        return new Stuck(`${operandSource} is ${renderNotBool(value)}`);
      };
    }
    return (scope) => {
      const value = operand(scope);
      if (isStuck(value)) return value;
      if (typeof value === 'number') return -value;
      return new Stuck(`${operandSource} is ${renderNotNumber(value)}`);
    };
  }

  private compileBinary(expr: BinaryExpr, text: string): Evaluator {
    const left = this.compile(expr.left, text);
    const right = this.compile(expr.right, text);
    const leftSource = text.slice(expr.left.span.start, expr.left.span.end);
    const rightSource = text.slice(expr.right.span.start, expr.right.span.end);
    const operator = expr.operator;
    // Every operator but and/or evaluates both sides first; a stuck side (fail closed) decides.
    const bothOperands =
      (combine: (a: Value, b: Value) => Value | Stuck): Evaluator =>
      (scope) => {
        const a = left(scope);
        if (isStuck(a)) return a;
        const b = right(scope);
        if (isStuck(b)) return b;
        return combine(a, b);
      };
    switch (operator) {
      case 'and':
      case 'or': {
        // Short circuit (docs/language.md): the right side runs only when the left does not decide.
        const decisive = operator === 'or';
        return (scope) => {
          const a = left(scope);
          if (isStuck(a)) return a;
          if (typeof a !== 'boolean') return new Stuck(`${leftSource} is ${renderNotBool(a)}`);
          if (a === decisive) return a;
          const b = right(scope);
          if (isStuck(b)) return b;
          if (typeof b !== 'boolean') return new Stuck(`${rightSource} is ${renderNotBool(b)}`);
          return b;
        };
      }
      case '==':
      case '!=': {
        const equal = operator === '==';
        return bothOperands((a, b) => valuesEqual(a, b) === equal);
      }
      case '<':
      case '<=':
      case '>':
      case '>=':
        return bothOperands((a, b) => {
          if (a === null) return new Stuck(`${leftSource} is none`);
          if (b === null) return new Stuck(`${rightSource} is none`);
          const order = compareOrdered(a, b);
          if (order === undefined) return new Stuck(`cannot order ${leftSource} (${describeKind(a)}) and ${rightSource} (${describeKind(b)})`);
          switch (operator) {
            case '<':
              return order < 0;
            case '<=':
              return order <= 0;
            case '>':
              return order > 0;
            case '>=':
              return order >= 0;
          }
        });
      case 'in':
      case 'not in': {
        const wanted = operator === 'in';
        return bothOperands((a, b) => {
          if (a === null) return new Stuck(`${leftSource} is none`);
          if (b === null) return new Stuck(`${rightSource} is none`);
          if (!Array.isArray(b)) return new Stuck(`${rightSource} is ${describeKind(b)}, not a list`);
          return (b as readonly Value[]).some((item) => valuesEqual(a, item)) === wanted;
        });
      }
      case '+':
      case '-':
      case '*':
      case '/':
        return bothOperands((a, b) => {
          if (typeof a !== 'number') return new Stuck(`${leftSource} is ${renderNotNumber(a)}`);
          if (typeof b !== 'number') return new Stuck(`${rightSource} is ${renderNotNumber(b)}`);
          switch (operator) {
            case '+':
              return a + b;
            case '-':
              return a - b;
            case '*':
              return a * b;
            case '/':
              return b === 0 ? new Stuck(`division by zero: ${rightSource} is 0`) : a / b;
          }
        });
    }
  }
}

interface BuiltinImplementation {
  readonly arity: number;
  call(scope: EvalScope, args: readonly Value[], sources: readonly string[]): Value | Stuck;
}

/** An id argument: a string, or a record standing for its id (`holdings(unit.holder)`). */
function idArgument(value: Value, source: string): string | Stuck {
  if (typeof value === 'string') return value;
  if (value instanceof RecordValue && value.id !== null) return value.id;
  return new Stuck(`${source} is ${value === null ? 'none' : describeKind(value)}`);
}

function numberArgument(value: Value, source: string): number | Stuck {
  return typeof value === 'number' ? value : new Stuck(`${source} is ${renderNotNumber(value)}`);
}

const byId = (call: (scope: EvalScope, id: string) => Value): BuiltinImplementation => ({
  arity: 1,
  call: (scope, [value], [source]) => {
    const id = idArgument(value ?? null, source ?? '');
    return isStuck(id) ? id : call(scope, id);
  },
});

const byPartyYear = (call: (scope: EvalScope, party: string, year: number) => Value): BuiltinImplementation => ({
  arity: 2,
  call: (scope, [partyValue, yearValue], [partySource, yearSource]) => {
    const party = idArgument(partyValue ?? null, partySource ?? '');
    if (isStuck(party)) return party;
    const year = numberArgument(yearValue ?? null, yearSource ?? '');
    return isStuck(year) ? year : call(scope, party, year);
  },
});

const extreme = (pickFirst: (order: number) => boolean): BuiltinImplementation => ({
  arity: 2,
  call: (_scope, [a = null, b = null], [aSource, bSource]) => {
    if (a === null) return new Stuck(`${aSource} is none`);
    if (b === null) return new Stuck(`${bSource} is none`);
    const order = compareOrdered(a, b);
    if (order === undefined) return new Stuck(`cannot compare ${aSource} and ${bSource}`);
    return pickFirst(order) ? a : b;
  },
});

/** Built-ins by name, in a Map: a rulebook's identifier never reaches an object property lookup. */
const BUILTINS = new Map<string, BuiltinImplementation>([
  [
    'party',
    {
      arity: 1,
      // Looking a Party up is like member access: an unknown code gives none, which fails closed where used.
      call: (scope, [code = null], [source]) => {
        if (code === null) return null;
        const id = idArgument(code, source ?? '');
        return isStuck(id) ? id : normalize(scope.context.party(id));
      },
    },
  ],
  ['holdings', byId((scope, id) => scope.context.holdings(id))],
  ['issued', byId((scope, id) => scope.context.issued(id))],
  ['authorized_total', byId((scope, id) => scope.context.authorizedTotal(id))],
  ['first_transferred', byPartyYear((scope, party, year) => scope.context.firstTransferred(party, year))],
  ['used', byPartyYear((scope, party, year) => scope.context.used(party, year))],
  ['acquired', byPartyYear((scope, party, year) => scope.context.acquired(party, year))],
  ['inventory', byPartyYear((scope, party, year) => scope.context.inventory(party, year) ?? null)],
  [
    'len',
    {
      arity: 1,
      call: (_scope, [value = null], [source]) => {
        if (Array.isArray(value)) return value.length;
        if (typeof value === 'string') return value.length;
        return new Stuck(`${source} is ${value === null ? 'none' : describeKind(value)}, not a list`);
      },
    },
  ],
  ['min', extreme((order) => order <= 0)],
  ['max', extreme((order) => order >= 0)],
  [
    'abs',
    {
      arity: 1,
      call: (_scope, [value = null], [source]) => {
        const x = numberArgument(value, source ?? '');
        return isStuck(x) ? x : Math.abs(x);
      },
    },
  ],
  [
    'year',
    {
      arity: 1,
      call: (_scope, [value = null], [source]) => {
        if (value instanceof DateValue) return Number(value.iso.slice(0, 4));
        return new Stuck(`${source} is ${value === null ? 'none' : describeKind(value)}, not a date`);
      },
    },
  ],
]);

/** Orders two numbers, two dates or two strings; `undefined` for anything else. */
function compareOrdered(a: Value, b: Value): number | undefined {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (a instanceof DateValue && b instanceof DateValue) return a.iso < b.iso ? -1 : a.iso > b.iso ? 1 : 0;
  return undefined;
}

/** A ledger answer of `undefined` (an absent fact) is none. */
function normalize(value: Value | undefined): Value {
  return value === undefined ? null : value;
}

function renderNotBool(value: Value): string {
  return value === null ? 'none' : `${renderValue(value)}, not true or false`;
}

function renderNotNumber(value: Value): string {
  return value === null ? 'none' : `${describeKind(value)}, not a number`;
}
