import { describe, expect, it } from 'vitest';
import { twoParties, type HistoryBuilder } from './fixtures/history-builder.ts';
import { replayReport, type ReplayReport } from './acceptance-helpers.ts';

// Semantic spot checks straight from docs/language.md ("What the options mean", "Options") and docs/reports.md ("Accounting
// entries", "Structured summary"), each on the smallest history that shows the rule.

/** One field of a Party's year row (undefined when the row is not listed). */
function field(report: ReplayReport, party: string, year: number, name: string): number | null | undefined {
  return report.parties[party]?.years[String(year)]?.[name];
}

/** `{year: value}` of one field for the listed years of a Party. */
function series(report: ReplayReport, party: string, name: string): Record<string, number | null> {
  const years = report.parties[party]?.years ?? {};
  return Object.fromEntries(Object.entries(years).map(([year, row]) => [year, row[name] ?? null]));
}

const B = (block: string, from: number, to: number) => ({ block, from, to });

describe('fail closed (docs/language.md "Expressions")', () => {
  const history = twoParties({ activity: { inNdc: undefined } });
  history.issue('2022-02-01', 'HST-NR:dev', 'ACT', 'B1', 1, 100, 2022);
  history.transfer('2022-03-01', 'HST-NR:dev', 'BUY-NR:buyer', [B('B1', 1, 10)]);

  it('none in a comparison, in arithmetic, on a side of in, as a condition (also through and/or), division by zero, a missing NDC: failed, naming the missing value', async () => {
    const report = await replayReport(
      `rulebook closed {
  rule cap_is_none on transfer { require unit.authorization.cap == none }
  rule compare_none on transfer { require unit.authorization.cap > 0 }
  rule arithmetic_none on transfer { require unit.authorization.cap + 1 > 1 }
  rule in_none on transfer { require activity.standard in ["GS"] }
  rule condition_none on transfer { require activity.standard == none and activity.in_ndc }
  rule or_none on transfer { require activity.in_ndc or true }
  rule divide_by_zero on transfer { require event.quantity / 0 > 1 }
  rule missing_ndc on transfer { require party("ZZZ").ndc.target > 0 }
  rule where_none on transfer where unit.authorization.cap > 5 { require true }
}
`,
      history.events,
    );
    expect(report.verdicts).toEqual({ accepted: 13, rejected: 1, findings: 0 });
    const byRule = Object.fromEntries(report.rejections.map((entry) => [entry.rule, entry]));
    // `==` never fails: the only rule that passes.
    expect(Object.keys(byRule)).toEqual(['compare_none', 'arithmetic_none', 'in_none', 'condition_none', 'or_none', 'divide_by_zero', 'missing_ndc', 'where_none']);
    for (const entry of report.rejections) {
      expect(entry).toMatchObject({ seq: 13, type: 'UnitsTransferred', code: `rule.${entry.rule}`, unit: 'B1:1-10' });
    }
    expect(byRule.compare_none!.message).toContain('unit.authorization.cap');
    expect(byRule.compare_none!.values).toMatchObject({ 'unit.authorization.cap': null });
    expect(byRule.in_none!.message).toContain('activity.standard');
    expect(byRule.condition_none!.message).toContain('activity.in_ndc');
    expect(byRule.missing_ndc!.message).toContain('ndc');
    // The rejected transfer had no effect.
    expect(report.holdings).toEqual({ 'HST-NR:dev': { ITMO: 100 } });
  });

  it('values omit operands never evaluated (short circuit), and x != none and x > 1 is safe', async () => {
    const report = await replayReport(
      `rulebook short {
  rule safe on transfer { require unit.authorization.cap != none and unit.authorization.cap > 1 or event.quantity == 10 }
  rule skipped on transfer { require event.quantity == 11 and unit.vintage > 3000 }
}
`,
      history.events,
    );
    expect(report.rejections).toHaveLength(1);
    expect(report.rejections[0]!.rule).toBe('skipped');
    expect(report.rejections[0]!.values).toMatchObject({ 'event.quantity': 10 });
    expect(report.rejections[0]!.values).not.toHaveProperty('unit.vintage');
  });

  it('a levy whose where cannot be evaluated takes nothing', async () => {
    const report = await replayReport(`rulebook l {\n  levy fee 10% on transfer where unit.authorization.cap > 0 to fund\n}\n`, history.events);
    expect(report.verdicts.rejected).toBe(0);
    expect(report.levies).toEqual({ fee: 0 });
    expect(report.holdings).toEqual({ 'BUY-NR:buyer': { ITMO: 10 }, 'HST-NR:dev': { ITMO: 90 } });
  });

  it('expect failures are findings and the event takes effect; findings of a rejected event are dropped', async () => {
    const report = await replayReport(
      `rulebook f {
  rule note on transfer { expect event.quantity > 50 else "small transfer of {event.quantity} ({{sic}})" }
  rule block_use on use { expect false else "dropped" require false }
}
`,
      [...history.events, { type: 'UnitsUsed', id: 'u1', at: '2022-04-01', data: { account: 'BUY-NR:buyer', units: [B('B1', 1, 5)], purpose: 'voluntary', by: 'someone' } }],
    );
    expect(report.verdicts).toEqual({ accepted: 14, rejected: 1, findings: 1 });
    expect(report.findings).toEqual([expect.objectContaining({ seq: 13, event: 'h13', code: 'rule.note', rule: 'note', message: 'small transfer of 10 ({sic})', unit: 'B1:1-10' })]);
    expect(report.rejections).toEqual([expect.objectContaining({ seq: 14, event: 'u1', code: 'rule.block_use' })]);
    expect(report.holdings['BUY-NR:buyer']).toEqual({ ITMO: 10 });
  });
});

describe('levies (docs/language.md "`levy`")', () => {
  it('round(percent × quantity) computed exactly: down by default, up, nearest half-up; never binary floating point', async () => {
    const history = twoParties();
    history.issue('2022-02-01', 'HST-NR:dev', 'ACT', 'B1', 1, 1010, 2022);
    history.issue('2022-02-01', 'HST-NR:dev', 'ACT', 'B2', 1, 100, 2022);
    const report = await replayReport(
      `rulebook rounding {
  levy down_default 5% on issuance where unit.block == "B1" to fund_a
  levy ceil 5% rounded up on issuance where unit.block == "B1" to fund_b
  levy half_up 5% rounded nearest on issuance where unit.block == "B1" to fund_c
  levy seven 7% rounded up on issuance where unit.block == "B2" to fund_d
  levy fifty_seven 57% rounded up on issuance where unit.block == "B2" cancel
}
`,
      history.events,
    );
    // 5% of 1010 = 50.5; 7% of 100 = 7 exactly (7.000000000000001 in doubles); 57% of 100 = 57.
    expect(report.levies).toEqual({ down_default: 50, ceil: 51, half_up: 51, seven: 7, fifty_seven: 57 });
    expect(report.holdings).toEqual({
      'HST-NR:dev': { ITMO: 1010 - 50 - 51 - 51 + 100 - 7 - 57 },
      'LEVY:fund_a': { ITMO: 50 },
      'LEVY:fund_b': { ITMO: 51 },
      'LEVY:fund_c': { ITMO: 51 },
      'LEVY:fund_d': { ITMO: 7 },
    });
  });

  it('each levy on the original quantity, in declaration order, never more than the units left', async () => {
    const history = twoParties();
    history.issue('2022-02-01', 'HST-NR:dev', 'ACT', 'B1', 1, 3, 2022);
    const report = await replayReport(`rulebook cap {\n  levy a 50% rounded up on issuance to fa\n  levy b 50% rounded up on issuance to fb\n}\n`, history.events);
    expect(report.levies).toEqual({ a: 2, b: 1 });
    expect(report.holdings).toEqual({ 'LEVY:fa': { ITMO: 2 }, 'LEVY:fb': { ITMO: 1 } });
  });

  it('levies first, from the low end; first_transfer, its rules and levies see only the units left; levied units are never first transferred', async () => {
    const history = twoParties();
    history.authorize('2021-06-01', 'A1', 'HST', { activity: 'ACT' });
    history.issue('2022-02-01', 'HST-NR:dev', 'ACT', 'B1', 1, 100, 2022);
    history.transfer('2022-03-01', 'HST-NR:dev', 'BUY-NR:buyer', [B('B1', 1, 100)]);
    const report = await replayReport(
      `rulebook chain {
  levy omge 10% on international_transfer cancel
  levy sop 5% on first_transfer to fund
  rule saw_transfer on international_transfer { expect false else "{unit.serial} {event.quantity}" }
  rule saw_first on first_transfer { expect false else "{unit.serial} {event.quantity}" }
}
`,
      history.events,
    );
    expect(report.findings.map((entry) => `${entry.rule}: ${entry.message}`)).toEqual(['saw_transfer: B1:1-100 100', 'saw_first: B1:11-100 90']);
    // 10 cancelled (1–10), then 5% of 90 = 4.5 → 4 to the fund (11–14); 86 delivered and first transferred.
    expect(report.levies).toEqual({ omge: 10, sop: 4 });
    expect(report.holdings).toEqual({ 'BUY-NR:buyer': { ITMO: 86 }, 'LEVY:fund': { ITMO: 4 } });
    expect(field(report, 'HST', 2022, 'first_transferred')).toBe(86);
    expect(field(report, 'HST', 2022, 'annual_adjustment')).toBe(86);
    expect(field(report, 'BUY', 2022, 'acquired')).toBe(86);
  });
});

describe('fragments and event.quantity (docs/language.md "Triggers")', () => {
  it('unit rules run once per maximal uniform fragment in serial order; event.quantity is the fragment, event.total the event', async () => {
    const history = twoParties();
    history.authorize('2022-01-01', 'A1', 'HST', { activity: 'ACT', vintages: { from: 2022, to: 2022 } });
    history.issue('2022-02-01', 'HST-NR:dev', 'ACT', 'B1', 1, 100, 2022);
    history.issue('2022-02-01', 'HST-NR:dev', 'ACT', 'B2', 1, 100, 2021);
    history.transfer('2022-03-01', 'HST-NR:dev', 'BUY-NR:buyer', [B('B1', 1, 30)]);
    history.transfer('2022-04-01', 'BUY-NR:buyer', 'HST-NR:dev', [B('B1', 1, 30)]);
    history.transfer('2022-05-01', 'HST-NR:dev', 'THR-NR:acc', [B('B1', 11, 60), B('B2', 1, 5)]);
    const report = await replayReport(
      `rulebook fragments {
  rule each on transfer where event.id == "h17" { expect false else "{unit.serial} {event.quantity}/{event.total} first={unit.first_transferred} itmo={unit.itmo}" }
  rule first on first_transfer { expect false else "{unit.serial} {event.quantity}" }
}
`,
      history.events,
    );
    expect(report.findings.filter((entry) => entry.seq === 17).map((entry) => entry.message)).toEqual([
      'B1:11-30 20/55 first=true itmo=true',
      'B1:31-60 30/55 first=false itmo=false',
      'B1:31-60 30',
      'B2:1-5 5/55 first=false itmo=false',
    ]);
    expect(field(report, 'HST', 2022, 'first_transferred')).toBe(60);
    // acquired counts ITMOs only: 30 back to HST; THR gets 50 ITMOs (B2 is not authorized).
    expect(field(report, 'HST', 2022, 'acquired')).toBe(30);
    expect(field(report, 'THR', 2022, 'acquired')).toBe(50);
  });

  it('a failing require on one fragment rejects the whole event: one entry per failing fragment', async () => {
    const history = twoParties();
    history.issue('2022-02-01', 'HST-NR:dev', 'ACT', 'B1', 1, 100, 2022);
    history.issue('2022-02-01', 'HST-NR:dev', 'ACT', 'B2', 1, 100, 2019);
    history.issue('2022-02-01', 'HST-NR:dev', 'ACT', 'B3', 1, 100, 2018);
    history.transfer('2022-03-01', 'HST-NR:dev', 'BUY-NR:buyer', [B('B3', 1, 10), B('B1', 1, 10), B('B2', 1, 10)]);
    const report = await replayReport(`rulebook v {\n  rule vintage on transfer {\n    require unit.vintage >= 2021\n  }\n}\n`, history.events);
    expect(report.rejections.map((entry) => entry.unit)).toEqual(['B3:1-10', 'B2:1-10']);
    expect(report.rejections[0]).toMatchObject({ source: { file: 'rulebook.a6', line: 3, col: 5 }, values: { 'unit.vintage': 2018 } });
    expect(report.holdings).toEqual({ 'HST-NR:dev': { ITMO: 300 } });
  });
});

describe('first transfer (docs/language.md "Options", docs/reports.md "Accounting entries")', () => {
  it('authorization after issuance: an OIMP first transfer defined as issuance happens at the authorization', async () => {
    const history = twoParties();
    history.issue('2022-02-01', 'HST-NR:dev', 'ACT', 'B1', 1, 100, 2022);
    history.authorize('2023-05-01', 'A1', 'HST', { activity: 'ACT', purposes: ['OIMP'], firstTransfer: 'issuance' });
    history.issue('2024-02-01', 'HST-NR:dev', 'ACT', 'B2', 1, 40, 2023);
    const report = await replayReport(`rulebook ft {\n  rule at on first_transfer { expect false else "{unit.serial} {event.type} {event.at}" }\n}\n`, history.events);
    expect(report.findings.map((entry) => entry.message)).toEqual(['B1:1-100 AuthorizationIssued 2023-05-01', 'B2:1-40 UnitsIssued 2024-02-01']);
    expect(series(report, 'HST', 'oimp_first_transferred')).toEqual({ 2021: 0, 2022: 0, 2023: 100, 2024: 40 });
    expect(series(report, 'HST', 'first_transferred')).toEqual({ 2021: 0, 2022: 0, 2023: 0, 2024: 0 });
    // Booked to the vintage year.
    expect(series(report, 'HST', 'annual_adjustment')).toEqual({ 2021: 0, 2022: 100, 2023: 40, 2024: 0 });
  });

  it('first_transfer.ndc = authorization with the authorization before issuance: at the issuance', async () => {
    const history = twoParties();
    history.authorize('2022-01-01', 'A1', 'HST', { activity: 'ACT', purposes: ['NDC'] });
    history.issue('2023-02-01', 'HST-NR:dev', 'ACT', 'B1', 1, 100, 2022);
    const report = await replayReport(`rulebook a {\n  option first_transfer.ndc = authorization\n}\n`, history.events);
    expect(field(report, 'HST', 2023, 'first_transferred')).toBe(100);
    expect(field(report, 'HST', 2022, 'annual_adjustment')).toBe(100);
  });

  it('first international transfer with no transfer yet: no first transfer, no adjustment, years {}', async () => {
    const history = twoParties();
    history.authorize('2022-01-01', 'A1', 'HST', { activity: 'ACT', purposes: ['NDC'] });
    history.issue('2023-02-01', 'HST-NR:dev', 'ACT', 'B1', 1, 100, 2022);
    const report = await replayReport(`rulebook d { }\n`, history.events);
    expect(report.parties.HST).toEqual({ method: 'trajectory', years: {} });
  });

  it('OIMP first transfer at use: any UnitsUsed (booked to its data.year) and a voluntary cancellation, not another reason', async () => {
    const history = twoParties();
    history.authorize('2022-01-01', 'A1', 'HST', { activity: 'ACT', purposes: ['OIMP'], firstTransfer: 'use' });
    history.issue('2022-02-01', 'HST-NR:dev', 'ACT', 'B1', 1, 100, 2022);
    history.transfer('2022-03-01', 'HST-NR:dev', 'BUY-NR:buyer', [B('B1', 1, 50)]);
    history.use('2023-03-01', 'BUY-NR:buyer', [B('B1', 1, 10)], 'voluntary', 'airline', 2022);
    history.cancel('2024-03-01', 'HST-NR:dev', [B('B1', 51, 60)], 'other');
    history.cancel('2024-04-01', 'HST-NR:dev', [B('B1', 61, 70)], 'voluntary');
    const report = await replayReport(`rulebook ft {\n  rule at on first_transfer { expect false else "{unit.serial} {event.type} {event.year}" }\n}\n`, history.events);
    expect(report.findings.map((entry) => entry.message)).toEqual(['B1:1-10 UnitsUsed 2022', 'B1:61-70 UnitsCancelled 2024']);
    expect(series(report, 'HST', 'oimp_first_transferred')).toEqual({ 2021: 0, 2022: 10, 2023: 0, 2024: 10 });
    expect(series(report, 'HST', 'annual_adjustment')).toEqual({ 2021: 0, 2022: 20, 2023: 0, 2024: 0 });
  });

  it('a defining international transfer counts only after both issuance and authorization; a domestic transfer never does', async () => {
    const history = twoParties();
    history.account('2021-01-01', 'HST-NR:foreign', { party: 'BUY' });
    history.account('2021-01-01', 'HST-NR:other');
    history.issue('2022-02-01', 'HST-NR:dev', 'ACT', 'B1', 1, 100, 2022);
    history.transfer('2022-03-01', 'HST-NR:dev', 'BUY-NR:buyer', [B('B1', 1, 50)]);
    history.authorize('2023-01-01', 'A1', 'HST', { activity: 'ACT', purposes: ['NDC'] });
    history.transfer('2023-02-01', 'HST-NR:dev', 'HST-NR:other', [B('B1', 51, 100)]);
    history.transfer('2024-03-01', 'BUY-NR:buyer', 'THR-NR:acc', [B('B1', 1, 20)]);
    // The account's own Party decides: HST-NR:foreign belongs to BUY, so this transfer is international.
    history.transfer('2024-04-01', 'HST-NR:other', 'HST-NR:foreign', [B('B1', 51, 60)]);
    const report = await replayReport(`rulebook ft {\n  rule at on first_transfer { expect false else "{unit.serial} {event.at}" }\n}\n`, history.events);
    expect(report.findings.map((entry) => entry.message)).toEqual(['B1:1-20 2024-03-01', 'B1:51-60 2024-04-01']);
    expect(field(report, 'HST', 2024, 'first_transferred')).toBe(30);
    expect(field(report, 'BUY', 2024, 'acquired')).toBe(10);
  });

  it('revocation un-authorizes units not yet first transferred; first-transferred units stay ITMOs', async () => {
    const history = twoParties();
    history.authorize('2022-01-01', 'A1', 'HST', { activity: 'ACT', purposes: ['NDC'] });
    history.issue('2022-02-01', 'HST-NR:dev', 'ACT', 'B1', 1, 100, 2022);
    history.transfer('2022-03-01', 'HST-NR:dev', 'BUY-NR:buyer', [B('B1', 1, 40)]);
    history.revoke('2022-04-01', 'A1');
    history.transfer('2022-05-01', 'HST-NR:dev', 'BUY-NR:buyer', [B('B1', 41, 100)]);
    history.use('2023-01-10', 'BUY-NR:buyer', [B('B1', 1, 100)], 'NDC', 'BUY');
    const report = await replayReport(`rulebook u {\n  rule seen on use { expect false else "{unit.serial} itmo={unit.itmo} authorized={unit.authorized}" }\n}\n`, history.events);
    expect(report.findings.map((entry) => entry.message)).toEqual(['B1:1-40 itmo=true authorized=true', 'B1:41-100 itmo=false authorized=false']);
    expect(field(report, 'HST', 2022, 'first_transferred')).toBe(40);
    expect(field(report, 'BUY', 2022, 'acquired')).toBe(40);
    expect(field(report, 'BUY', 2023, 'used')).toBe(40);
  });
});

describe('a64.itmo (docs/language.md "Options")', () => {
  function a64History(): HistoryBuilder {
    const history = twoParties({ activity: { mechanism: '6.4' } });
    history.authorize('2022-01-01', 'A1', 'HST', { activity: 'ACT', purposes: ['NDC'] });
    history.issue('2022-02-01', 'HST-NR:dev', 'ACT', 'B1', 1, 100, 2022, { unitType: 'A6.4ER' });
    history.transfer('2022-03-01', 'HST-NR:dev', 'BUY-NR:buyer', [B('B1', 1, 100)]);
    history.transfer('2023-03-01', 'BUY-NR:buyer', 'THR-NR:acc', [B('B1', 1, 60)]);
    history.use('2024-03-01', 'THR-NR:acc', [B('B1', 1, 60)], 'NDC', 'BUY');
    history.use('2024-03-01', 'BUY-NR:buyer', [B('B1', 61, 100)], 'NDC', 'BUY');
    return history;
  }

  it('on_first_transfer: ITMOs from the first international transfer', async () => {
    const report = await replayReport(`rulebook a {\n  option a64.itmo = on_first_transfer\n}\n`, a64History().events);
    expect(field(report, 'HST', 2022, 'first_transferred')).toBe(100);
    expect(field(report, 'BUY', 2022, 'acquired')).toBe(100);
    expect(field(report, 'BUY', 2024, 'used')).toBe(100);
    expect(field(report, 'HST', 2022, 'a64_first_transferred')).toBeNull();
  });

  it('on_second_transfer: no entries at the first international transfer; the second is the first transfer', async () => {
    const report = await replayReport(`rulebook a {\n  option a64.itmo = on_second_transfer\n}\n`, a64History().events);
    expect(series(report, 'HST', 'first_transferred')).toEqual({ 2021: 0, 2022: 0, 2023: 60 });
    expect(field(report, 'HST', 2022, 'annual_adjustment')).toBe(60);
    expect(field(report, 'BUY', 2022, 'acquired')).toBe(0);
    expect(field(report, 'THR', 2023, 'acquired')).toBe(60);
    expect(field(report, 'BUY', 2024, 'used')).toBe(60);
  });

  it('separate: never ITMOs, no adjustments, no acquired; reported as a64_first_transferred and a64_used', async () => {
    const report = await replayReport(`rulebook a {\n  option a64.itmo = separate\n}\n`, a64History().events);
    for (const party of ['HST', 'BUY']) {
      for (const name of ['first_transferred', 'used', 'acquired', 'annual_adjustment', 'adjustment']) {
        expect(Object.values(series(report, party, name)).every((value) => value === 0)).toBe(true);
      }
    }
    expect(field(report, 'HST', 2022, 'a64_first_transferred')).toBe(100);
    expect(field(report, 'BUY', 2024, 'a64_used')).toBe(100);
    expect(report.parties.THR).toBeUndefined();
  });
});

describe('adjustment methods (docs/reports.md "Adjustment methods")', () => {
  function methodHistory(): HistoryBuilder {
    const history = twoParties({
      hostNdc: { from: 2021, to: 2025, targetYear: 2025, target: 1_000_000 },
      buyerNdc: { from: 2021, to: 2025, targetYear: 2025 },
    });
    history.authorize('2021-06-01', 'A1', 'HST', { activity: 'ACT', purposes: ['NDC'] });
    history.issue('2022-02-01', 'HST-NR:dev', 'ACT', 'B22', 1, 100, 2022);
    history.issue('2024-02-01', 'HST-NR:dev', 'ACT', 'B24', 1, 60, 2024);
    history.issue('2024-02-01', 'HST-NR:dev', 'ACT', 'B25', 1, 30, 2025);
    history.transfer('2024-03-01', 'HST-NR:dev', 'BUY-NR:buyer', [B('B22', 1, 100), B('B24', 1, 60), B('B25', 1, 30)]);
    history.use('2024-05-01', 'BUY-NR:buyer', [B('B22', 1, 10), B('B25', 1, 5)], 'NDC', 'BUY');
    history.inventory('2024-06-01', 'HST', 2021, 5000);
    history.inventory('2024-06-01', 'HST', 2022, 5000);
    return history;
  }
  const rulebook = (...options: string[]) => `rulebook m {\n${options.map((option) => `  option ${option}\n`).join('')}}\n`;

  it('trajectory: adjustment = annual_adjustment (vintage years), emissions balance where inventory is known', async () => {
    const report = await replayReport(rulebook('adjustment.single_year = trajectory'), methodHistory().events);
    expect(report.parties.HST!.method).toBe('trajectory');
    expect(series(report, 'HST', 'adjustment')).toEqual({ 2021: 0, 2022: 100, 2023: 0, 2024: 60, 2025: 30 });
    expect(series(report, 'HST', 'emissions_balance')).toEqual({ 2021: 5000, 2022: 5100, 2023: null, 2024: null, 2025: null });
    expect(series(report, 'HST', 'first_transferred')).toEqual({ 2021: 0, 2022: 0, 2023: 0, 2024: 190, 2025: 0 });
    expect(series(report, 'HST', 'cumulative')).toEqual({ 2021: 0, 2022: 0, 2023: 0, 2024: 190, 2025: 190 });
    expect(series(report, 'BUY', 'adjustment')).toEqual({ 2021: 0, 2022: 0, 2023: 0, 2024: -15 });
  });

  it('averaging, window elapsed: elapsed years through the latest inventory year; ITMOs of years not yet elapsed wait', async () => {
    const report = await replayReport(rulebook('adjustment.single_year = averaging'), methodHistory().events);
    expect(report.parties.HST!.method).toBe('averaging');
    // HST: elapsed 2021–2022, window sum 0 + 100 → 50 per elapsed year, 0 after.
    expect(series(report, 'HST', 'adjustment')).toEqual({ 2021: 50, 2022: 50, 2023: 0, 2024: 0, 2025: 0 });
    expect(field(report, 'HST', 2021, 'average')).toBe(50);
    expect(series(report, 'HST', 'emissions_balance')).toEqual({ 2021: 5050, 2022: 5050, 2023: null, 2024: null, 2025: null });
    // BUY: no inventory, elapsed through the year of the last replayed event (2024): −15 / 4.
    expect(series(report, 'BUY', 'adjustment')).toEqual({ 2021: -3.75, 2022: -3.75, 2023: -3.75, 2024: -3.75 });
  });

  it('averaging, window period: the whole NDC period summed, divided by the elapsed years', async () => {
    const report = await replayReport(rulebook('adjustment.single_year = averaging', 'adjustment.averaging_window = period'), methodHistory().events);
    expect(series(report, 'HST', 'adjustment')).toEqual({ 2021: 95, 2022: 95, 2023: 0, 2024: 0, 2025: 0 });
    expect(field(report, 'HST', 2022, 'average')).toBe(95);
  });

  it('an average like 1000/3 is written in the shortest double form', async () => {
    const history = twoParties({ hostNdc: { method: 'averaging', from: 2021, to: 2030 } });
    history.authorize('2021-06-01', 'A1', 'HST', { activity: 'ACT', purposes: ['NDC'] });
    history.issue('2022-02-01', 'HST-NR:dev', 'ACT', 'B1', 1, 1000, 2022);
    history.transfer('2022-03-01', 'HST-NR:dev', 'BUY-NR:buyer', [B('B1', 1, 1000)]);
    history.inventory('2024-01-01', 'HST', 2023, 10);
    const report = await replayReport(`rulebook avg { }\n`, history.events);
    expect(field(report, 'HST', 2021, 'average')).toBe(333.3333333333333);
    expect(field(report, 'HST', 2023, 'emissions_balance')).toBe(343.3333333333333);
  });

  it('vintage_match: only the NDC target year vintage counts, booked to the target year', async () => {
    const report = await replayReport(rulebook('adjustment.single_year = vintage_match'), methodHistory().events);
    expect(report.parties.HST!.method).toBe('vintage_match');
    expect(series(report, 'HST', 'adjustment')).toEqual({ 2021: 0, 2022: 0, 2023: 0, 2024: 0, 2025: 30 });
    expect(series(report, 'BUY', 'adjustment')).toEqual({ 2021: 0, 2022: 0, 2023: 0, 2024: 0, 2025: -5 });
  });

  it('cumulative: the target year carries the sum of annual adjustments over the period', async () => {
    const report = await replayReport(rulebook('adjustment.single_year = cumulative'), methodHistory().events);
    expect(series(report, 'HST', 'adjustment')).toEqual({ 2021: 0, 2022: 0, 2023: 0, 2024: 0, 2025: 190 });
    expect(series(report, 'BUY', 'adjustment')).toEqual({ 2021: 0, 2022: 0, 2023: 0, 2024: 0, 2025: -15 });
  });

  it('ndc_target: adjusted_target = target − adjustment, no emissions balance', async () => {
    const report = await replayReport(rulebook('adjustment.object = ndc_target'), methodHistory().events);
    expect(field(report, 'HST', 2025, 'adjusted_target')).toBe(1_000_000 - 30);
    expect(Object.values(series(report, 'HST', 'emissions_balance')).every((value) => value === null)).toBe(true);
  });

  it('multi-year NDCs always use trajectory, whatever adjustment.single_year says', async () => {
    const history = twoParties({ hostNdc: { kind: 'multi-year', method: 'averaging', targetYear: undefined } });
    history.authorize('2021-06-01', 'A1', 'HST', { activity: 'ACT', purposes: ['NDC'] });
    history.issue('2022-02-01', 'HST-NR:dev', 'ACT', 'B1', 1, 100, 2022);
    history.transfer('2022-03-01', 'HST-NR:dev', 'BUY-NR:buyer', [B('B1', 1, 100)]);
    const report = await replayReport(rulebook('adjustment.single_year = cumulative'), history.events);
    expect(report.parties.HST!.method).toBe('trajectory');
    expect(field(report, 'HST', 2022, 'adjustment')).toBe(100);
  });
});

describe('transferor and acquirer options (docs/reports.md "Accounting entries")', () => {
  function chain(): HistoryBuilder {
    const history = twoParties();
    history.authorize('2021-06-01', 'A1', 'HST', { activity: 'ACT', purposes: ['NDC'] });
    history.issue('2022-02-01', 'HST-NR:dev', 'ACT', 'B1', 1, 100, 2021);
    history.transfer('2023-03-01', 'HST-NR:dev', 'BUY-NR:buyer', [B('B1', 1, 100)]);
    history.transfer('2024-03-01', 'BUY-NR:buyer', 'THR-NR:acc', [B('B1', 1, 30)]);
    history.use('2025-05-01', 'BUY-NR:buyer', [B('B1', 31, 50)], 'NDC', 'BUY', 2024);
    history.use('2025-05-01', 'THR-NR:acc', [B('B1', 1, 10)], 'voluntary', 'someone');
    return history;
  }

  it('defaults: the transferor adds at the vintage year; the user subtracts in the use year (data.year); acquisition triggers nothing', async () => {
    const report = await replayReport(`rulebook d { }\n`, chain().events);
    expect(series(report, 'HST', 'annual_adjustment')).toEqual({ 2021: 100, 2022: 0, 2023: 0 });
    expect(field(report, 'HST', 2023, 'first_transferred')).toBe(100);
    expect(series(report, 'BUY', 'annual_adjustment')).toEqual({ 2021: 0, 2022: 0, 2023: 0, 2024: -20 });
    expect(field(report, 'BUY', 2023, 'acquired')).toBe(100);
    expect(field(report, 'THR', 2024, 'acquired')).toBe(30);
    expect(field(report, 'THR', 2024, 'annual_adjustment')).toBe(0);
  });

  it('acquirer on_acquisition: subtract on international delivery, add back when transferred on internationally', async () => {
    const report = await replayReport(`rulebook a {\n  option adjustment.acquirer = on_acquisition\n}\n`, chain().events);
    expect(field(report, 'BUY', 2023, 'annual_adjustment')).toBe(-100);
    expect(field(report, 'BUY', 2024, 'annual_adjustment')).toBe(30);
    expect(field(report, 'BUY', 2024, 'used')).toBe(20);
    expect(field(report, 'THR', 2024, 'annual_adjustment')).toBe(-30);
  });

  it('transferor on_transfer: the year of the first international transfer', async () => {
    const report = await replayReport(`rulebook t {\n  option adjustment.transferor = on_transfer\n}\n`, chain().events);
    expect(series(report, 'HST', 'annual_adjustment')).toEqual({ 2021: 0, 2022: 0, 2023: 100 });
  });

  it('transferor on_use: the year of use, any purpose, by whoever uses them', async () => {
    const report = await replayReport(`rulebook u {\n  option adjustment.transferor = on_use\n}\n`, chain().events);
    expect(series(report, 'HST', 'annual_adjustment')).toEqual({ 2021: 0, 2022: 0, 2023: 0, 2024: 20, 2025: 10 });
  });

  it('outside_ndc = exempt skips the transferor side for activities outside the NDC', async () => {
    const history = twoParties({ activity: { inNdc: false } });
    history.authorize('2021-06-01', 'A1', 'HST', { activity: 'ACT', purposes: ['NDC'] });
    history.issue('2022-02-01', 'HST-NR:dev', 'ACT', 'B1', 1, 100, 2022);
    history.transfer('2023-03-01', 'HST-NR:dev', 'BUY-NR:buyer', [B('B1', 1, 100)]);
    const adjust = await replayReport(`rulebook a {\n  option adjustment.outside_ndc = adjust\n}\n`, history.events);
    const exempt = await replayReport(`rulebook e {\n  option adjustment.outside_ndc = exempt\n}\n`, history.events);
    expect(field(adjust, 'HST', 2022, 'annual_adjustment')).toBe(100);
    expect(field(exempt, 'HST', 2022, 'annual_adjustment')).toBe(0);
  });

  it('metrics other than tCO2e have their own table under parties.P.metrics.METRIC.years', async () => {
    const history = twoParties();
    history.authorize('2021-06-01', 'A1', 'HST', { activity: 'ACT', purposes: ['NDC'] });
    history.issue('2022-02-01', 'HST-NR:dev', 'ACT', 'B1', 1, 100, 2022, { metric: 'MWh' });
    history.transfer('2023-03-01', 'HST-NR:dev', 'BUY-NR:buyer', [B('B1', 1, 100)]);
    const report = await replayReport(`rulebook m { }\n`, history.events);
    expect(report.parties.HST!.years).toEqual({});
    expect(report.parties.HST!.metrics!.MWh!.years['2022']).toMatchObject({ annual_adjustment: 100, adjustment: 100 });
    expect(report.parties.BUY!.metrics!.MWh!.years['2023']).toMatchObject({ acquired: 100 });
  });
});

describe('built-in integrity checks (docs/language.md) and conservation (docs/reports.md)', () => {
  it('each failure rejects with its ledger.* code, rule null and source null; overlapping authorizations are a finding', async () => {
    const history = twoParties();
    history.registry('2021-01-02', 'HST-NR', 'HST');
    history.account('2021-01-02', 'HST-NR:dev');
    history.authorize('2021-06-01', 'A1', 'HST', { activity: 'ACT' });
    history.authorize('2021-06-02', 'A2', 'HST', { activity: 'ACT', vintages: { from: 2022, to: 2023 } });
    history.issue('2022-02-01', 'HST-NR:dev', 'ACT', 'B1', 1, 100, 2022);
    history.issue('2022-02-02', 'HST-NR:dev', 'ACT', 'B1', 101, 200, 2022);
    history.transfer('2022-03-01', 'BUY-NR:buyer', 'THR-NR:acc', [B('B1', 1, 10)]);
    history.transfer('2022-03-02', 'HST-NR:dev', 'THR-NR:acc', [B('B1', 90, 120)]);
    history.use('2022-04-01', 'HST-NR:dev', [B('B1', 1, 10)], 'NDC', 'HST');
    history.transfer('2022-04-02', 'HST-NR:dev', 'THR-NR:acc', [B('B1', 1, 10)]);
    history.cancel('2022-04-03', 'HST-NR:dev', [B('B1', 11, 20)], 'voluntary');
    history.transfer('2022-04-04', 'HST-NR:dev', 'THR-NR:acc', [B('B1', 11, 20)]);
    history.activity('2022-05-01', 'CDM-1', 'HST', { mechanism: 'CDM' });
    history.issue('2022-05-02', 'HST-NR:dev', 'CDM-1', 'C1', 1, 10, 2022, { unitType: 'A6.4ER' });
    const report = await replayReport(`rulebook bare { }\n`, history.events);
    expect(report.rejections.map((entry) => `${entry.seq} ${entry.code}`)).toEqual([
      '12 ledger.duplicate_registry',
      '13 ledger.duplicate_account',
      '17 ledger.duplicate_block',
      '18 ledger.units_not_held',
      '19 ledger.bad_range',
      '21 ledger.units_used',
      '23 ledger.units_cancelled',
      '25 ledger.not_transitioned',
    ]);
    for (const entry of report.rejections) expect(entry).toMatchObject({ rule: null, source: null });
    expect(report.findings.map((entry) => `${entry.seq} ${entry.code}`)).toEqual(['15 ledger.overlapping_authorization']);
    expect(report.verdicts.accepted + report.verdicts.rejected).toBe(report.history.events);
    // Conservation: 100 issued = 80 held + 10 used + 10 cancelled.
    expect(report.holdings).toEqual({ 'HST-NR:dev': { ITMO: 80 } });
  });

  it('integrity checks run before rules and cannot be removed: one entry, rule null', async () => {
    const history = twoParties();
    history.issue('2022-02-01', 'HST-NR:dev', 'ACT', 'B1', 1, 100, 2022);
    history.transfer('2022-03-01', 'BUY-NR:buyer', 'THR-NR:acc', [B('B1', 1, 10)]);
    const report = await replayReport(`rulebook r {\n  rule never on transfer {\n    require false\n  }\n}\n`, history.events);
    expect(report.rejections).toEqual([expect.objectContaining({ seq: 13, code: 'ledger.units_not_held', rule: null, source: null })]);
  });

  it('a CDM activity issues A6.4ERs only after an accepted transition; transition rules decide', async () => {
    const history = twoParties();
    history.activity('2021-02-01', 'CDM-1', 'HST', { mechanism: 'CDM', crediting: { from: '2015-01-01', to: '2025-12-31' } });
    history.add('ActivityTransitioned', '2022-05-03', { activity: 'CDM-1', to: '6.4', requestedOn: '2022-05-03', hostApprovedOn: '2023-01-01' });
    history.issue('2023-05-04', 'HST-NR:dev', 'CDM-1', 'C2', 1, 10, 2023, { unitType: 'A6.4ER' });
    const automatic = await replayReport(`rulebook auto { }\n`, history.events);
    expect(automatic.verdicts.rejected).toBe(0);
    const strict = await replayReport(`rulebook strict {\n  rule window on transition {\n    require event.host_approved_on <= 2022-12-31\n  }\n}\n`, history.events);
    expect(strict.rejections.map((entry) => `${entry.seq} ${entry.code}`)).toEqual(['13 rule.window', '14 ledger.not_transitioned']);
  });
});

describe('which Parties are listed, replaced facts, --as-of by UTC day (docs/reports.md, docs/events.md)', () => {
  it('listed with an NDC or any entry; a later inventory for the same year replaces the figure; timestamps count by UTC day', async () => {
    const history = twoParties();
    history.party('2021-01-01', 'INV', 'Inventory only');
    history.party('2021-01-01', 'NOP', 'Nothing');
    history.authorize('2021-02-01', 'A1', 'HST', { activity: 'ACT', purposes: ['NDC'] });
    history.issue('2021-02-01', 'HST-NR:dev', 'ACT', 'B1', 1, 10, 2021);
    history.transfer('2021-03-01T23:59:59Z', 'HST-NR:dev', 'BUY-NR:buyer', [B('B1', 1, 10)]);
    history.inventory('2021-04-01', 'INV', 2020, 500);
    history.inventory('2021-04-01', 'HST', 2021, 500);
    history.inventory('2021-05-01', 'HST', 2021, 600);
    const report = await replayReport(`rulebook r { }\n`, history.events);
    expect(Object.keys(report.parties)).toEqual(['BUY', 'HST', 'INV']);
    expect(report.parties.INV!.years).toEqual({ 2020: expect.objectContaining({ inventory: 500, adjustment: 0 }) });
    expect(field(report, 'HST', 2021, 'inventory')).toBe(600);
    expect(field(report, 'HST', 2021, 'emissions_balance')).toBe(610);

    const asOf = await replayReport(`rulebook r { }\n`, history.events, '--as-of', '2021-03-01');
    expect(asOf.history).toMatchObject({ events: 17, as_of: '2021-03-01' });
    expect(field(asOf, 'BUY', 2021, 'acquired')).toBe(10);
  });

  it('rows run from the earlier of the NDC start and the first entry (a 2019 vintage booked before a 2021 NDC)', async () => {
    const history = twoParties();
    history.authorize('2021-02-01', 'A1', 'HST', { activity: 'ACT', purposes: ['NDC'] });
    history.issue('2021-02-01', 'HST-NR:dev', 'ACT', 'B1', 1, 10, 2019);
    history.transfer('2021-03-01', 'HST-NR:dev', 'BUY-NR:buyer', [B('B1', 1, 10)]);
    const report = await replayReport(`rulebook r { }\n`, history.events);
    expect(series(report, 'HST', 'annual_adjustment')).toEqual({ 2019: 10, 2020: 0, 2021: 0 });
    expect(series(report, 'BUY', 'acquired')).toEqual({ 2021: 10 });
  });
});
