import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CANCELLED, USED, UnitRanges, sameAttributes, type UnitAttributes } from './unit-ranges.ts';

const attributes: fc.Arbitrary<UnitAttributes> = fc.record({
  holder: fc.constantFrom(0, 1, 2, USED, CANCELLED),
  authorization: fc.constantFrom(-1, 0, 1),
  firstTransferred: fc.boolean(),
  levied: fc.boolean(),
  internationalTransfers: fc.constantFrom(0, 1, 2),
  acquirer: fc.constantFrom(-1, 0, 1),
  transferorBooked: fc.boolean(),
});

const BLOCK_FROM = 11;
const BLOCK_TO = 60;
const assignment = fc
  .tuple(fc.integer({ min: BLOCK_FROM, max: BLOCK_TO }), fc.integer({ min: BLOCK_FROM, max: BLOCK_TO }), attributes)
  .map(([a, b, attrs]) => ({ from: Math.min(a, b), to: Math.max(a, b), attrs }));

/** The naive model: one attribute record per unit. */
function replayModel(initial: UnitAttributes, steps: readonly { from: number; to: number; attrs: UnitAttributes }[]): UnitAttributes[] {
  const units: UnitAttributes[] = [];
  for (let serial = BLOCK_FROM; serial <= BLOCK_TO; serial++) units.push(initial);
  for (const { from, to, attrs } of steps) for (let serial = from; serial <= to; serial++) units[serial - BLOCK_FROM] = attrs;
  return units;
}

describe('UnitRanges', () => {
  it('splitting and merging keeps every attribute of every unit (against a per-unit model)', () => {
    fc.assert(
      fc.property(attributes, fc.array(assignment, { maxLength: 40 }), (initial, steps) => {
        const ranges = new UnitRanges(BLOCK_FROM, BLOCK_TO, initial);
        for (const { from, to, attrs } of steps) {
          ranges.assign(from, to, attrs);
          expect(ranges.invariantViolation()).toBeNull();
        }
        const model = replayModel(initial, steps);
        for (let serial = BLOCK_FROM; serial <= BLOCK_TO; serial++) {
          const segment = ranges.at(ranges.indexOf(serial))!;
          expect(segment.from <= serial && serial <= segment.to).toBe(true);
          expect(sameAttributes(segment, model[serial - BLOCK_FROM]!)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('conserves units and never puts one unit in two places: segments tile the block exactly', () => {
    fc.assert(
      fc.property(attributes, fc.array(assignment, { maxLength: 40 }), (initial, steps) => {
        const ranges = new UnitRanges(BLOCK_FROM, BLOCK_TO, initial);
        for (const { from, to, attrs } of steps) ranges.assign(from, to, attrs);
        const segments = ranges.all();
        const total = segments.reduce((sum, segment) => sum + segment.to - segment.from + 1, 0);
        expect(total).toBe(BLOCK_TO - BLOCK_FROM + 1);
        for (let index = 1; index < segments.length; index++) expect(segments[index]!.from).toBe(segments[index - 1]!.to + 1);
      }),
    );
  });

  it('a split child keeps its parent’s flags; re-uniting the attributes merges the pieces back', () => {
    const parent: UnitAttributes = {
      holder: 0,
      authorization: 1,
      firstTransferred: false,
      levied: false,
      internationalTransfers: 1,
      acquirer: 1,
      transferorBooked: false,
    };
    const ranges = new UnitRanges(1, 100, parent);
    ranges.assign(40, 59, { ...parent, holder: 2 });
    expect(ranges.all()).toEqual([
      { from: 1, to: 39, ...parent },
      { from: 40, to: 59, ...parent, holder: 2 },
      { from: 60, to: 100, ...parent },
    ]);
    ranges.assign(40, 59, parent);
    expect(ranges.all()).toEqual([{ from: 1, to: 100, ...parent }]);
  });
});
