import { TRIGGERS, type Trigger } from '@a6/dsl';
import { describe, expect, it } from 'vitest';
import { history, twoParties, type HistoryRow } from './testing/history-builder.ts';
import { given } from './testing/replay-spec.ts';
import { read, testRulebook, type TestRule } from './testing/test-rulebook.ts';

/** One `expect false` rule per trigger: every firing becomes a finding that names its trigger and fragment. */
const tracer = (extra: Partial<Parameters<typeof testRulebook>[0]> = {}) =>
  testRulebook({
    ...extra,
    rules: TRIGGERS.map(
      (trigger): TestRule => ({
        name: trigger,
        on: [trigger],
        checks: [{ mode: 'expect', test: () => false, values: ['event.quantity', 'event.total', 'unit.first_transferred'] }],
      }),
    ),
  });

function firings(rows: HistoryRow[], options: Parameters<typeof testRulebook>[0]['options'] = {}) {
  const setup = twoParties();
  const result = given(history(...setup, ...rows)).when(tracer({ options }));
  return result.report.findings
    .filter((entry) => entry.seq >= setup.length)
    .map((entry) => `${entry.seq - setup.length} ${entry.rule as Trigger}${entry.unit === null ? '' : ` ${entry.unit}`}`);
}

const authorizeNdc: HistoryRow = ['AuthorizationIssued', '2022-06-01', { authorization: 'A1', party: 'PER', activity: 'PE-001', purposes: ['NDC'] }];
const issue100: HistoryRow = ['UnitsIssued', '2023-01-01', { account: 'PE-NR:dev', activity: 'PE-001', unitType: 'ITMO', block: 'B', from: 1, to: 100, vintage: 2022 }];

describe('triggers (docs/language.md Meaning: Triggers)', () => {
  it('each event type fires its trigger; international_transfer only between two different Parties', () => {
    expect(
      firings([
        ['ActivityRegistered', '2022-01-01', { activity: 'CDM-1', host: 'PER', mechanism: 'CDM' }],
        ['ActivityTransitioned', '2022-01-02', { activity: 'CDM-1', to: '6.4', requestedOn: '2022-01-02' }],
        authorizeNdc,
        issue100,
        ['AccountOpened', '2023-01-01', { account: 'PE-NR:other', kind: 'holding', holder: 'another Peruvian' }],
        ['UnitsTransferred', '2023-02-01', { from: 'PE-NR:dev', to: 'PE-NR:other', units: [{ block: 'B', from: 1, to: 10 }] }],
        ['UnitsTransferred', '2023-03-01', { from: 'PE-NR:dev', to: 'SG-NR:buyer', units: [{ block: 'B', from: 11, to: 20 }] }],
        ['UnitsUsed', '2023-04-01', { account: 'SG-NR:buyer', units: [{ block: 'B', from: 11, to: 15 }], purpose: 'NDC', by: 'SGP' }],
        ['UnitsCancelled', '2023-05-01', { account: 'SG-NR:buyer', units: [{ block: 'B', from: 16, to: 20 }], reason: 'other' }],
        ['AuthorizationRevoked', '2023-06-01', { authorization: 'A1' }],
        ['InventoryReported', '2023-07-01', { party: 'PER', year: 2022, emissions: 5 }],
      ]),
    ).toEqual([
      '0 registration',
      '1 transition',
      '2 authorization',
      '3 issuance B:1-100',
      '5 transfer B:1-10',
      '6 transfer B:11-20',
      '6 international_transfer B:11-20',
      // first_transfer.ndc = international_transfer: the units become first transferred here.
      '6 first_transfer B:11-20',
      '7 use B:11-15',
      '8 cancellation B:16-20',
      '9 revocation',
      '10 inventory',
    ]);
  });

  it('a transfer out of an account without a Party (a LEVY account) is not international', () => {
    const levied = testRulebook({ levies: [{ name: 'fund', percent: '10', on: 'issuance', to: 'fund' }] });
    const events = history(...twoParties(), issue100, ['UnitsTransferred', '2023-02-01', { from: 'LEVY:fund', to: 'SG-NR:buyer', units: [{ block: 'B', from: 1, to: 10 }] }]);
    given(events)
      .when(levied)
      .then(({ report }) => {
        expect(report.verdicts.rejected).toBe(0);
        expect(report.holdings).toEqual({ 'PE-NR:dev': { ITMO: 90 }, 'SG-NR:buyer': { ITMO: 10 } });
        expect(report.parties.SGP!.years).toEqual({});
      });
  });
});

describe('fragments (docs/language.md Meaning: Granularity)', () => {
  it('splits each listed range into maximal uniform fragments in serial order; event.quantity is the fragment, event.total the event', () => {
    const setup = twoParties();
    const rows: HistoryRow[] = [
      authorizeNdc,
      issue100,
      // 21–40 go abroad: first transferred (NDC at international transfer); 1–20 and 41–100 are not.
      ['UnitsTransferred', '2023-02-01', { from: 'PE-NR:dev', to: 'SG-NR:buyer', units: [{ block: 'B', from: 21, to: 40 }] }],
      ['UnitsTransferred', '2023-03-01', { from: 'SG-NR:buyer', to: 'PE-NR:dev', units: [{ block: 'B', from: 21, to: 40 }] }],
      // 11–50 now cross three uniform pieces: 11–20 (not first transferred), 21–40 (first transferred), 41–50.
      ['UnitsTransferred', '2023-04-01', { from: 'PE-NR:dev', to: 'CH-NR:fund', units: [{ block: 'B', from: 11, to: 50 }] }],
    ];
    const rule: TestRule = { name: 'trace', on: ['transfer'], checks: [{ mode: 'expect', test: () => false, values: ['event.quantity', 'event.total', 'unit.first_transferred', 'unit.serial'] }] };
    const result = given(history(...setup, ...rows)).when(testRulebook({ rules: [rule] }));
    const last = setup.length + rows.length - 1;
    expect(result.report.findings.filter((entry) => entry.seq === last).map((entry) => entry.values)).toEqual([
      { 'event.quantity': 10, 'event.total': 40, 'unit.first_transferred': false, 'unit.serial': 'B:11-20' },
      { 'event.quantity': 20, 'event.total': 40, 'unit.first_transferred': true, 'unit.serial': 'B:21-40' },
      { 'event.quantity': 10, 'event.total': 40, 'unit.first_transferred': false, 'unit.serial': 'B:41-50' },
    ]);
  });

  it('an event is atomic: one failing fragment rejects it whole, with one entry per failing check per fragment; its findings are dropped', () => {
    const rules: TestRule[] = [
      { name: 'note', on: ['transfer'], checks: [{ mode: 'expect', test: () => false }] },
      {
        name: 'small',
        on: ['transfer'],
        checks: [
          { test: (context) => (read(context, 'unit.quantity') as number) <= 5, message: 'too big', values: ['unit.quantity'] },
          { test: (context) => read(context, 'unit.first_transferred') === true, message: 'not first transferred', values: ['unit.first_transferred'] },
        ],
      },
    ];
    const events = history(...twoParties(), issue100, [
      'UnitsTransferred',
      '2023-02-01',
      { from: 'PE-NR:dev', to: 'PE-NR:dev', units: [{ block: 'B', from: 1, to: 3 }, { block: 'B', from: 50, to: 59 }] },
    ]);
    given(events)
      .when(testRulebook({ rules }))
      .then(({ report }) => {
        expect(report.verdicts).toEqual({ accepted: 13, rejected: 1, findings: 0 });
        expect(report.rejections.map(({ unit, code, message, source }) => ({ unit, code, message, line: source?.line }))).toEqual([
          { unit: 'B:1-3', code: 'rule.small', message: 'not first transferred', line: 22 },
          { unit: 'B:50-59', code: 'rule.small', message: 'too big', line: 21 },
          { unit: 'B:50-59', code: 'rule.small', message: 'not first transferred', line: 22 },
        ]);
        expect(report.holdings).toEqual({ 'PE-NR:dev': { ITMO: 100 } });
      });
  });

  it('rules see the state before the event (holdings, issued, authorized_total, unit.holder)', () => {
    const rule: TestRule = {
      name: 'before',
      on: ['transfer'],
      checks: [
        {
          mode: 'expect',
          test: () => false,
          message: (context) =>
            [context.holdings('PE-NR:dev'), context.holdings('SGP'), context.issued('PE-001'), context.authorizedTotal('A1'), read(context, 'unit.holder.id'), read(context, 'event.to.party')].join(' '),
        },
      ],
    };
    const events = history(...twoParties(), authorizeNdc, issue100, ['UnitsTransferred', '2023-02-01', { from: 'PE-NR:dev', to: 'SG-NR:buyer', units: [{ block: 'B', from: 1, to: 30 }] }], [
      'UnitsTransferred',
      '2023-02-02',
      { from: 'PE-NR:dev', to: 'SG-NR:buyer', units: [{ block: 'B', from: 31, to: 40 }] },
    ]);
    given(events)
      .when(testRulebook({ rules: [rule] }))
      .then(({ report }) => {
        expect(report.findings.map((entry) => entry.message)).toEqual(['100 0 100 0 PE-NR:dev SGP', '70 30 100 30 PE-NR:dev SGP']);
      });
  });
});

describe('levies (docs/language.md Meaning: Levies)', () => {
  it('take from the low end in declaration order, each on the original quantity, with its rounding, never more than left', () => {
    const rulebook = testRulebook({
      levies: [
        { name: 'half', percent: '50', on: 'issuance', rounding: 'nearest', to: 'half' }, // 50% of 7 = 3.5 → nearest 4 (units 1–4)
        { name: 'third', percent: '33.3', on: 'issuance', rounding: 'up', to: 'third' }, // 33.3% of 7 = 2.331 → up 3 (5–7)
        { name: 'rest', percent: '10', on: 'issuance', rounding: 'up' }, // 0.7 → 1, but nothing is left
      ],
    });
    const events = history(...twoParties(), ['UnitsIssued', '2023-01-01', { account: 'PE-NR:dev', activity: 'PE-001', unitType: 'VCU', block: 'B', from: 1, to: 7, vintage: 2022 }]);
    given(events)
      .when(rulebook)
      .then(({ report, outcome }) => {
        expect(report.levies).toEqual({ half: 4, third: 3, rest: 0 });
        expect(report.holdings).toEqual({ 'LEVY:half': { VCU: 4 }, 'LEVY:third': { VCU: 3 } });
        expect(outcome.state.blocks.get('B')!.units.all().map(({ from, to }) => [from, to])).toEqual([
          [1, 4],
          [5, 7],
        ]);
      });
  });

  it('a levy whose where is not true takes nothing; a levy at use cancels its share instead of using it', () => {
    const rulebook = testRulebook({
      levies: [
        { name: 'never', percent: '50', on: 'use', where: () => null, to: 'never' },
        { name: 'omge', percent: '2', rounding: 'up', on: 'use' }, // 2% of 150 = 3 cancelled (units 1–3)
      ],
    });
    const events = history(...twoParties(), issue100, ['UnitsIssued', '2023-01-01', { account: 'PE-NR:dev', activity: 'PE-001', unitType: 'VCU', block: 'C', from: 1, to: 50, vintage: 2022 }], [
      'UnitsUsed',
      '2023-02-01',
      { account: 'PE-NR:dev', units: [{ block: 'B', from: 1, to: 100 }, { block: 'C', from: 1, to: 50 }], purpose: 'voluntary', by: 'someone' },
    ]);
    given(events)
      .when(rulebook)
      .then(({ report, outcome }) => {
        // Per fragment: B:1-100 → ceil(2) = 2; C:1-50 → ceil(1) = 1.
        expect(report.levies).toEqual({ never: 0, omge: 3 });
        expect(report.holdings).toEqual({});
        const b = outcome.state.blocks.get('B')!.units.all();
        expect(b.map(({ from, to, holder, levied }) => ({ from, to, holder, levied }))).toEqual([
          { from: 1, to: 2, holder: -2, levied: true },
          { from: 3, to: 100, holder: -1, levied: false },
        ]);
      });
  });

  it('first_transfer levies apply to what the event’s levies left, and levied units are never first transferred', () => {
    const rulebook = testRulebook({
      options: { 'first_transfer.ndc': 'issuance' },
      levies: [
        { name: 'sop', percent: '5', on: 'issuance', to: 'af' }, // 5% of 1000 = 50 (1–50)
        { name: 'ft_fee', percent: '10', on: 'first_transfer', to: 'fee' }, // 10% of the 950 left = 95 (51–145)
      ],
      rules: [{ name: 'seen', on: ['first_transfer'], checks: [{ mode: 'expect', test: () => false, values: ['unit.serial', 'event.quantity'] }] }],
    });
    const events = history(...twoParties(), authorizeNdc, ['UnitsIssued', '2023-01-01', { account: 'PE-NR:dev', activity: 'PE-001', unitType: 'ITMO', block: 'B', from: 1, to: 1000, vintage: 2022 }]);
    given(events)
      .when(rulebook)
      .then(({ report }) => {
        expect(report.levies).toEqual({ sop: 50, ft_fee: 95 });
        expect(report.findings.map((entry) => entry.values)).toEqual([{ 'unit.serial': 'B:51-1000', 'event.quantity': 950 }]);
        // 1000 − 50 − 95 = 855 first transferred in 2023 (the issuance year), booked to vintage 2022.
        expect(report.parties.PER!.years['2023']!.first_transferred).toBe(855);
        expect(report.parties.PER!.years['2022']!.annual_adjustment).toBe(855);
      });
  });

  it('a levy at transfer moves its share to the levy account, not to the acquirer', () => {
    const rulebook = testRulebook({ levies: [{ name: 'fee', percent: '10', on: 'international_transfer', to: 'fee' }] });
    const events = history(...twoParties(), authorizeNdc, issue100, ['UnitsTransferred', '2023-02-01', { from: 'PE-NR:dev', to: 'SG-NR:buyer', units: [{ block: 'B', from: 1, to: 50 }] }]);
    given(events)
      .when(rulebook)
      .then(({ report }) => {
        expect(report.holdings).toEqual({ 'LEVY:fee': { ITMO: 5 }, 'PE-NR:dev': { ITMO: 50 }, 'SG-NR:buyer': { ITMO: 45 } });
        // Only the 45 delivered units are first transferred and acquired.
        expect(report.parties.PER!.years['2023']!.first_transferred).toBe(45);
        expect(report.parties.SGP!.years['2023']!.acquired).toBe(45);
      });
  });
});
