import { afterEach, describe, expect, it } from 'vitest';
import { eventHash, GENESIS_PREV, toHistoryEvent, type HistoryEvent, type StoredEvent } from '@a6/ledger';
import { MemoryEventStore, type EventStore } from '@a6/ledger/store';
import { startApi, type ApiHarness } from './api-harness.ts';

async function storedHistory(store: EventStore, history = 'main'): Promise<StoredEvent[]> {
  const events: StoredEvent[] = [];
  for await (const event of store.readHistory(history)) events.push(event);
  return events;
}

/** Positions are 0..n-1, ids unique, and every `prev` links to the event before it. */
async function expectIntactChain(store: EventStore): Promise<StoredEvent[]> {
  const events = await storedHistory(store);
  expect(events.map((event) => event.seq)).toEqual([...events.keys()]);
  expect(new Set(events.map((event) => event.id)).size).toBe(events.length);
  let link = GENESIS_PREV;
  for (const event of events) {
    expect(event.prev).toBe(link);
    link = eventHash(toHistoryEvent(event), link);
  }
  expect((await store.head('main')).hash).toBe(link);
  return events;
}

/** A store where a racing writer in "another process" appends just before each of the server's appends. */
function racingStore(inner: EventStore, races: { remaining: number }): EventStore {
  let external = 0;
  return new Proxy(inner, {
    get(target, property, receiver) {
      if (property === 'append') {
        return async (history: string, events: Iterable<HistoryEvent>, options?: { expectedHead?: number | 'any' }) => {
          if (history === 'main' && typeof options?.expectedHead === 'number' && races.remaining > 0) {
            races.remaining -= 1;
            external += 1;
            await target.append(history, [{ type: 'InventoryReported', id: `external-${external}`, at: '2024-06-01', data: { party: 'SGP', year: 2000 + external, emissions: 5 } }]);
          }
          return target.append(history, events, options);
        };
      }
      const value = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  }) as EventStore;
}

describe('concurrent writers', () => {
  let api: ApiHarness | undefined;
  afterEach(async () => {
    await api?.close();
    api = undefined;
  });

  it('two clients appending at once: every event stored once, each right before its verdict, chain intact', async () => {
    api = await startApi({ seed: 'history' });
    const operator = await api.token('operator:PE-NR');
    const party = await api.token('party:PER');
    const before = (await api.store.head('main')).events;
    const requests = [];
    for (let index = 0; index < 25; index++) {
      requests.push(api.call('POST', '/api/histories/main/events', { token: operator, body: [{ type: 'AccountOpened', id: `op-${index}`, data: { account: `PE-NR:acc-${index}`, kind: 'holding', holder: `holder ${index}` } }] }));
      requests.push(api.call('POST', '/api/histories/main/events', { token: party, body: [{ type: 'InventoryReported', id: `pa-${index}`, data: { party: 'PER', year: 1990 + index, emissions: index } }] }));
    }
    const responses = await Promise.all(requests);
    expect(responses.map((response) => response.status)).toEqual(responses.map(() => 201));
    const events = await expectIntactChain(api.store);
    expect(events.length).toBe(before + 100);
    for (const response of responses) {
      const [result] = response.body.results;
      expect(result.verdict).toBe('accepted');
      expect(events[result.seq]!.id).toBe(result.id);
      expect(events[result.seq + 1]).toMatchObject({ type: 'TransactionDecided', data: { event: result.id } });
    }
  });

  it('events another process appended are caught up before deciding', async () => {
    api = await startApi({ seed: 'history' });
    await api.store.append('main', [{ type: 'AccountOpened', id: 'outside', at: '2024-01-01', data: { account: 'SG-NR:outside', kind: 'holding', holder: 'written by a6 import' } }]);
    // The server never saw that account open, yet references it at once: it caught up.
    const response = await api.call('POST', '/api/histories/main/events', {
      token: api.admin,
      body: [{ type: 'UnitsTransferred', id: 'to-outside', data: { from: 'PE-NR:dev', to: 'SG-NR:outside', units: [{ block: 'PE-001-2022', from: 110, to: 119 }] } }],
    });
    expect(response.status).toBe(201);
    expect(response.body.results[0].verdict).toBe('accepted');
    const events = await expectIntactChain(api.store);
    expect(events.at(-2)!.id).toBe('to-outside');
  });

  it('a writer that wins the race: the request is decided again on the caught-up state and stored after it', async () => {
    const races = { remaining: 0 };
    const inner = new MemoryEventStore();
    api = await startApi({ seed: 'history', store: racingStore(inner, races) });
    races.remaining = 1;
    const response = await api.call('POST', '/api/histories/main/events', {
      token: api.admin,
      body: [{ type: 'InventoryReported', id: 'raced', data: { party: 'PER', year: 2023, emissions: 7 } }],
    });
    expect(response.status).toBe(201);
    const events = await expectIntactChain(inner);
    expect(events.filter((event) => event.id === 'external-1')).toHaveLength(1);
    expect(events.filter((event) => event.id === 'raced')).toHaveLength(1);
    expect(response.body.results[0].seq).toBe(events.findIndex((event) => event.id === 'raced'));
    expect(events.findIndex((event) => event.id === 'external-1')).toBeLessThan(response.body.results[0].seq);
  });

  it('a writer that keeps winning: 409 store.concurrency after the retries, nothing of the request stored', async () => {
    const races = { remaining: 0 };
    const inner = new MemoryEventStore();
    api = await startApi({ seed: 'history', store: racingStore(inner, races) });
    races.remaining = 100;
    const response = await api.call('POST', '/api/histories/main/events', {
      token: api.admin,
      body: [{ type: 'InventoryReported', id: 'never', data: { party: 'PER', year: 2023, emissions: 7 } }],
    });
    expect(response.status).toBe(409);
    expect(response.body.error.code).toBe('store.concurrency');
    const events = await expectIntactChain(inner);
    expect(events.some((event) => event.id === 'never')).toBe(false);
    races.remaining = 0;
    // And the server recovers: the next request is decided on the real state.
    const next = await api.call('POST', '/api/histories/main/events', { token: api.admin, body: [{ type: 'InventoryReported', id: 'after', data: { party: 'PER', year: 2024, emissions: 8 } }] });
    expect(next.status).toBe(201);
    await expectIntactChain(inner);
  });
});
