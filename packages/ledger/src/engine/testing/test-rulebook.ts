import {
  DateValue,
  RecordValue,
  defaultOptions,
  type CheckFailure,
  type CompiledLevy,
  type CompiledRule,
  type CompiledRulebook,
  type EvalContext,
  type JsonValue,
  type OptionName,
  type Rounding,
  type RootName,
  type Trigger,
  type Value,
} from '@a6/dsl';

/**
 * Test support: a `CompiledRulebook` built from options and JS closures, so engine specs do not depend
 * on the language's compiler (and can pin exactly what a rule sees). Real `.a6` sources are replayed in
 * the `*.dsl.test.ts` specs once the compiler is available.
 */

/** Reads a dotted path (`unit.authorization.cap`) from the context; member access on none is none. */
export function read(context: EvalContext, path: string): Value {
  const [root, ...fields] = path.split('.');
  let value: Value = context.root(root as RootName);
  for (const field of fields) {
    if (!(value instanceof RecordValue)) return null;
    value = value.field(field);
  }
  return value;
}

function toJson(value: Value): JsonValue {
  if (value instanceof DateValue) return value.iso;
  if (value instanceof RecordValue) return value.id;
  if (Array.isArray(value)) return value.map(toJson);
  return value as JsonValue;
}

export interface TestCheck {
  readonly mode?: 'require' | 'expect';
  /** `true` passes; `false` or anything else (none) fails closed. */
  readonly test: (context: EvalContext) => Value;
  readonly message?: string | ((context: EvalContext) => string);
  /** Paths whose values the failure records (`values`). */
  readonly values?: readonly string[];
}

export interface TestRule {
  readonly name: string;
  readonly on: readonly Trigger[];
  readonly where?: (context: EvalContext) => Value;
  readonly checks: readonly TestCheck[];
}

export interface TestLevy {
  readonly name: string;
  /** Exact percentage as written (`"5"`, `"2.5"`). */
  readonly percent: string;
  readonly rounding?: Rounding;
  readonly on: Trigger;
  readonly where?: (context: EvalContext) => Value;
  /** Levy account name (`LEVY:NAME`); absent: the levy cancels. */
  readonly to?: string;
}

export interface TestRulebookSpec {
  readonly name?: string;
  readonly options?: Partial<Record<OptionName, string>>;
  readonly levies?: readonly TestLevy[];
  readonly rules?: readonly TestRule[];
}

export function testRulebook(spec: TestRulebookSpec): CompiledRulebook {
  const file = 'test.a6';
  const rules: CompiledRule[] = (spec.rules ?? []).map((rule, ruleIndex) => compileRule(rule, file, ruleIndex));
  const levies: CompiledLevy[] = (spec.levies ?? []).map((levy, index) => compileLevy(levy, file, index));
  return {
    name: spec.name ?? 'test',
    title: null,
    cites: [],
    file,
    sha256: '0'.repeat(64),
    imports: {},
    options: { ...defaultOptions(), ...spec.options } as Record<OptionName, string>,
    levies,
    rules,
    rulesFor: (trigger) => rules.filter((rule) => rule.triggers.includes(trigger)),
    leviesFor: (trigger) => levies.filter((levy) => levy.trigger === trigger),
  };
}

function compileRule(rule: TestRule, file: string, ruleIndex: number): CompiledRule {
  const source = { file, line: 10 + ruleIndex * 10, col: 3 };
  return {
    name: rule.name,
    title: null,
    triggers: rule.on,
    source,
    evaluate(context: EvalContext): readonly CheckFailure[] {
      if (rule.where !== undefined && rule.where(context) === false) return [];
      const failures: CheckFailure[] = [];
      rule.checks.forEach((check, index) => {
        if (check.test(context) === true) return;
        const values: Record<string, JsonValue> = {};
        for (const path of check.values ?? []) values[path] = toJson(read(context, path));
        const message = typeof check.message === 'function' ? check.message(context) : (check.message ?? `rule ${rule.name} failed`);
        failures.push({
          rule: rule.name,
          mode: check.mode ?? 'require',
          code: `rule.${rule.name}`,
          message,
          source: { file, line: source.line + 1 + index, col: 5 },
          values,
        });
      });
      return failures;
    },
  };
}

function compileLevy(levy: TestLevy, file: string, index: number): CompiledLevy {
  const [whole = '0', fraction = ''] = levy.percent.split('.');
  const numerator = BigInt(whole + fraction);
  const denominator = 100n * 10n ** BigInt(fraction.length);
  const rounding = levy.rounding ?? 'down';
  return {
    name: levy.name,
    trigger: levy.on,
    rate: { numerator, denominator },
    rounding,
    destination: levy.to === undefined ? { kind: 'cancel' } : { kind: 'account', account: `LEVY:${levy.to}` },
    source: { file, line: 2 + index, col: 3 },
    applies: (context) => (levy.where === undefined ? true : levy.where(context) === true),
    amount: (quantity) => exactShare(BigInt(quantity), numerator, denominator, rounding),
  };
}

function exactShare(quantity: bigint, numerator: bigint, denominator: bigint, rounding: Rounding): number {
  const product = quantity * numerator;
  const floor = product / denominator;
  const remainder = product % denominator;
  if (remainder === 0n) return Number(floor);
  if (rounding === 'up') return Number(floor + 1n);
  if (rounding === 'nearest') return Number(remainder * 2n >= denominator ? floor + 1n : floor);
  return Number(floor);
}
