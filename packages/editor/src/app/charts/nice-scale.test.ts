import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { niceScale } from './nice-scale.ts';

describe('niceScale', () => {
  it('picks round ticks that cover the data', () => {
    expect(niceScale(-300, 930)).toEqual({ min: -500, max: 1000, step: 250, ticks: [-500, -250, 0, 250, 500, 750, 1000] });
    expect(niceScale(60000310, 60000310).ticks).toEqual([59250000, 59500000, 59750000, 60000000, 60250000, 60500000, 60750000]);
    expect(niceScale(0, 0.3).ticks).toEqual([0, 0.1, 0.2, 0.3]);
  });

  it('always covers [low, high] with evenly spaced ticks', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.double({ min: -1e9, max: 1e9, noNaN: true }), (a, b) => {
        const scale = niceScale(a, b);
        expect(scale.min).toBeLessThanOrEqual(Math.min(a, b));
        expect(scale.max).toBeGreaterThanOrEqual(Math.max(a, b));
        expect(scale.ticks.length).toBeGreaterThanOrEqual(2);
        expect(scale.ticks.length).toBeLessThanOrEqual(13);
      }),
    );
  });
});
