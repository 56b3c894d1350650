import { describe, expect, it } from 'vitest';
import type { Ndc } from '../events/types.ts';
import { history, twoParties, type HistoryRow } from '../engine/testing/history-builder.ts';
import { given } from '../engine/testing/replay-spec.ts';
import { testRulebook } from '../engine/testing/test-rulebook.ts';
import type { SummaryYear } from './structured-summary.ts';

type Options = Parameters<typeof testRulebook>[0]['options'];

const singleYear = (extra: Partial<Ndc> = {}): Ndc => ({ kind: 'single-year', from: 2021, to: 2030, targetYear: 2030, metric: 'tCO2e', ...extra });

/**
 * PER first transfers at issuance (first_transfer.ndc = issuance), booked to the vintage year:
 * 300 of vintage 2021 (issued 2022), 600 of vintage 2022 (issued 2023), 90 of vintage 2025 (issued 2026).
 * annual_adjustment: 2021 +300, 2022 +600, 2025 +90 (990 in the period).
 */
function perRows(ndc: Ndc, inventories: number[]): HistoryRow[] {
  const issue = (block: string, at: string, vintage: number, to: number): HistoryRow => [
    'UnitsIssued',
    at,
    { account: 'PE-NR:dev', activity: 'PE-001', unitType: 'ITMO', block, from: 1, to, vintage },
  ];
  return [
    ['NdcCommunicated', '2021-02-01', { party: 'PER', ndc }],
    ['AuthorizationIssued', '2021-03-01', { authorization: 'A1', party: 'PER', activity: 'PE-001', purposes: ['NDC'] }],
    issue('V21', '2022-01-01', 2021, 300),
    issue('V22', '2023-01-01', 2022, 600),
    ...inventories.map((year): HistoryRow => ['InventoryReported', '2024-04-15', { party: 'PER', year, emissions: 1_000_000 }]),
    issue('V25', '2026-01-01', 2025, 90),
  ];
}

function per(ndc: Ndc, inventories: number[], options: Options = {}) {
  const { report } = given(history(...twoParties(), ...perRows(ndc, inventories))).when(testRulebook({ options: { 'first_transfer.ndc': 'issuance', ...options } }));
  expect(report.verdicts.rejected).toBe(0);
  return report.parties.PER!;
}

function column(years: Readonly<Record<string, SummaryYear>>, field: keyof SummaryYear): Record<string, number | null> {
  return Object.fromEntries(Object.entries(years).map(([year, row]) => [year, row[field]]));
}

describe('adjustment methods (docs/reports.md "Adjustment methods")', () => {
  it('trajectory: adjustment = annual_adjustment for every year; years run from the NDC start to the last entry', () => {
    const party = per(singleYear(), [2022, 2023], { 'adjustment.single_year': 'trajectory' });
    expect(party.method).toBe('trajectory');
    expect(column(party.years, 'adjustment')).toEqual({ '2021': 300, '2022': 600, '2023': 0, '2024': 0, '2025': 90, '2026': 0 });
    expect(column(party.years, 'average')).toEqual({ '2021': null, '2022': null, '2023': null, '2024': null, '2025': null, '2026': null });
    // first_transferred by issuance year: 300 (2022), 600 (2023), 90 (2026); cumulative is the running sum of net.
    expect(column(party.years, 'cumulative')).toEqual({ '2021': 0, '2022': 300, '2023': 900, '2024': 900, '2025': 900, '2026': 990 });
  });

  it('averaging, window elapsed: elapsed years 2021–2023 (latest inventory 2023); (300 + 600) / 3 = 300 in each, 0 after', () => {
    const party = per(singleYear(), [2022, 2023], { 'adjustment.single_year': 'averaging' });
    expect(party.method).toBe('averaging');
    expect(column(party.years, 'average')).toEqual({ '2021': 300, '2022': 300, '2023': 300, '2024': null, '2025': null, '2026': null });
    expect(column(party.years, 'adjustment')).toEqual({ '2021': 300, '2022': 300, '2023': 300, '2024': 0, '2025': 0, '2026': 0 });
    expect(column(party.years, 'emissions_balance')).toEqual({ '2021': null, '2022': 1_000_300, '2023': 1_000_300, '2024': null, '2025': null, '2026': null });
  });

  it('averaging, window period: the whole period’s 990 over the 3 elapsed years = 330', () => {
    const party = per(singleYear(), [2022, 2023], { 'adjustment.single_year': 'averaging', 'adjustment.averaging_window': 'period' });
    expect(column(party.years, 'adjustment')).toEqual({ '2021': 330, '2022': 330, '2023': 330, '2024': 0, '2025': 0, '2026': 0 });
  });

  it('averaging without an inventory: elapsed through the year of the last replayed event (2026): 990 / 6 = 165', () => {
    const party = per(singleYear(), [], { 'adjustment.single_year': 'averaging' });
    expect(column(party.years, 'adjustment')).toEqual({ '2021': 165, '2022': 165, '2023': 165, '2024': 165, '2025': 165, '2026': 165 });
  });

  it('averaging writes an inexact average in the shortest round-trip form (1000 / 3)', () => {
    const rows: HistoryRow[] = [
      ['NdcCommunicated', '2021-02-01', { party: 'PER', ndc: singleYear({ method: 'averaging' }) }],
      ['AuthorizationIssued', '2021-03-01', { authorization: 'A1', party: 'PER', activity: 'PE-001', purposes: ['NDC'] }],
      ['UnitsIssued', '2022-01-01', { account: 'PE-NR:dev', activity: 'PE-001', unitType: 'ITMO', block: 'B', from: 1, to: 1000, vintage: 2021 }],
      ['InventoryReported', '2024-04-15', { party: 'PER', year: 2023, emissions: 7 }],
    ];
    const { report } = given(history(...twoParties(), ...rows)).when(testRulebook({ options: { 'first_transfer.ndc': 'issuance' } }));
    expect(report.parties.PER!.years['2021']!.average).toBe(1000 / 3);
    expect(JSON.stringify(report.parties.PER!.years['2021']!.average)).toBe('333.3333333333333');
  });

  it('vintage_match: only vintage = target year counts, booked to the target year only', () => {
    const party = per(singleYear({ targetYear: 2025 }), [2022, 2023], { 'adjustment.single_year': 'vintage_match' });
    expect(party.method).toBe('vintage_match');
    expect(column(party.years, 'adjustment')).toEqual({ '2021': 0, '2022': 0, '2023': 0, '2024': 0, '2025': 90, '2026': 0 });
    expect(party.years['2021']!.annual_adjustment).toBe(300);
  });

  it('cumulative: the target year’s adjustment is the period’s sum (990), other years 0; rows run to the target year', () => {
    const party = per(singleYear(), [2022, 2023], { 'adjustment.single_year': 'cumulative' });
    expect(party.method).toBe('cumulative');
    expect(Object.keys(party.years).at(-1)).toBe('2030');
    expect(party.years['2030']!.adjustment).toBe(990);
    expect(party.years['2021']!.adjustment).toBe(0);
  });

  it('party_method: the Party’s own ndc.method, trajectory when absent', () => {
    expect(per(singleYear({ method: 'averaging' }), [2023]).method).toBe('averaging');
    expect(per(singleYear(), [2023]).method).toBe('trajectory');
  });

  it('multi-year NDCs always use trajectory', () => {
    const party = per({ kind: 'multi-year', from: 2021, to: 2025, metric: 'tCO2e', method: 'averaging' }, [2023], { 'adjustment.single_year': 'averaging' });
    expect(party.method).toBe('trajectory');
    expect(party.years['2022']!.adjustment).toBe(600);
  });

  it('a Party with an NDC and no entry is listed with empty years; a Party with neither is not listed', () => {
    const { report } = given(history(...twoParties())).when(testRulebook({}));
    expect(report.parties).toEqual({ PER: { method: 'averaging', years: {} }, SGP: { method: 'trajectory', years: {} } });
  });

  it('other metrics get their own table under metrics.METRIC.years', () => {
    const rows: HistoryRow[] = [
      ['AuthorizationIssued', '2021-03-01', { authorization: 'A1', party: 'PER', activity: 'PE-001', purposes: ['NDC'] }],
      ['UnitsIssued', '2022-01-01', { account: 'PE-NR:dev', activity: 'PE-001', unitType: 'ITMO', block: 'MWH', from: 1, to: 70, vintage: 2021, metric: 'MWh' }],
    ];
    const { report } = given(history(...twoParties(), ...rows)).when(testRulebook({ options: { 'first_transfer.ndc': 'issuance' } }));
    const party = report.parties.PER!;
    expect(party.years).toEqual({});
    expect(party.metrics!.MWh!.years['2022']!.first_transferred).toBe(70);
    expect(party.metrics!.MWh!.years['2021']!.annual_adjustment).toBe(70);
  });
});
