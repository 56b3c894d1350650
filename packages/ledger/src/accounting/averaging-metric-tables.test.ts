import { describe, expect, it } from 'vitest';
import { history, twoParties, type HistoryRow } from '../engine/testing/history-builder.ts';
import { given } from '../engine/testing/replay-spec.ts';
import { testRulebook } from '../engine/testing/test-rulebook.ts';
import { explainSync } from '../explain/explain.ts';
import type { SummaryYear } from './structured-summary.ts';

/**
 * docs/reports.md, averaging: the elapsed years are the *Party's* (from the NDC period start through its
 * latest reported inventory year), so every metric table of the Party counts the same elapsed years.
 * Inventories are reported in tCO2e only; an MWh table has none of its own and must still stop at the
 * Party's latest inventory year, not run on to the year of the last replayed event.
 *
 * Given PER (twoParties: single-year NDC 2021–2030, method averaging, window elapsed) with first
 * transfer at issuance, so the transferor adds each block to its vintage year:
 *   e12 2021-03-01 authorization A1 (NDC) for PE-001
 *   e13 2022-01-01 issues MWH-21, 600 MWh of vintage 2021 → MWh annual_adjustment 2021 = +600
 *   e14 2023-01-01 issues T-22, 300 tCO2e of vintage 2022  → tCO2e annual_adjustment 2022 = +300
 *   e15 2024-04-15 inventory for 2023: 1,000,000 tCO2e     → latest inventory year 2023
 *   e16 2026-01-01 issues MWH-25, 90 MWh of vintage 2025   → MWh annual_adjustment 2025 = +90
 * the Party's elapsed years are 2021–2023 (3 years), and the last replayed event is in 2026.
 */
const rows: HistoryRow[] = [
  ['AuthorizationIssued', '2021-03-01', { authorization: 'A1', party: 'PER', activity: 'PE-001', purposes: ['NDC'] }],
  ['UnitsIssued', '2022-01-01', { account: 'PE-NR:dev', activity: 'PE-001', unitType: 'ITMO', block: 'MWH-21', from: 1, to: 600, vintage: 2021, metric: 'MWh' }],
  ['UnitsIssued', '2023-01-01', { account: 'PE-NR:dev', activity: 'PE-001', unitType: 'ITMO', block: 'T-22', from: 1, to: 300, vintage: 2022 }],
  ['InventoryReported', '2024-04-15', { party: 'PER', year: 2023, emissions: 1_000_000 }],
  ['UnitsIssued', '2026-01-01', { account: 'PE-NR:dev', activity: 'PE-001', unitType: 'ITMO', block: 'MWH-25', from: 1, to: 90, vintage: 2025, metric: 'MWh' }],
];

function column(years: Readonly<Record<string, SummaryYear>>, field: keyof SummaryYear): Record<string, number | null> {
  return Object.fromEntries(Object.entries(years).map(([year, row]) => [year, row[field]]));
}

const rulebook = (window: 'elapsed' | 'period') =>
  testRulebook({ options: { 'first_transfer.ndc': 'issuance', 'adjustment.averaging_window': window } });

describe('averaging in a non-tCO2e metric table counts the Party’s elapsed years (docs/reports.md)', () => {
  it('window elapsed: MWh average = 600 / 3 = 200 in 2021–2023 (the 90 MWh of 2025 wait); tCO2e = 300 / 3 = 100', () => {
    given(history(...twoParties(), ...rows))
      .when(rulebook('elapsed'))
      .then(({ report }) => {
        expect(report.verdicts).toEqual({ accepted: 17, rejected: 0, findings: 0 });
        const per = report.parties.PER!;
        // tCO2e: Σ annual_adjustment 2021–2023 = 300, over 3 elapsed years = 100; the inventory year 2023 is the last row.
        expect(column(per.years, 'average')).toEqual({ '2021': 100, '2022': 100, '2023': 100 });
        expect(column(per.years, 'emissions_balance')).toEqual({ '2021': null, '2022': null, '2023': 1_000_100 });
        const mwh = per.metrics!.MWh!.years;
        // MWh: rows 2021 (NDC start) to 2026 (first_transferred 90). Σ annual_adjustment over the elapsed
        // years 2021–2023 = 600 (vintage 2021); 2025's 90 lies after them. 600 / 3 = 200, booked to 2021–2023.
        // Before the fix the table ran its own horizon to 2026: (600 + 90) / 6 = 115 in 2021–2026.
        expect(column(mwh, 'average')).toEqual({ '2021': 200, '2022': 200, '2023': 200, '2024': null, '2025': null, '2026': null });
        expect(column(mwh, 'adjustment')).toEqual({ '2021': 200, '2022': 200, '2023': 200, '2024': 0, '2025': 0, '2026': 0 });
        expect(column(mwh, 'annual_adjustment')).toEqual({ '2021': 600, '2022': 0, '2023': 0, '2024': 0, '2025': 90, '2026': 0 });
        // Inventories are tCO2e figures: the MWh table lists none and has no emissions balance.
        expect(column(mwh, 'inventory')).toEqual({ '2021': null, '2022': null, '2023': null, '2024': null, '2025': null, '2026': null });
        expect(column(mwh, 'emissions_balance')).toEqual({ '2021': null, '2022': null, '2023': null, '2024': null, '2025': null, '2026': null });
      });
  });

  it('window period: the whole period’s MWh (600 + 90 = 690) over the same 3 elapsed years = 230', () => {
    given(history(...twoParties(), ...rows))
      .when(rulebook('period'))
      .then(({ report }) => {
        const mwh = report.parties.PER!.metrics!.MWh!.years;
        expect(column(mwh, 'adjustment')).toEqual({ '2021': 230, '2022': 230, '2023': 230, '2024': 0, '2025': 0, '2026': 0 });
        // tCO2e: 300 over 3 = 100 (no tCO2e after 2023, so the window does not matter there).
        expect(report.parties.PER!.years['2022']!.adjustment).toBe(100);
      });
  });

  it('a6 explain agrees: the MWh average of 2022 is Σ 2021–2023 / 3 elapsed years through the latest inventory year', () => {
    const events = history(...twoParties(), ...rows);
    const explained = explainSync(events, rulebook('elapsed'), { party: 'PER', year: 2022, field: 'average', metric: 'MWh' });
    expect(explained.value).toBe(200);
    expect(explained.explanation.formula).toBe(
      'averaging (window elapsed): Σ annual_adjustment 2021–2023 / 3 elapsed years (2021–2023, through the latest inventory year 2023) = 600 / 3',
    );
    expect(explained.explanation.inputs.map((node) => [node.year, node.value, node.entries.map((entry) => entry.unit)])).toEqual([[2021, 600, ['MWH-21:1-600']]]);
  });
});
