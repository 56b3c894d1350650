import { describe, expect, it } from 'vitest';
import { history, twoParties, type HistoryRow } from '../engine/testing/history-builder.ts';
import { given } from '../engine/testing/replay-spec.ts';
import { testRulebook } from '../engine/testing/test-rulebook.ts';
import type { SummaryYear } from './structured-summary.ts';

type Options = Parameters<typeof testRulebook>[0]['options'];

/**
 * One trade story: PER issues 100 ITMOs (vintage 2022) authorized for NDC; 60 go to SGP in 2024 (their
 * first transfer, by the default international_transfer definition); SGP sends 20 on to CHE in 2025
 * and uses 30 toward its NDC (year 2025); CHE uses 10 for OIMP in 2026.
 */
const story = (extra: HistoryRow[] = []): HistoryRow[] => [
  ['AuthorizationIssued', '2022-01-01', { authorization: 'A1', party: 'PER', activity: 'PE-001', purposes: ['NDC'] }],
  ['UnitsIssued', '2023-01-01', { account: 'PE-NR:dev', activity: 'PE-001', unitType: 'ITMO', block: 'B', from: 1, to: 100, vintage: 2022 }],
  ['UnitsTransferred', '2024-03-01', { from: 'PE-NR:dev', to: 'SG-NR:buyer', units: [{ block: 'B', from: 1, to: 60 }] }],
  ['UnitsTransferred', '2025-03-01', { from: 'SG-NR:buyer', to: 'CH-NR:fund', units: [{ block: 'B', from: 1, to: 20 }] }],
  ['UnitsUsed', '2025-06-01', { account: 'SG-NR:buyer', units: [{ block: 'B', from: 21, to: 50 }], purpose: 'NDC', by: 'SGP', year: 2025 }],
  ['UnitsUsed', '2026-01-01', { account: 'CH-NR:fund', units: [{ block: 'B', from: 1, to: 10 }], purpose: 'OIMP', by: 'an airline' }],
  ...extra,
];

function summary(rows: HistoryRow[], options: Options = {}) {
  const { report } = given(history(...twoParties(), ...rows)).when(testRulebook({ options: { 'adjustment.single_year': 'trajectory', ...options } }));
  expect(report.verdicts.rejected).toBe(0);
  return report.parties;
}

/** `{year: value}` of one field, zero and null years left out. */
function field(years: Readonly<Record<string, SummaryYear>> | undefined, name: keyof SummaryYear): Record<string, number> {
  const result: Record<string, number> = {};
  for (const [year, row] of Object.entries(years ?? {})) {
    const value = row[name];
    if (value !== null && value !== 0) result[year] = value;
  }
  return result;
}

describe('adjustment.transferor (seed option 3(b))', () => {
  it('on_first_transfer (default): the host adds first transfers to the vintage year (Glasgow para 8(a))', () => {
    const parties = summary(story());
    expect(field(parties.PER!.years, 'first_transferred')).toEqual({ '2024': 60 });
    expect(field(parties.PER!.years, 'annual_adjustment')).toEqual({ '2022': 60 });
  });

  it('on_transfer: booked to the year of the first international transfer', () => {
    expect(field(summary(story(), { 'adjustment.transferor': 'on_transfer' }).PER!.years, 'annual_adjustment')).toEqual({ '2024': 60 });
  });

  it('on_transfer with first transfer at issuance: waits for the first international transfer', () => {
    const parties = summary(story(), { 'adjustment.transferor': 'on_transfer', 'first_transfer.ndc': 'issuance' });
    // First transferred at issuance (2023: all 100), adjusted only for the 60 that went abroad, in 2024.
    expect(field(parties.PER!.years, 'first_transferred')).toEqual({ '2023': 100 });
    expect(field(parties.PER!.years, 'annual_adjustment')).toEqual({ '2024': 60 });
  });

  it('on_use: booked to the use year, whoever uses them and for whatever purpose', () => {
    // SGP uses 30 (2025), the airline 10 (2026).
    expect(field(summary(story(), { 'adjustment.transferor': 'on_use' }).PER!.years, 'annual_adjustment')).toEqual({ '2025': 30, '2026': 10 });
  });
});

describe('adjustment.acquirer (seed option 3(b))', () => {
  it('on_use (default): SGP subtracts the 30 it used toward its NDC in the use year; acquisitions are reported but not adjusted', () => {
    const parties = summary(story());
    expect(field(parties.SGP!.years, 'acquired')).toEqual({ '2024': 60 });
    expect(field(parties.SGP!.years, 'used')).toEqual({ '2025': 30 });
    expect(field(parties.SGP!.years, 'annual_adjustment')).toEqual({ '2025': -30 });
    expect(field(parties.CHE!.years, 'acquired')).toEqual({ '2025': 20 });
    expect(field(parties.CHE!.years, 'annual_adjustment')).toEqual({});
  });

  it('on_acquisition: subtracted at delivery, added back when transferred on internationally', () => {
    const parties = summary(story(), { 'adjustment.acquirer': 'on_acquisition' });
    // SGP: −60 in 2024, +20 back in 2025; CHE: −20 in 2025.
    expect(field(parties.SGP!.years, 'annual_adjustment')).toEqual({ '2024': -60, '2025': 20 });
    expect(field(parties.CHE!.years, 'annual_adjustment')).toEqual({ '2025': -20 });
    expect(field(parties.SGP!.years, 'used')).toEqual({ '2025': 30 });
  });
});

describe('adjustment.outside_ndc (seed option 3(d))', () => {
  const outside: HistoryRow[] = [
    ['ActivityRegistered', '2021-06-01', { activity: 'PE-OUT', host: 'PER', mechanism: '6.2', inNdc: false }],
    ['AuthorizationIssued', '2022-01-01', { authorization: 'A2', party: 'PER', activity: 'PE-OUT', purposes: ['NDC'] }],
    ['UnitsIssued', '2023-01-01', { account: 'PE-NR:dev', activity: 'PE-OUT', unitType: 'ITMO', block: 'O', from: 1, to: 40, vintage: 2022 }],
    ['UnitsTransferred', '2024-03-01', { from: 'PE-NR:dev', to: 'SG-NR:buyer', units: [{ block: 'O', from: 1, to: 40 }] }],
  ];

  it('adjust (default): ITMOs from outside the NDC coverage are adjusted like any other', () => {
    expect(field(summary(outside).PER!.years, 'annual_adjustment')).toEqual({ '2022': 40 });
  });

  it('exempt: the host skips them, but they still count as first transferred', () => {
    const parties = summary(outside, { 'adjustment.outside_ndc': 'exempt' });
    expect(field(parties.PER!.years, 'annual_adjustment')).toEqual({});
    expect(field(parties.PER!.years, 'first_transferred')).toEqual({ '2024': 40 });
  });
});

describe('adjustment.object (seed option 3(a))', () => {
  it('emissions_balance (default): inventory + adjustment where an inventory is known', () => {
    const parties = summary(story([['InventoryReported', '2026-04-01', { party: 'PER', year: 2022, emissions: 1000 }]]));
    expect(parties.PER!.years['2022']!.emissions_balance).toBe(1060);
    expect(parties.PER!.years['2022']!.adjusted_target).toBeNull();
    expect(parties.PER!.years['2023']!.emissions_balance).toBeNull();
  });

  it('ndc_target: the NDC target (or the trajectory value) minus the adjustment; emissions_balance is null', () => {
    const ndc: HistoryRow = ['NdcCommunicated', '2021-02-01', { party: 'PER', ndc: { kind: 'multi-year', from: 2021, to: 2025, metric: 'tCO2e', target: 5000, trajectory: { '2022': 4000 } } }];
    const parties = summary([ndc, ...story([['InventoryReported', '2026-04-01', { party: 'PER', year: 2022, emissions: 1000 }]])], { 'adjustment.object': 'ndc_target' });
    expect(parties.PER!.years['2022']!.adjusted_target).toBe(4000 - 60);
    // Without a trajectory value the target applies in the target year only (the period's last year,
    // 2025, which has no row here), also for a multi-year NDC (docs/reports.md "adjusted_target").
    expect(parties.PER!.years['2023']!.adjusted_target).toBeNull();
    expect(parties.PER!.years['2024']!.adjusted_target).toBeNull();
    expect(parties.PER!.years['2022']!.emissions_balance).toBeNull();
  });
});

describe('a64.itmo (seed option 5)', () => {
  const a64 = (extra: HistoryRow[] = []): HistoryRow[] => [
    ['ActivityRegistered', '2021-06-01', { activity: 'PACM-1', host: 'PER', mechanism: '6.4' }],
    ['AuthorizationIssued', '2022-01-01', { authorization: 'A64', party: 'PER', activity: 'PACM-1', purposes: ['NDC'] }],
    ['UnitsIssued', '2023-01-01', { account: 'PE-NR:dev', activity: 'PACM-1', unitType: 'A6.4ER', block: 'M', from: 1, to: 50, vintage: 2022 }],
    ['UnitsTransferred', '2024-01-01', { from: 'PE-NR:dev', to: 'SG-NR:buyer', units: [{ block: 'M', from: 1, to: 50 }] }],
    ['UnitsTransferred', '2025-01-01', { from: 'SG-NR:buyer', to: 'CH-NR:fund', units: [{ block: 'M', from: 1, to: 20 }] }],
    ['UnitsUsed', '2025-06-01', { account: 'SG-NR:buyer', units: [{ block: 'M', from: 21, to: 30 }], purpose: 'NDC', by: 'SGP' }],
    ...extra,
  ];

  it('on_first_transfer (default): authorized A6.4ERs are ITMOs from their first transfer', () => {
    const parties = summary(a64());
    expect(field(parties.PER!.years, 'first_transferred')).toEqual({ '2024': 50 });
    expect(field(parties.SGP!.years, 'acquired')).toEqual({ '2024': 50 });
    expect(field(parties.SGP!.years, 'annual_adjustment')).toEqual({ '2025': -10 });
  });

  it('on_second_transfer: no entries at the first international transfer; the second is their first transfer', () => {
    const parties = summary(a64(), { 'a64.itmo': 'on_second_transfer', 'first_transfer.ndc': 'issuance' });
    // Only the 20 units that moved twice became ITMOs (2025); the 10 SGP used were never ITMOs.
    expect(field(parties.PER!.years, 'first_transferred')).toEqual({ '2025': 20 });
    expect(field(parties.PER!.years, 'annual_adjustment')).toEqual({ '2022': 20 });
    expect(field(parties.SGP!.years, 'acquired')).toEqual({});
    expect(field(parties.SGP!.years, 'used')).toEqual({});
    expect(field(parties.CHE!.years, 'acquired')).toEqual({ '2025': 20 });
  });

  it('separate: never ITMOs, no adjustments, reported in a64_first_transferred / a64_used', () => {
    const parties = summary(a64(), { 'a64.itmo': 'separate' });
    expect(field(parties.PER!.years, 'a64_first_transferred')).toEqual({ '2024': 50 });
    expect(field(parties.PER!.years, 'first_transferred')).toEqual({});
    expect(field(parties.PER!.years, 'annual_adjustment')).toEqual({});
    expect(field(parties.SGP!.years, 'a64_used')).toEqual({ '2025': 10 });
    expect(field(parties.SGP!.years, 'acquired')).toEqual({});
    expect(parties.SGP!.years['2025']!.a64_first_transferred).toBe(0);
  });

  it('outside separate the a64 fields are null', () => {
    expect(summary(a64()).PER!.years['2024']!.a64_used).toBeNull();
  });
});
