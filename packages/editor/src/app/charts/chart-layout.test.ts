import { describe, expect, it } from 'vitest';
import { layoutChart, type ChartSpec } from './chart-layout.ts';

const adjustments: ChartSpec = {
  title: 'Corresponding adjustment by year',
  description: 'test',
  kind: 'bars',
  categoryLabel: 'Year',
  valueLabel: 'tCO2e',
  categories: ['2022', '2024'],
  series: [
    { name: 'PER', values: [310, null] },
    { name: 'SGP', values: [0, -300] },
  ],
};

describe('layoutChart', () => {
  it('grows bars from zero, up for positive values and down for negative ones', () => {
    const layout = layoutChart(adjustments);
    const zero = layout.zeroY!;
    const per = layout.marks.find((mark) => mark.series === 0 && mark.category === 0)!;
    const sgp = layout.marks.find((mark) => mark.series === 1 && mark.category === 1)!;
    expect(per.y + per.height).toBeCloseTo(zero);
    expect(sgp.y).toBeCloseTo(zero);
    expect(sgp.height).toBeGreaterThan(0);
    // PER has no 2024 value: no bar, rather than a zero-height one.
    expect(layout.marks.filter((mark) => mark.series === 0)).toHaveLength(1);
    // Bars of one year sit side by side inside its band.
    const sgpZero = layout.marks.find((mark) => mark.series === 1 && mark.category === 0)!;
    expect(sgpZero.x).toBeCloseTo(per.x + per.width);
  });

  it('breaks a line at a missing value and keeps a non-zero axis for balances', () => {
    const layout = layoutChart({
      ...adjustments,
      kind: 'lines',
      categories: ['2021', '2022', '2023'],
      series: [{ name: 'PER', values: [60000000, null, 60000310] }],
    });
    expect(layout.lines[0]!.runs.map((run) => run.length)).toEqual([1, 1]);
    expect(layout.zeroY).toBeNull();
    expect(layout.yTicks[0]!.value).toBeGreaterThan(0);
    // Larger values are drawn higher (smaller y).
    const [first, last] = layout.marks;
    expect(last!.y).toBeLessThan(first!.y);
  });

  it('lays out an empty chart without failing', () => {
    const layout = layoutChart({ ...adjustments, categories: [], series: [] });
    expect(layout.marks).toEqual([]);
    expect(layout.yTicks.length).toBeGreaterThan(1);
  });
});
