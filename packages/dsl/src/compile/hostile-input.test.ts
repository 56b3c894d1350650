import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KEYWORDS, type Expr } from '../ast/ast.ts';
import { checkProgram } from '../check/check-program.ts';
import { memorySourceHost } from '../program/source-host.ts';
import { ExpressionCompiler } from './compile-expression.ts';
import { DateValue, type Value } from './compiled-rulebook.ts';
import { EvalScope } from './eval-scope.ts';
import { FakeEvalContext, FakeRecord } from './fake-eval-context.test-support.ts';
import { loadRulebook } from './load-rulebook.ts';
import { isStuck } from './stuck.ts';

/**
 * No user text is ever executed, and member access never reaches JS prototype properties: rulebooks come
 * from other Parties' negotiators and are replayed by auditors, so they are untrusted input.
 */

const CANARY = '__a6_pwned';
const PAYLOADS = [
  '${globalThis.__a6_pwned = 1}',
  '`; globalThis.__a6_pwned = 1; `',
  '"); globalThis.__a6_pwned = 1; ("',
  "constructor.constructor('globalThis.__a6_pwned = 1')()",
  '__proto__',
  'constructor',
  '{{}}',
  '\\',
  "'",
];
const PROTOTYPE_NAMES = ['__proto__', 'constructor', 'prototype', 'tostring', 'valueof', 'hasownproperty', '__definegetter__', 'isprototypeof', 'eval', 'globalthis', 'process', 'this'];
const RESERVED = new Set<string>([...KEYWORDS, 'event', 'unit', 'activity', 'authorization']);

const identifier = fc
  .oneof(fc.constantFrom(...PROTOTYPE_NAMES), fc.stringMatching(/^[a-z_][a-z0-9_]{0,12}$/))
  .filter((name) => !RESERVED.has(name));

const hostileText = fc.oneof(
  fc.constantFrom(...PAYLOADS),
  fc.string({ unit: fc.constantFrom('a', 'Z', ' ', '"', '\\', '`', '$', '{', '}', "'", '(', ')', ';', '\n', 'é', '✓'), maxLength: 24 }),
  fc.tuple(fc.constantFrom(...PAYLOADS), fc.string({ maxLength: 8 })).map(([a, b]) => a + b),
);

/** A string literal's source: only `"`, `\` and line ends need escaping (docs/language.md, Lexical). */
const stringLiteral = (text: string) => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
/** An else message's source: braces doubled so none of them opens a hole. */
const messageLiteral = (text: string) => stringLiteral(text.replace(/\{/g, '{{').replace(/\}/g, '}}'));

describe('hostile rulebook text', () => {
  it('identifiers, strings and else messages are data, never code or prototype keys', () => {
    fc.assert(
      fc.property(identifier, identifier, hostileText, hostileText, hostileText, (letName, ruleName, held, wanted, message) => {
        const source = [
          'rulebook hostile {',
          `  let ${letName} = ${stringLiteral(held)}`,
          `  rule ${ruleName} on use {`,
          `    require ${letName} == ${stringLiteral(wanted)} else ${messageLiteral(message)}`,
          `    expect ${letName} != ${stringLiteral(wanted)}`,
          '  }',
          '}',
        ].join('\n');
        const loaded = loadRulebook(memorySourceHost({ 'h.a6': source }), 'h.a6');
        if (!loaded.ok) throw new Error(`${source}\n${loaded.diagnostics.map((d) => d.message).join('\n')}`);
        const failures = loaded.rulebook.rules[0]!.evaluate(new FakeEvalContext());
        expect((globalThis as Record<string, unknown>)[CANARY]).toBeUndefined();
        expect(loaded.rulebook.rules[0]!.name).toBe(ruleName);
        const [failure] = failures;
        expect(failures).toHaveLength(1);
        if (held === wanted) {
          expect(failure!.mode).toBe('expect');
        } else {
          expect(failure!.code).toBe(`rule.${ruleName}`);
          expect(failure!.message).toBe(message);
          const values = failure!.values;
          expect(Object.getPrototypeOf(values)).toBe(Object.prototype);
          expect(Object.hasOwn(values, letName)).toBe(true);
          expect(values[letName]).toBe(held);
          expect(values[stringLiteral(wanted)]).toBe(wanted);
          expect(Object.keys(values).sort()).toEqual([letName, stringLiteral(wanted)].sort());
        }
      }),
      { numRuns: 150 },
    );
  });

  it('field names that are JS prototype properties are unknown fields to the checker', () => {
    const { diagnostics } = checkProgram(
      memorySourceHost({ 'h.a6': 'rulebook h { rule r on use { require unit.constructor == none and unit.__proto__ == none and unit.tostring == none } }' }),
      ['h.a6'],
    );
    expect(diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([
      "dsl.unknown_field unit has no field 'constructor'",
      "dsl.unknown_field unit has no field '__proto__'",
      "dsl.unknown_field unit has no field 'tostring'",
    ]);
  });

  it('member access at run time only asks RecordValue.field, never a JS property of any value', () => {
    const span = { start: 0, end: 0 };
    const fieldName = fc.oneof(
      fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'iso', 'length', 'field', 'id', 'reads', 'fields', 'then'),
      fc.string({ maxLength: 10 }),
    );
    const target = fc.constantFrom<() => Value>(
      () => 'text',
      () => 12,
      () => true,
      () => ['a', 'b'],
      () => new DateValue('2021-01-01'),
      () => new FakeRecord('R', { vintage: 2021 }),
    );
    fc.assert(
      fc.property(fieldName, target, (name, makeTarget) => {
        const member: Expr = { kind: 'Member', object: { kind: 'Name', name: 'unit', span }, field: { kind: 'Identifier', name, span }, span };
        const value = makeTarget();
        const result = new ExpressionCompiler(new Map()).compile(member, 'unit.x')(new EvalScope(new FakeEvalContext({ roots: { unit: value } })));
        if (value instanceof FakeRecord) expect(result).toBe(name === 'vintage' ? 2021 : null);
        else expect(isStuck(result)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
