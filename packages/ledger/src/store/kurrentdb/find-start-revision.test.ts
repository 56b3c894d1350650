import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findStartRevision } from './find-start-revision.ts';

describe('findStartRevision', () => {
  it('finds the append holding a seq, as a linear scan would, in O(log appends) reads', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 60 }), fc.nat(400), async (sizes, rawSeq) => {
        const firstSeqs = sizes.map((_, index) => sizes.slice(0, index).reduce((sum, size) => sum + size, 0));
        const fromSeq = rawSeq % (firstSeqs.at(-1)! + sizes.at(-1)! + 3);
        let reads = 0;
        const found = await findStartRevision(fromSeq, firstSeqs.length - 1, async (revision) => {
          reads += 1;
          return firstSeqs[revision]!;
        });
        const linear = firstSeqs.findLastIndex((firstSeq) => firstSeq <= fromSeq);
        expect(found).toBe(linear);
        expect(reads).toBeLessThanOrEqual(Math.ceil(Math.log2(firstSeqs.length)) + 1);
      }),
    );
  });
});
