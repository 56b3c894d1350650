import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { exactRate, levyAmount, ratesExceedWhole } from './exact-rate.ts';

describe('exactRate', () => {
  it('reads the percent text exactly, never through a double', () => {
    expect(exactRate('5')).toEqual({ numerator: 5n, denominator: 100n });
    expect(exactRate('2.5')).toEqual({ numerator: 25n, denominator: 1000n });
    expect(exactRate('0.1')).toEqual({ numerator: 1n, denominator: 1000n });
    expect(exactRate('1_0')).toEqual({ numerator: 10n, denominator: 100n });
  });
});

describe('levyAmount (docs/language.md, Levies)', () => {
  it('rounds as the rulebook says', () => {
    // 5% of 1000 = 50 exactly: every rounding agrees.
    expect(levyAmount(exactRate('5'), 'down', 1000)).toBe(50);
    expect(levyAmount(exactRate('5'), 'up', 1000)).toBe(50);
    // 2% of 1000 = 20 exactly; of 999 = 19.98 → down 19, up 20, nearest 20.
    expect(levyAmount(exactRate('2'), 'up', 1000)).toBe(20);
    expect(levyAmount(exactRate('2'), 'down', 999)).toBe(19);
    expect(levyAmount(exactRate('2'), 'up', 999)).toBe(20);
    expect(levyAmount(exactRate('2'), 'nearest', 999)).toBe(20);
    // 2.5% of 3 = 0.075 → nearest 0; of 20 = 0.5 → nearest rounds half up to 1, down 0.
    expect(levyAmount(exactRate('2.5'), 'nearest', 3)).toBe(0);
    expect(levyAmount(exactRate('2.5'), 'nearest', 20)).toBe(1);
    expect(levyAmount(exactRate('2.5'), 'down', 20)).toBe(0);
    // 5% of 930 = 46.5 → down 46, nearest 47, up 47.
    expect(levyAmount(exactRate('5'), 'down', 930)).toBe(46);
    expect(levyAmount(exactRate('5'), 'nearest', 930)).toBe(47);
    expect(levyAmount(exactRate('5'), 'up', 930)).toBe(47);
    // 0.1% of 7,144,362 = 7144.362 → down 7144, up 7145.
    expect(levyAmount(exactRate('0.1'), 'down', 7_144_362)).toBe(7144);
    expect(levyAmount(exactRate('0.1'), 'up', 7_144_362)).toBe(7145);
    // 7% of 100 is 7 exactly, where 0.07 * 100 in doubles is 7.000000000000001 and ceil would give 8.
    expect(levyAmount(exactRate('7'), 'up', 100)).toBe(7);
    expect(levyAmount(exactRate('5'), 'down', 0)).toBe(0);
  });

  it('down ≤ nearest ≤ up, within one unit, and never more than the quantity for rates ≤ 100%', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.nat(Number.MAX_SAFE_INTEGER), (hundredths, quantity) => {
        const text = (hundredths / 100).toFixed(2);
        const rate = exactRate(text);
        const down = levyAmount(rate, 'down', quantity);
        const nearest = levyAmount(rate, 'nearest', quantity);
        const up = levyAmount(rate, 'up', quantity);
        expect(down).toBeLessThanOrEqual(nearest);
        expect(nearest).toBeLessThanOrEqual(up);
        expect(up - down).toBeLessThanOrEqual(1);
        expect(up).toBeLessThanOrEqual(quantity);
      }),
    );
  });
});

describe('ratesExceedWhole', () => {
  it('adds exact rates: 60% + 40% is whole, 60% + 40.5% is more', () => {
    expect(ratesExceedWhole([exactRate('60'), exactRate('40')])).toBe(false);
    expect(ratesExceedWhole([exactRate('60'), exactRate('40.5')])).toBe(true);
    expect(ratesExceedWhole([exactRate('33.3'), exactRate('33.3'), exactRate('33.4')])).toBe(false);
    expect(ratesExceedWhole([])).toBe(false);
  });
});
