import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatExact } from './exact-number.ts';

describe('formatExact', () => {
  it('groups thousands and keeps every digit of the shortest form', () => {
    expect(formatExact(60000310)).toBe('60,000,310');
    expect(formatExact(333.3333333333333)).toBe('333.3333333333333');
    expect(formatExact(60000333.333333336)).toBe('60,000,333.333333336');
    expect(formatExact(-300)).toBe('−300');
    expect(formatExact(0)).toBe('0');
    expect(formatExact(null)).toBe('—');
  });

  it('reads back to the same number once the separators are removed', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e20, max: 1e20 }), (value) => {
        const text = formatExact(value).replace(/,/g, '').replace('−', '-');
        expect(Number(text)).toBe(value === 0 ? 0 : value);
      }),
    );
  });
});
