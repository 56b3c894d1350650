import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortedJson } from '../events/canonical-json.ts';
import type { HistoryEvent } from '../events/types.ts';
import { buildReplayReport } from '../report/replay-report.ts';
import { CANCELLED, USED } from '../state/unit-ranges.ts';
import { replaySync } from './replay.ts';
import { history, twoParties, type HistoryRow } from './testing/history-builder.ts';
import { testRulebook } from './testing/test-rulebook.ts';

const ACCOUNTS = ['PE-NR:dev', 'SG-NR:buyer', 'CH-NR:fund', 'LEVY:fund'];
const BLOCKS = [
  { block: 'B1', size: 120, vintage: 2021, unitType: 'ITMO' },
  { block: 'B2', size: 37, vintage: 2022, unitType: 'A6.4ER' },
  { block: 'B3', size: 200, vintage: 2023, unitType: 'VCU' },
];

const range = fc
  .tuple(fc.integer({ min: 0, max: BLOCKS.length - 1 }), fc.integer({ min: 1, max: 200 }), fc.integer({ min: 0, max: 60 }))
  .map(([index, start, length]) => {
    const { block, size } = BLOCKS[index]!;
    const from = Math.min(start, size);
    return { block, from, to: Math.min(size, from + length) };
  });

const move: fc.Arbitrary<HistoryRow> = fc.oneof(
  fc.tuple(fc.constantFrom(...ACCOUNTS), fc.constantFrom(...ACCOUNTS), fc.array(range, { minLength: 1, maxLength: 3 })).map(
    ([from, to, units]): HistoryRow => ['UnitsTransferred', '2024-01-01', { from, to, units }],
  ),
  fc.tuple(fc.constantFrom(...ACCOUNTS), range, fc.constantFrom<'NDC' | 'OIMP' | 'voluntary'>('NDC', 'OIMP', 'voluntary')).map(
    ([account, unit, purpose]): HistoryRow => ['UnitsUsed', '2025-01-01', { account, units: [unit], purpose, by: 'SGP' }],
  ),
  fc.tuple(fc.constantFrom(...ACCOUNTS), range, fc.constantFrom<'voluntary' | 'omge' | 'other'>('voluntary', 'omge', 'other')).map(
    ([account, unit, reason]): HistoryRow => ['UnitsCancelled', '2025-06-01', { account, units: [unit], reason }],
  ),
  fc.constant<HistoryRow>(['AuthorizationRevoked', '2024-06-01', { authorization: 'A1' }]),
);

const scenario = fc.record({
  moves: fc.array(move, { maxLength: 25 }),
  firstTransferNdc: fc.constantFrom('international_transfer', 'authorization', 'issuance'),
  a64: fc.constantFrom('on_first_transfer', 'on_second_transfer', 'separate'),
  acquirer: fc.constantFrom('on_use', 'on_acquisition'),
  authorizeLate: fc.boolean(),
});

function eventsOf(moves: HistoryRow[], authorizeLate: boolean): HistoryEvent[] {
  const authorize: HistoryRow = ['AuthorizationIssued', authorizeLate ? '2023-06-01' : '2022-01-01', { authorization: 'A1', party: 'PER', activity: 'PE-001', purposes: ['NDC', 'OIMP'], firstTransfer: 'use' }];
  const issues = BLOCKS.map(({ block, size, vintage, unitType }): HistoryRow => ['UnitsIssued', '2023-01-01', { account: 'PE-NR:dev', activity: 'PE-001', unitType, block, from: 1, to: size, vintage }]);
  return history(...twoParties(), ...(authorizeLate ? [...issues, authorize] : [authorize, ...issues]), ...moves);
}

const rulebookOf = (options: { firstTransferNdc: string; a64: string; acquirer: string }) =>
  testRulebook({
    options: { 'first_transfer.ndc': options.firstTransferNdc, 'a64.itmo': options.a64, 'adjustment.acquirer': options.acquirer },
    levies: [
      { name: 'sop', percent: '5', on: 'issuance', to: 'fund' },
      { name: 'omge', percent: '2', rounding: 'up', on: 'issuance' },
      { name: 'fee', percent: '10', rounding: 'nearest', on: 'international_transfer', to: 'fee' },
      { name: 'ft', percent: '3', on: 'first_transfer' },
    ],
  });

describe('replay properties', () => {
  it('conserves units: for every block issued = held (LEVY:* included) + used + cancelled, and the counters agree with the ranges', () => {
    fc.assert(
      fc.property(scenario, ({ moves, authorizeLate, ...options }) => {
        const outcome = replaySync(eventsOf(moves, authorizeLate), rulebookOf(options));
        expect(outcome.verdicts.accepted + outcome.verdicts.rejected).toBe(outcome.events);
        const heldByAccount = new Map<number, number>();
        let levied = 0;
        for (const block of outcome.state.blocks.items) {
          // No unit in two places: the ranges tile the block exactly.
          expect(block.units.invariantViolation()).toBeNull();
          let held = 0;
          let used = 0;
          let cancelled = 0;
          for (const segment of block.units.all()) {
            const size = segment.to - segment.from + 1;
            if (segment.levied) levied += size;
            if (segment.holder === USED) used += size;
            else if (segment.holder === CANCELLED) cancelled += size;
            else {
              held += size;
              heldByAccount.set(segment.holder, (heldByAccount.get(segment.holder) ?? 0) + size);
            }
          }
          expect(held + used + cancelled).toBe(block.units.to - block.units.from + 1);
        }
        for (const account of outcome.state.accounts.items) expect(account.held).toBe(heldByAccount.get(account.id) ?? 0);
        for (const party of outcome.state.parties.items) {
          const expected = outcome.state.accounts.items.filter((account) => account.party === party.id).reduce((sum, account) => sum + account.held, 0);
          expect(party.held).toBe(expected);
        }
        // Every levied unit was taken by exactly one levy, and levy takings only ever grow the levied set.
        expect(Object.values(outcome.levies).reduce((sum, value) => sum + value, 0)).toBeGreaterThanOrEqual(levied);
      }),
      { numRuns: 150 },
    );
  });

  it('is deterministic: two replays of the same history and rulebook give byte-identical reports', () => {
    fc.assert(
      fc.property(scenario, ({ moves, authorizeLate, ...options }) => {
        const events = eventsOf(moves, authorizeLate);
        const first = sortedJson(buildReplayReport(replaySync(events, rulebookOf(options))));
        const second = sortedJson(buildReplayReport(replaySync(events, rulebookOf(options))));
        expect(first).toBe(second);
      }),
      { numRuns: 50 },
    );
  });

  it('as_of includes its whole day and stops there', () => {
    const events = eventsOf([['UnitsTransferred', '2024-01-01T12:00:00Z', { from: 'PE-NR:dev', to: 'SG-NR:buyer', units: [{ block: 'B1', from: 1, to: 10 }] }]], false);
    const through = replaySync(events, rulebookOf({ firstTransferNdc: 'international_transfer', a64: 'on_first_transfer', acquirer: 'on_use' }), { asOf: '2024-01-01' });
    const before = replaySync(events, rulebookOf({ firstTransferNdc: 'international_transfer', a64: 'on_first_transfer', acquirer: 'on_use' }), { asOf: '2023-12-31' });
    expect(through.events).toBe(events.length);
    expect(before.events).toBe(events.length - 1);
    expect(buildReplayReport(before).history.as_of).toBe('2023-12-31');
  });
});

describe('history.head', () => {
  it('is the hash-chain head of the replayed events, whether computed, given, or cut by as_of', async () => {
    const { chainHead } = await import('../events/hash-chain.ts');
    const events = eventsOf([], false);
    const rulebook = rulebookOf({ firstTransferNdc: 'international_transfer', a64: 'on_first_transfer', acquirer: 'on_use' });
    expect(replaySync(events, rulebook).head).toBe(chainHead(events));
    expect(replaySync(events, rulebook, { head: 'f'.repeat(64) }).head).toBe('f'.repeat(64));
    expect(replaySync(events, rulebook, { head: 'f'.repeat(64), asOf: '2022-12-31' }).head).toBe(chainHead(events.filter((event) => event.at <= '2022-12-31')));
  });
});
