import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPrng } from './prng.ts';

describe('createPrng', () => {
  it('repeats its sequence for a seed and differs between seeds', () => {
    const a = createPrng('seed');
    const b = createPrng('seed');
    const c = createPrng('seed2');
    const first = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(first);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(first);
  });

  it('keeps int() inside its bounds', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 0, max: 1000 }), (seed, low, width) => {
        const prng = createPrng(seed);
        for (let i = 0; i < 20; i++) {
          const value = prng.int(low, low + width);
          if (!(Number.isInteger(value) && value >= low && value <= low + width)) return false;
        }
        return true;
      }),
    );
  });

  it('draws weighted keys in proportion, never a zero-weight key', () => {
    const prng = createPrng('weights');
    const counts = { a: 0, b: 0, never: 0 };
    const weights = { a: 3, b: 1, never: 0 };
    for (let i = 0; i < 4000; i++) counts[prng.weighted(weights)]++;
    expect(counts.never).toBe(0);
    expect(counts.a / counts.b).toBeGreaterThan(2.5);
    expect(counts.a / counts.b).toBeLessThan(3.5);
  });
});
