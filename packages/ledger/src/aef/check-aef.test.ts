import { describe, expect, it } from 'vitest';
import { history, twoParties, type HistoryRow } from '../engine/testing/history-builder.ts';
import { testRulebook } from '../engine/testing/test-rulebook.ts';
import type { CompiledRulebook } from '@a6/dsl';
import type { AefActionRow, AefReport } from './aef-report.ts';
import { buildAefReportSync, type AefQuery } from './build-aef-report.ts';
import { checkAef, type AefFinding } from './check-aef.ts';

function aef(rows: readonly HistoryRow[], rulebook: CompiledRulebook, query: AefQuery): AefReport {
  const result = buildAefReportSync(history(...twoParties(), ...rows), rulebook, query);
  if (!result.ok) throw new Error(result.error.message);
  return result.report;
}

const located = (findings: readonly AefFinding[]) => findings.map((finding) => [finding.code, finding.table, finding.row]);

/**
 * A history the replay accepts (no rule holds authorizations to their terms) but the AEF does not:
 * A5 (vintages 2021–2022, cap 100) is named by an issuance of vintage 2024, and first transfers at
 * issuance go past its cap: 60 in 2024, then 80 in 2025 (140 > 100).
 */
const broken: HistoryRow[] = [
  ['AuthorizationIssued', '2021-03-01', { authorization: 'A5', party: 'PER', activity: 'PE-001', purposes: ['NDC'], vintages: { from: 2021, to: 2022 }, cap: 100, metric: 'tCO2e' }],
  ['UnitsIssued', '2024-05-01', { account: 'PE-NR:dev', activity: 'PE-001', unitType: 'ITMO', block: 'V24', from: 1, to: 60, vintage: 2024, authorization: 'A5' }],
  ['UnitsIssued', '2025-05-01', { account: 'PE-NR:dev', activity: 'PE-001', unitType: 'ITMO', block: 'V22', from: 1, to: 80, vintage: 2022 }],
];
const atIssuance = testRulebook({ options: { 'first_transfer.ndc': 'issuance' } });

describe('checkAef: pre-consistency checks with stable codes, located at the row they concern', () => {
  it('a vintage outside the authorized timeframe (2024 under 2021–2022), found in the year it is first transferred', () => {
    const report = aef(broken, atIssuance, { party: 'PER', year: 2024 });
    expect(report.verdicts.rejected).toBe(0);
    expect(checkAef(report)).toEqual([
      {
        code: 'aef.vintage_outside_timeframe',
        table: 'T3',
        row: 1,
        message: 'T3 row 1 first transfers vintage 2024 under A5, whose timeframe is 2021-2022',
        values: { authorization: 'A5', vintage: 2024, timeframe: '2021-2022' },
      },
    ]);
  });

  it('a quantity above the authorized maximum, counting the first transfers of earlier years: 60 + 80 = 140 > 100', () => {
    const report = aef(broken, atIssuance, { party: 'PER', year: 2025 });
    expect(checkAef(report)).toEqual([
      {
        code: 'aef.above_authorized_quantity',
        table: 'T3',
        row: 1,
        message: 'T3 row 1 brings the units first transferred under A5 to 140, above its authorized quantity 100 (T2 row 1)',
        values: { authorization: 'A5', first_transferred: 140, quantity: 100 },
      },
    ]);
  });

  describe('over edited reports (the checks judge the cells, not the history)', () => {
    const story: HistoryRow[] = [
      ['AuthorizationIssued', '2022-01-01', { authorization: 'A1', party: 'PER', activity: 'PE-001', purposes: ['NDC'] }],
      ['UnitsIssued', '2023-01-01', { account: 'PE-NR:dev', activity: 'PE-001', unitType: 'ITMO', block: 'B', from: 1, to: 100, vintage: 2022 }],
      ['UnitsTransferred', '2024-03-01', { from: 'PE-NR:dev', to: 'SG-NR:buyer', units: [{ block: 'B', from: 1, to: 60 }] }],
      ['UnitsTransferred', '2025-02-01', { from: 'PE-NR:dev', to: 'SG-NR:buyer', units: [{ block: 'B', from: 61, to: 80 }] }],
      ['UnitsUsed', '2025-06-01', { account: 'SG-NR:buyer', units: [{ block: 'B', from: 21, to: 50 }], purpose: 'NDC', by: 'SGP' }],
    ];
    const rulebook = testRulebook({});
    const per = aef(story, rulebook, { party: 'PER', year: 2025 });
    const sgp = aef(story, rulebook, { party: 'SGP', year: 2025 });
    const withT3 = (report: AefReport, edit: (rows: AefActionRow[]) => AefActionRow[]): AefReport => ({ ...report, tables: { ...report.tables, T3: edit([...report.tables.T3]) } });

    it('the reports as built pass', () => {
      expect([checkAef(per), checkAef(sgp)]).toEqual([[], []]);
    });

    it('an action whose authorization is not in T2 (and the summary can no longer be matched)', () => {
      const report = { ...per, tables: { ...per.tables, T2: [] } };
      expect(located(checkAef(report))).toEqual([
        ['aef.authorization_not_in_t2', 'T3', 1],
        ['aef.summary_mismatch', 'T3', null],
      ]);
      expect(checkAef(report)[1]!.message).toBe('first_transferred 2025 (tCO2e): T3 gives 0, the structured summary 20');
    });

    it('a first transfer of units already first transferred (B:41–60 went in 2024)', () => {
      const report = withT3(per, ([row]) => [{ ...row!, first_serial: 'B:41', last_serial: 'B:60', underlying_ids: 'B:41-60' }]);
      expect(checkAef(report)).toEqual([
        {
          code: 'aef.already_first_transferred',
          table: 'T3',
          row: 1,
          message: 'T3 row 1 first transfers B:41-60, but B:41-60 were already first transferred',
          values: { units: 'B:41-60', earlier: 'B:1-60' },
        },
      ]);
    });

    it('a use of units not held; T3 then reconciles neither with T4 nor with the summary', () => {
      // SGP held 60 + 20 = 80 before the use: a use of 100 takes more than it holds.
      const report = withT3(sgp, (rows) => rows.map((row) => (row.action === 'use_ndc' ? { ...row, quantity_tco2e: 100, holding_change: -100 } : row)));
      expect(located(checkAef(report))).toEqual([
        ['aef.units_not_held', 'T3', 2],
        ['aef.holdings_mismatch', 'T4', 1],
        ['aef.summary_mismatch', 'T3', null],
      ]);
      const [notHeld, holdings] = checkAef(report);
      expect(notHeld!.values).toEqual({ authorization: 'A1', vintage: 2022, metric: 'tCO2e', held: 80, change: -100 });
      // Opening 60 + acquisition 20 − the edited use 100 = −20, where T4 holds 80 − 30 = 50.
      expect(holdings!.message).toBe("A1, vintage 2022 (tCO2e): opening holdings and T3's changes give -20, T4 holds 50");
    });

    it('holdings that T3 does not explain point at T3 when T4 has no row left for them', () => {
      const report = { ...sgp, tables: { ...sgp.tables, T4: [] } };
      expect(located(checkAef(report))).toEqual([['aef.holdings_mismatch', 'T3', 2]]);
    });
  });
});
