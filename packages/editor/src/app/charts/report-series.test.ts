import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CompareReport, ReplayReport } from '@a6/ledger';
import { adjustmentChart, compareChart, emissionsBalanceChart, partiesWithDiffs } from './report-series.ts';

// Reports computed by the real engine (`a6 replay --json` / `a6 compare --json` on the worked example).
const replay = JSON.parse(readFileSync(new URL('./fixtures/worked-example.replay.json', import.meta.url), 'utf8')) as ReplayReport;
const compare = JSON.parse(readFileSync(new URL('./fixtures/worked-example.compare.json', import.meta.url), 'utf8')) as CompareReport;

describe('charts derived from reports', () => {
  it('plots the worked example adjustments: PER 310 a year by averaging, SGP −300 in 2024', () => {
    const chart = adjustmentChart(replay)!;
    expect(chart.spec.categories).toEqual(['2021', '2022', '2023', '2024']);
    expect(chart.spec.series).toEqual([
      { name: 'PER', values: [310, 310, 310, null] },
      { name: 'SGP', values: [0, 0, 0, -300] },
    ]);
    expect(chart.note).toBeNull();
  });

  it('plots emissions balances only where an inventory was reported', () => {
    const chart = emissionsBalanceChart(replay)!;
    expect(chart.spec.categories).toEqual(['2022', '2023']);
    expect(chart.spec.series).toEqual([{ name: 'PER', values: [60000310, 60000310] }]);
    expect(chart.note).toBe('Parties without an inventory have no emissions balance: SGP.');
  });

  it('draws one series per compared rulebook for the years that differ', () => {
    expect(partiesWithDiffs(compare, 'adjustment')).toEqual(['PER']);
    const chart = compareChart(compare, 'PER', 'adjustment')!;
    expect(chart.spec.series.map((series) => series.name)).toEqual(compare.rulebooks.map((rulebook) => rulebook.key));
    expect(chart.spec.categories).toEqual(['2021', '2022', '2023']);
    expect(chart.spec.series[0]!.values).toEqual([310, 310, 310]);
    expect(compareChart(compare, 'SGP', 'adjustment')).toBeNull();
  });
});
