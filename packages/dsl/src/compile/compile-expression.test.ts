import { describe, expect, it } from 'vitest';
import type { Trigger } from '../ast/ast.ts';
import { formatDiagnostic } from '../diagnostics/diagnostic.ts';
import { memorySourceHost } from '../program/source-host.ts';
import type { CheckFailure } from './compiled-rulebook.ts';
import { date, FakeAccount, FakeActivity, FakeEvalContext, FakeRecord, type FakeState } from './fake-eval-context.test-support.ts';
import { loadRulebook } from './load-rulebook.ts';

interface Case {
  readonly condition: string;
  readonly state?: FakeState;
  readonly trigger?: Trigger;
  readonly lets?: string;
  readonly message?: string;
  readonly mode?: 'require' | 'expect';
}

/** Compiles `rule r on TRIGGER { require CONDITION else MESSAGE }` and evaluates it on a fake context. */
function run({ condition, state = {}, trigger = 'use', lets = '', message, mode = 'require' }: Case): readonly CheckFailure[] {
  const source = `rulebook t {\n${lets}\n  rule r on ${trigger} {\n    ${mode} ${condition}${message === undefined ? '' : ` else ${message}`}\n  }\n}\n`;
  const loaded = loadRulebook(memorySourceHost({ 't.a6': source }), 't.a6');
  if (!loaded.ok) throw new Error(loaded.diagnostics.map(formatDiagnostic).join('\n'));
  const [rule] = loaded.rulebook.rulesFor(trigger);
  return rule!.evaluate(new FakeEvalContext({ trigger, ...state }));
}

/** The one failure of a case (or null when it passes), without the fixed parts. */
function failure(testCase: Case): { message: string; values: Record<string, unknown> } | null {
  const failures = run(testCase);
  if (failures.length === 0) return null;
  expect(failures).toHaveLength(1);
  const [first] = failures;
  return { message: first!.message, values: { ...first!.values } };
}

const passes = (testCase: Case) => run(testCase).length === 0;

const unit = (fields: Record<string, unknown>) => ({ roots: { unit: new FakeRecord('B:1-10', fields as never) } });

describe('operators', () => {
  it('arithmetic with precedence', () => {
    expect(passes({ condition: 'unit.quantity * 2 + 1 == 21', ...{ state: unit({ quantity: 10 }) } })).toBe(true);
    expect(passes({ condition: '10 - 4 / 2 == 8 and -unit.quantity == -10', state: unit({ quantity: 10 }) })).toBe(true);
    expect(passes({ condition: 'event.quantity * 5% == 5', state: { roots: { event: new FakeRecord('e1', { quantity: 100 }) } } })).toBe(true);
  });

  it('comparisons of numbers, dates and strings', () => {
    const state = unit({ vintage: 2021, issued_on: date('2023-03-01'), type: 'ITMO' });
    for (const condition of [
      'unit.vintage >= 2021',
      'unit.vintage > 2020',
      'unit.vintage <= 2021',
      'unit.vintage < 2022',
      'unit.vintage == 2021',
      'unit.vintage != 2020',
      'unit.issued_on > 2023-02-28',
      'unit.issued_on == 2023-03-01',
      'unit.type < "VCU"',
    ]) {
      expect([condition, passes({ condition, state })]).toEqual([condition, true]);
    }
    expect(passes({ condition: 'unit.vintage > 2021', state })).toBe(false);
  });

  it('in and not in, on lists of literals and lists from the context', () => {
    const state = unit({ type: 'CER', purposes: ['NDC', 'OIMP'] });
    expect(passes({ condition: 'unit.type in ["CER", "VCU"]', state })).toBe(true);
    expect(passes({ condition: 'unit.type not in ["ITMO"]', state })).toBe(true);
    expect(passes({ condition: '"OIMP" in unit.purposes', state })).toBe(true);
    expect(passes({ condition: '"NDC" not in unit.purposes', state })).toBe(false);
  });

  it('equality compares records by id, dates by day, lists by items, and none like any value', () => {
    const holder = new FakeAccount('CH:a', { party: 'CHE' });
    const state = {
      roots: {
        unit: new FakeRecord('B:1-10', { holder, purposes: ['NDC'], authorization: null }),
        event: new FakeRecord('e1', { to: new FakeAccount('CH:a', {}), from: new FakeAccount('GH:b', {}) }),
      },
    };
    expect(passes({ condition: 'unit.holder == event.to and unit.holder != event.from', state, trigger: 'transfer' })).toBe(true);
    expect(passes({ condition: 'unit.purposes == ["NDC"] and unit.purposes != ["NDC", "OIMP"]', state })).toBe(true);
    expect(passes({ condition: 'unit.authorization == none and none == none and unit.purposes != none', state })).toBe(true);
  });

  it('not, and, or', () => {
    const state = unit({ authorized: true, itmo: false });
    expect(passes({ condition: 'unit.authorized and not unit.itmo', state })).toBe(true);
    expect(passes({ condition: 'unit.itmo or unit.authorized', state })).toBe(true);
    expect(passes({ condition: 'unit.itmo and unit.authorized', state })).toBe(false);
  });
});

describe('short circuit (docs/language.md, Short circuit)', () => {
  it('and does not evaluate its right side when the left is false; unevaluated operands are omitted from values', () => {
    const authorizationRecord = new FakeRecord('A1', { cap: 10 });
    const record = new FakeRecord('B:1-10', { authorization: null, quantity: 5 });
    expect(
      failure({ condition: 'unit.authorization != none and unit.authorization.cap > unit.quantity', state: { roots: { unit: record } } }),
    ).toEqual({
      message: 'require unit.authorization != none and unit.authorization.cap > unit.quantity failed: unit.authorization = none',
      values: { 'unit.authorization': null, none: null },
    });
    expect(record.reads).toEqual(['authorization']);
    expect(authorizationRecord.reads).toEqual([]);
  });

  it('or does not evaluate its right side when the left is true', () => {
    const record = new FakeRecord('B:1-10', { itmo: true });
    const context = new FakeEvalContext({ roots: { unit: record } });
    const loaded = loadRulebook(memorySourceHost({ 't.a6': 'rulebook t { rule r on use { require unit.itmo or holdings("CHE") > 0 } }' }), 't.a6');
    if (!loaded.ok) throw new Error('load failed');
    expect(loaded.rulebook.rules[0]!.evaluate(context)).toEqual([]);
    expect(context.calls).toEqual(['root(unit)']);
  });

  it('x != none and x > 1 is safe when x is none', () => {
    expect(passes({ condition: 'unit.vintage == none or unit.vintage > 1', state: unit({}) })).toBe(true);
  });

  it('member access on none yields none', () => {
    expect(passes({ condition: 'unit.authorization.cap == none', state: unit({ authorization: null }) })).toBe(true);
    expect(passes({ condition: 'party("XXX").ndc.target == none' })).toBe(true);
  });
});

describe('fail closed (docs/language.md, Fail closed)', () => {
  it('none in arithmetic', () => {
    expect(failure({ condition: 'unit.quantity + 1 > 0', state: unit({}) })).toEqual({
      message: 'require unit.quantity + 1 > 0 failed: unit.quantity is none',
      values: { 'unit.quantity': null, '1': 1 },
    });
  });

  it('none in an ordering comparison names the missing value', () => {
    expect(
      failure({
        condition: 'activity.crediting_from <= 2021-01-01',
        trigger: 'transition',
        state: { roots: { activity: new FakeActivity('CDM-1', {}) } },
      }),
    ).toEqual({
      message: 'require activity.crediting_from <= 2021-01-01 failed: activity.crediting_from is none',
      values: { 'activity.crediting_from': null, '2021-01-01': '2021-01-01' },
    });
  });

  it('none on either side of in', () => {
    expect(failure({ condition: 'unit.type in ["CER"]', state: unit({}) })?.message).toBe(
      'require unit.type in ["CER"] failed: unit.type is none',
    );
    expect(failure({ condition: '"NDC" in unit.purposes', state: unit({}) })?.message).toBe(
      'require "NDC" in unit.purposes failed: unit.purposes is none',
    );
  });

  it('a missing party NDC', () => {
    expect(
      failure({ condition: 'party(unit.host).ndc.target_year >= unit.vintage', state: { ...unit({ host: 'CHE', vintage: 2025 }), parties: { CHE: new FakeRecord('CHE', { ndc: null }) } } }),
    ).toEqual({
      message: 'require party(unit.host).ndc.target_year >= unit.vintage failed: party(unit.host).ndc.target_year is none',
      values: { 'unit.host': 'CHE', 'party(unit.host).ndc.target_year': null, 'unit.vintage': 2025 },
    });
  });

  it('division by zero', () => {
    expect(failure({ condition: '100 / unit.quantity > 1', state: unit({ quantity: 0 }) })?.message).toBe(
      'require 100 / unit.quantity > 1 failed: division by zero: unit.quantity is 0',
    );
  });

  it('a condition that is none, directly, through not, and through and/or', () => {
    const state = unit({ authorized: null, itmo: true });
    expect(failure({ condition: 'unit.authorized', state })?.message).toBe('require unit.authorized failed: unit.authorized is none');
    expect(failure({ condition: 'not unit.authorized', state })?.message).toBe('require not unit.authorized failed: unit.authorized is none');
    expect(failure({ condition: 'unit.itmo and unit.authorized', state })?.message).toBe(
      'require unit.itmo and unit.authorized failed: unit.authorized is none',
    );
    expect(failure({ condition: 'unit.authorized or true', state })?.message).toBe(
      'require unit.authorized or true failed: unit.authorized is none',
    );
  });

  it('== and != never fail', () => {
    expect(passes({ condition: 'unit.vintage != 2021', state: unit({}) })).toBe(true);
    expect(failure({ condition: 'unit.vintage == 2021', state: unit({}) })?.message).toBe(
      'require unit.vintage == 2021 failed: unit.vintage = none',
    );
  });

  it('a rule whose where cannot be evaluated applies and fails; a false where skips the rule', () => {
    const source = `rulebook t {
  rule capped on use where unit.authorization.cap > 0 { require true }
  rule findings on use where unit.vintage > 2000 { expect true }
}`;
    const loaded = loadRulebook(memorySourceHost({ 't.a6': source }), 't.a6');
    if (!loaded.ok) throw new Error('load failed');
    const [capped, findings] = loaded.rulebook.rules;
    expect(capped!.evaluate(new FakeEvalContext(unit({ authorization: null })))).toMatchInlineSnapshot(`
      [
        {
          "code": "rule.capped",
          "message": "where unit.authorization.cap > 0 failed: unit.authorization.cap is none",
          "mode": "require",
          "rule": "capped",
          "source": {
            "col": 28,
            "file": "t.a6",
            "line": 2,
          },
          "values": {
            "0": 0,
            "unit.authorization.cap": null,
          },
        },
      ]
    `);
    expect(findings!.evaluate(new FakeEvalContext(unit({ vintage: null })))[0]?.mode).toBe('expect');
    expect(findings!.evaluate(new FakeEvalContext(unit({ vintage: 1990 })))).toEqual([]);
    expect(capped!.evaluate(new FakeEvalContext(unit({ authorization: new FakeRecord('A', { cap: 5 }) })))).toEqual([]);
  });
});

describe('built-in functions call the EvalContext', () => {
  const state: FakeState = {
    roots: {
      unit: new FakeRecord('B:1-10', { holder: new FakeAccount('CH:a', {}), activity: new FakeActivity('PE-001', {}), vintage: 2022, issued_on: date('2023-03-01') }),
      authorization: new FakeRecord('PER-A1', {}),
    },
    holdings: { 'CH:a': 40, CHE: 70 },
    issued: { 'PE-001': 1000 },
    firstTransferred: { 'PER:2023': 930 },
    used: { 'SGP:2024': 300 },
    acquired: { 'SGP:2024': 500 },
    inventory: { 'PER:2022': 60000000 },
    authorizedTotal: { 'PER-A1': 930 },
    parties: { PER: new FakeRecord('PER', { name: 'Peru', groups: ['LDC'] }) },
  };
  it.each([
    'holdings(unit.holder) == 40 and holdings("CHE") == 70',
    'issued(unit.activity) == 1000 and issued("PE-001") == 1000',
    'first_transferred("PER", 2023) == 930',
    'used("SGP", 2024) == 300 and acquired("SGP", 2024) == 500',
    'inventory("PER", 2022) == 60000000 and inventory("PER", 2021) == none',
    'authorized_total(authorization) == 930 and authorized_total("PER-A1") == 930',
    'party("PER").name == "Peru" and "LDC" in party("PER").groups',
    'len(["a", "b"]) == 2 and min(3, 4) == 3 and max(3, 4) == 4 and abs(-5) == 5',
    'min(unit.issued_on, 2024-01-01) == 2023-03-01 and max(unit.issued_on, 2024-01-01) == 2024-01-01',
    'year(unit.issued_on) == 2023 and year(2021-06-30) == 2021',
  ])('%s', (condition) => {
    expect(run({ condition, state })).toEqual([]);
  });

  it('a none argument fails closed and names it', () => {
    expect(failure({ condition: 'inventory("PER", unit.vintage - 1) > 0', state })?.message).toBe(
      'require inventory("PER", unit.vintage - 1) > 0 failed: inventory("PER", unit.vintage - 1) is none',
    );
    expect(failure({ condition: 'holdings(unit.host) > 0', state })?.message).toBe('require holdings(unit.host) > 0 failed: unit.host is none');
  });
});

describe('messages and values', () => {
  const state = {
    roots: {
      unit: new FakeRecord('B:1-10', {
        serial: 'B:1-10',
        vintage: 2019,
        issued_on: date('2020-05-01'),
        purposes: ['NDC', 'OIMP'],
        holder: new FakeAccount('GH:dev', {}),
        authorization: null,
      }),
    },
  };

  it('interpolates the else text: none as none, dates ISO, lists [a, b], records by id, {{ as a brace', () => {
    expect(
      failure({
        condition: 'unit.vintage >= 2021',
        message: '"{unit.serial} ({unit.vintage}, {unit.issued_on}, {unit.purposes}, {unit.holder}, {unit.authorization}, {unit.vintage + 2}) {{not a hole}"',
        state,
      }),
    ).toEqual({
      message: 'B:1-10 (2019, 2020-05-01, [NDC, OIMP], GH:dev, none, 2021) {not a hole}',
      values: { 'unit.vintage': 2019, '2021': 2021 },
    });
  });

  it('appends the missing value to an else text when the check failed closed', () => {
    expect(failure({ condition: 'unit.authorization.cap > 0', message: '"cap exceeded"', state })?.message).toBe(
      'cap exceeded (unit.authorization.cap is none)',
    );
  });

  it('keys values by exact source text: dates YYYY-MM-DD, none null, records by id, lists as lists, lets by name', () => {
    expect(
      failure({
        lets: '  let floor = 2021',
        condition: 'unit.holder != unit.holder or unit.authorization != none or (unit.issued_on >  2021-01-01 and unit.purposes == ["NDC"]) or unit.vintage >= floor',
        state,
      }),
    ).toEqual({
      message:
        'require unit.holder != unit.holder or unit.authorization != none or (unit.issued_on > 2021-01-01 and unit.purposes == ["NDC"]) or unit.vintage >= floor failed: unit.holder = GH:dev, unit.authorization = none, unit.issued_on = 2020-05-01, unit.vintage = 2019, floor = 2021',
      values: {
        'unit.holder': 'GH:dev',
        'unit.authorization': null,
        none: null,
        'unit.issued_on': '2020-05-01',
        '2021-01-01': '2021-01-01',
        'unit.vintage': 2019,
        floor: 2021,
      },
    });
  });

  it('evaluates a let where it is used, in the context of that evaluation', () => {
    const lets = '  let big = unit.quantity > 100';
    expect(passes({ lets, condition: 'big', state: unit({ quantity: 500 }) })).toBe(true);
    expect(failure({ lets, condition: 'big', state: unit({ quantity: 5 }) })).toEqual({ message: 'require big failed: big = false', values: { big: false } });
  });

  it('reports mode, code and the source position of the failing check', () => {
    const failures = run({ condition: 'false', mode: 'expect' });
    expect(failures).toEqual([
      { rule: 'r', mode: 'expect', code: 'rule.r', message: 'expect false failed', source: { file: 't.a6', line: 4, col: 5 }, values: { false: false } },
    ]);
  });

  it('evaluates every check of a rule and returns the failures in order', () => {
    const source = 'rulebook t { rule r on use {\n  require false\n  require true\n  expect 1 > 2\n} }';
    const loaded = loadRulebook(memorySourceHost({ 't.a6': source }), 't.a6');
    if (!loaded.ok) throw new Error('load failed');
    const failures = loaded.rulebook.rules[0]!.evaluate(new FakeEvalContext());
    expect(failures.map((f) => `${f.mode}@${f.source.line}`)).toEqual(['require@2', 'expect@4']);
  });
});
