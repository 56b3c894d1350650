import { describe, expect, it } from 'vitest';
import { GENESIS_PREV, chainEvents, chainHead } from './hash-chain.ts';
import type { HistoryEvent, StoredEvent } from './types.ts';
import { verifyChain } from './verify-chain.ts';

const events: HistoryEvent[] = ['CHE', 'GHA', 'FRA', 'DEU'].map((party, index) => ({
  type: 'PartyJoined',
  id: `join-${index}`,
  at: '2021-01-01',
  data: { party, name: party },
}));

async function* stream(items: readonly StoredEvent[]): AsyncGenerator<StoredEvent> {
  yield* items;
}

describe('verifyChain', () => {
  it('accepts an intact chain and recomputes its head', async () => {
    const stored = [...chainEvents(events)];
    expect(await verifyChain(stream(stored), chainHead(events))).toEqual({ ok: true, events: 4, head: chainHead(events), broken: null });
    expect(await verifyChain(stream([]), GENESIS_PREV)).toEqual({ ok: true, events: 0, head: GENESIS_PREV, broken: null });
  });

  it('names the first link that no longer matches after an event was altered', async () => {
    const stored = [...chainEvents(events)];
    const tampered = stored.map((event) => (event.seq === 1 ? ({ ...event, data: { party: 'GHA', name: 'Altered' } } as StoredEvent) : event));
    const report = await verifyChain(stream(tampered), chainHead(events));
    expect(report.ok).toBe(false);
    expect(report.broken).toEqual({ seq: 2, event: 'join-2', expected: report.broken?.expected, found: stored[2]?.prev });
    expect(report.broken?.expected).not.toBe(stored[2]?.prev);
  });

  it('names an altered prev at its own position', async () => {
    const stored = [...chainEvents(events)];
    const tampered = stored.map((event) => (event.seq === 0 ? { ...event, prev: 'f'.repeat(64) } : event));
    expect((await verifyChain(stream(tampered), chainHead(events))).broken).toEqual({
      seq: 0,
      event: 'join-0',
      expected: GENESIS_PREV,
      found: 'f'.repeat(64),
    });
  });

  it('catches an altered last event through the recorded head', async () => {
    const stored = [...chainEvents(events)];
    const tampered = stored.map((event) => (event.seq === 3 ? ({ ...event, data: { party: 'DEU', name: 'x' } } as StoredEvent) : event));
    const report = await verifyChain(stream(tampered), chainHead(events));
    expect(report.broken).toMatchObject({ seq: 4, event: null, found: chainHead(events) });
  });
});
