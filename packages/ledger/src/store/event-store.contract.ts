import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeHistoryLines } from '../events/decode-history.ts';
import { GENESIS_PREV, chainHead, eventHash, toHistoryEvent } from '../events/hash-chain.ts';
import type { HistoryEvent, StoredEvent } from '../events/types.ts';
import type { EventStore } from './event-store.ts';
import { ConcurrencyError, IdConflictError, isConcurrencyError, isIdConflictError, isStoreClosedError } from './store-errors.ts';
import { streamFor } from './stream-for.ts';

export interface EventStoreContractOptions {
  /**
   * Reopens the store most recently returned by `makeStore` after it was closed (durable backends);
   * when absent the "reopen keeps data" case is not part of this backend's run.
   */
  readonly reopen?: () => Promise<EventStore>;
}

/**
 * The one contract every `EventStore` backend passes (conventions §6). Each case gets a fresh, empty
 * store from `makeStore`; `teardown` runs after each case (the suite closes the store first).
 */
export function describeEventStoreContract(
  name: string,
  makeStore: () => Promise<EventStore>,
  teardown?: () => Promise<void>,
  options: EventStoreContractOptions = {},
): void {
  describe(`EventStore contract: ${name}`, () => {
    let store: EventStore;

    beforeEach(async () => {
      store = await makeStore();
    });

    afterEach(async () => {
      await store.close();
      await teardown?.();
    });

    it('appends a batch and reads it back in order with seq and prev', async () => {
      const events = sampleHistory();
      const result = await store.append('main', events);
      expect(result).toMatchObject({ stored: events.length, skipped: 0, skippedIds: [], firstSeq: 0 });
      const read = await collect(store.readHistory('main'));
      expect(read.map(toHistoryEvent)).toEqual(events);
      expect(read.map((event) => event.seq)).toEqual(events.map((_, index) => index));
      expectChained(read);
      expect(result.head).toEqual({ history: 'main', events: events.length, hash: chainHead(events) });
      expect(await store.head('main')).toEqual(result.head);
    });

    it('reads the same events in pages as one by one, from a checkpoint and filtered too', async () => {
      const events = sampleHistory();
      await store.append('main', events);
      for (const options of [{}, { batchSize: 3 }, { batchSize: 2, fromSeq: 3 }, { batchSize: 4, types: ['UnitsIssued' as const, 'PartyJoined' as const] }]) {
        const pages = await collect(store.readHistoryPages('main', options));
        expect(pages.every((page) => page.length > 0 && page.length <= (options.batchSize ?? events.length))).toBe(true);
        expect(pages.flat()).toEqual(await collect(store.readHistory('main', options)));
      }
      expect(await collect(store.readHistoryPages('nothing-here'))).toEqual([]);
    });

    it('reports an empty head for an unknown history and lists only non-empty histories', async () => {
      expect(await store.head('nothing-here')).toEqual({ history: 'nothing-here', events: 0, hash: GENESIS_PREV });
      expect(await store.listHistories()).toEqual([]);
      expect(await collect(store.readHistory('nothing-here'))).toEqual([]);
    });

    it('continues the chain across appends and matches the NDJSON chain head of the same events', async () => {
      const events = sampleHistory();
      await store.append('main', events.slice(0, 4));
      const second = await store.append('main', events.slice(4));
      expect(second.firstSeq).toBe(4);
      const ndjson = events.map((event) => JSON.stringify(event)).join('\n');
      const decoded = await decodeHistoryLines(ndjson.split('\n'));
      expect(decoded.ok).toBe(true);
      expect(decoded.ok && decoded.head).toBe(second.head.hash);
      expectChained(await collect(store.readHistory('main')));
    });

    it('fails with ConcurrencyError on an expectedHead mismatch and stores nothing', async () => {
      const events = sampleHistory();
      await store.append('main', events.slice(0, 2), { expectedHead: 0 });
      const failure = await store.append('main', events.slice(2), { expectedHead: 0 }).catch((error: unknown) => error);
      expect(isConcurrencyError(failure)).toBe(true);
      expect(failure).toBeInstanceOf(ConcurrencyError);
      expect(failure).toMatchObject({ code: 'store.concurrency', history: 'main', expected: 0, actual: 2 });
      expect((await store.head('main')).events).toBe(2);
      await store.append('main', events.slice(2), { expectedHead: 2 });
      expect((await store.head('main')).events).toBe(events.length);
    });

    it('lets exactly one of two racing writers with the same expectedHead win', async () => {
      await store.append('main', sampleHistory().slice(0, 2));
      const racers = await Promise.allSettled([
        store.append('main', [partyJoined('w1', 'AAA')], { expectedHead: 2 }),
        store.append('main', [partyJoined('w2', 'BBB')], { expectedHead: 2 }),
      ]);
      expect(racers.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
      const rejected = racers.filter((outcome) => outcome.status === 'rejected');
      expect(rejected).toHaveLength(1);
      expect(isConcurrencyError((rejected[0] as PromiseRejectedResult).reason)).toBe(true);
      expect((await store.head('main')).events).toBe(3);
    });

    it('never forks the chain when writers race without an expected head', async () => {
      const writers = Array.from({ length: 8 }, (_, writer) =>
        store.append('main', [partyJoined(`r${writer}-a`, 'AAA'), partyJoined(`r${writer}-b`, 'BBB')]),
      );
      const results = await Promise.all(writers);
      const firstSeqs = results.map((result) => result.firstSeq).sort((a, b) => (a ?? 0) - (b ?? 0));
      expect(firstSeqs).toEqual([0, 2, 4, 6, 8, 10, 12, 14]);
      const read = await collect(store.readHistory('main'));
      expect(read).toHaveLength(16);
      expectChained(read);
      expect((await store.head('main')).hash).toBe(chainHead(read.map(toHistoryEvent)));
    });

    it('appends a batch spanning several streams atomically: a failing batch stores nothing', async () => {
      const events = sampleHistory();
      await store.append('main', events.slice(0, 3));
      expect(new Set(events.map(streamFor)).size).toBeGreaterThan(3);
      const tampered = { ...events[1], data: { party: 'GHA', name: 'Another name' } } as HistoryEvent;
      const failure = await store.append('main', [...events.slice(3), tampered]).catch((error: unknown) => error);
      expect(isIdConflictError(failure)).toBe(true);
      expect((await store.head('main')).events).toBe(3);
      expect(await collect(store.readHistory('main'))).toHaveLength(3);
      for (const stream of new Set(events.slice(3).map(streamFor))) {
        const inStream = await collect(store.readStream('main', stream));
        expect(inStream.every((event) => event.seq < 3)).toBe(true);
      }
    });

    it('stores nothing when the batch source fails midway (a killed import leaves no half)', async () => {
      await store.append('main', [partyJoined('before', 'CHE')]);
      async function* failing(): AsyncGenerator<HistoryEvent> {
        yield partyJoined('half-1', 'GHA');
        yield partyJoined('half-2', 'FRA');
        throw new Error('source broke');
      }
      await expect(store.append('main', failing())).rejects.toThrow('source broke');
      expect((await store.head('main')).events).toBe(1);
      expect((await collect(store.readHistory('main'))).map((event) => event.id)).toEqual(['before']);
      const after = await store.append('main', [partyJoined('after', 'DEU')]);
      expect(after.firstSeq).toBe(1);
    });

    it('skips events re-appended with the same id and content (idempotent)', async () => {
      const events = sampleHistory();
      const first = await store.append('main', events.slice(0, 5));
      const again = await store.append('main', events);
      expect(again).toMatchObject({ stored: events.length - 5, skipped: 5, firstSeq: 5 });
      expect(again.skippedIds).toEqual(events.slice(0, 5).map((event) => event.id));
      const nothingNew = await store.append('main', events);
      expect(nothingNew).toMatchObject({ stored: 0, skipped: events.length, firstSeq: null });
      expect(nothingNew.head).toEqual(again.head);
      expect(first.head.events).toBe(5);
    });

    it('skips a repeated id with the same content within one batch', async () => {
      const event = partyJoined('dup', 'CHE');
      const result = await store.append('main', [event, event]);
      expect(result).toMatchObject({ stored: 1, skipped: 1, skippedIds: ['dup'] });
    });

    it('rejects an id already stored with other content, naming every conflict', async () => {
      await store.append('main', [partyJoined('p1', 'CHE'), partyJoined('p2', 'GHA')]);
      const failure = await store
        .append('main', [partyJoined('p1', 'FRA'), partyJoined('p3', 'DEU'), partyJoined('p2', 'ITA')])
        .catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(IdConflictError);
      expect((failure as IdConflictError).conflicts).toEqual([
        { id: 'p1', seq: 0 },
        { id: 'p2', seq: 1 },
      ]);
      expect((await store.head('main')).events).toBe(2);
    });

    it('rejects one id with two contents within one batch', async () => {
      const failure = await store.append('main', [partyJoined('x', 'CHE'), partyJoined('x', 'GHA')]).catch((error: unknown) => error);
      expect((failure as IdConflictError).conflicts).toEqual([{ id: 'x', seq: null }]);
      expect((await store.head('main')).events).toBe(0);
    });

    it('reads from a checkpoint with stream-prefix and type filters, across batch boundaries', async () => {
      const events = sampleHistory();
      await store.append('main', events);
      const fromFour = await collect(store.readHistory('main', { fromSeq: 4, batchSize: 2 }));
      expect(fromFour.map((event) => event.seq)).toEqual(events.slice(4).map((_, index) => index + 4));
      const parties = await collect(store.readHistory('main', { streamPrefixes: ['party-'], batchSize: 1 }));
      expect(parties.map((event) => event.type)).toEqual(['PartyJoined', 'PartyJoined', 'InventoryReported']);
      const issued = await collect(store.readHistory('main', { types: ['UnitsIssued', 'UnitsTransferred'] }));
      expect(issued.map((event) => event.id)).toEqual(['issue-1', 'transfer-1']);
      const combined = await collect(
        store.readHistory('main', { fromSeq: 1, streamPrefixes: ['party-GHA', 'ledger-'], types: ['PartyJoined', 'RulebookAdopted'] }),
      );
      expect(combined.map((event) => event.id)).toEqual(['join-gha', 'adopt-1']);
    });

    it('reads one stream in history order, from a stream revision', async () => {
      await store.append('main', sampleHistory());
      const swiss = await collect(store.readStream('main', 'registry-CH'));
      expect(swiss.map((event) => event.id)).toEqual(['registry-ch', 'account-ch', 'issue-1', 'transfer-1']);
      const later = await collect(store.readStream('main', 'registry-CH', { fromRevision: 2 }));
      expect(later.map((event) => event.id)).toEqual(['issue-1', 'transfer-1']);
      expect(await collect(store.readStream('main', 'registry-NOPE'))).toEqual([]);
      expect(await collect(store.readStream('main', 'registry-C'))).toEqual([]);
    });

    it('delivers stored then live events, in order, to a catch-up subscription', async () => {
      const events = sampleHistory();
      await store.append('main', events.slice(0, 3));
      const seen: StoredEvent[] = [];
      let wake: () => void = () => {};
      const all = new Promise<void>((resolve) => {
        wake = resolve;
      });
      const subscription = store.subscribe('main', 1, (event) => {
        seen.push(event);
        if (seen.length === events.length - 1) wake();
      });
      await store.append('main', events.slice(3, 6));
      await store.append('main', events.slice(6));
      await all;
      await subscription.close();
      expect(seen.map((event) => event.seq)).toEqual(events.slice(1).map((_, index) => index + 1));
      expect(seen.map(toHistoryEvent)).toEqual(events.slice(1));
      await subscription.done;
    });

    it('filters a subscription and stops delivering after close', async () => {
      const events = sampleHistory();
      const seen: string[] = [];
      let wake: () => void = () => {};
      const first = new Promise<void>((resolve) => {
        wake = resolve;
      });
      const subscription = store.subscribe(
        'main',
        0,
        (event) => {
          seen.push(event.id);
          wake();
        },
        { types: ['PartyJoined'] },
      );
      await store.append('main', events.slice(0, 3));
      await first;
      await subscription.close();
      await store.append('main', [partyJoined('late', 'FRA')]);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(seen.every((id) => id.startsWith('join-'))).toBe(true);
      expect(seen).not.toContain('late');
    });

    it('surfaces a failing subscription handler through done', async () => {
      await store.append('main', sampleHistory().slice(0, 2));
      const subscription = store.subscribe('main', 0, () => {
        throw new Error('handler broke');
      });
      await expect(subscription.done).rejects.toThrow('handler broke');
      await subscription.close();
    });

    it('keeps named histories isolated (own seq, chain, ids)', async () => {
      const events = sampleHistory();
      await store.append('main', events);
      const other = await store.append('a62', events.slice(0, 2));
      expect(other).toMatchObject({ stored: 2, skipped: 0, firstSeq: 0 });
      expect(other.head.hash).toBe(chainHead(events.slice(0, 2)));
      await store.append('a62', [partyJoined('only-a62', 'FRA')]);
      expect((await collect(store.readHistory('main'))).some((event) => event.id === 'only-a62')).toBe(false);
      expect((await store.listHistories()).map((head) => [head.history, head.events])).toEqual([
        ['a62', 3],
        ['main', events.length],
      ]);
      // Same id, other content, in another history: no conflict.
      await store.append('a62', [partyJoined('registry-ch', 'ITA')]).catch(() => {
        throw new Error('ids must be scoped to one history');
      });
    });

    it('accepts a streamed (async iterable) batch', async () => {
      async function* produce(): AsyncGenerator<HistoryEvent> {
        for (let index = 0; index < 2500; index += 1) yield partyJoined(`stream-${index}`, 'CHE');
      }
      const result = await store.append('main', produce());
      expect(result.stored).toBe(2500);
      const read = await collect(store.readHistory('main', { fromSeq: 2490, batchSize: 7 }));
      expect(read.map((event) => event.id)).toEqual(Array.from({ length: 10 }, (_, index) => `stream-${2490 + index}`));
    });

    it('refuses a bad history id', async () => {
      await expect(store.append('no spaces', [partyJoined('x', 'CHE')])).rejects.toMatchObject({ code: 'store.bad_history_id' });
    });

    it('throws StoreClosedError after close', async () => {
      await store.close();
      const failure = await store.head('main').catch((error: unknown) => error);
      expect(isStoreClosedError(failure)).toBe(true);
      store = await makeStore();
    });

    if (options.reopen !== undefined) {
      const reopen = options.reopen;
      // The workspace and token halves of this case are in the contracts of those ports.
      it('keeps events and heads after close and reopen', async () => {
        const events = sampleHistory();
        const result = await store.append('main', events);
        await store.append('other', events.slice(0, 1));
        await store.close();
        store = await reopen();
        expect(await store.head('main')).toEqual(result.head);
        expect((await collect(store.readHistory('main'))).map(toHistoryEvent)).toEqual(events);
        expect((await store.listHistories()).map((head) => head.history)).toEqual(['main', 'other']);
        const again = await store.append('main', events);
        expect(again).toMatchObject({ stored: 0, skipped: events.length });
      });
    }
  });
}

/** Asserts every `prev` links to the hash of the event before it (from 64 zeros). */
export function expectChained(events: readonly StoredEvent[]): void {
  let prev = GENESIS_PREV;
  for (const event of events) {
    expect(event.prev).toBe(prev);
    prev = eventHash(toHistoryEvent(event), prev);
  }
}

export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

export function partyJoined(id: string, party: string): HistoryEvent {
  return { type: 'PartyJoined', id, at: '2024-01-01', data: { party, name: `Party ${party}` } };
}

/** A small valid history touching every stream kind. */
export function sampleHistory(): HistoryEvent[] {
  const sha = 'ab'.repeat(32);
  return [
    { type: 'PartyJoined', id: 'join-che', at: '2021-01-01', data: { party: 'CHE', name: 'Switzerland', groups: ['AnnexI'] } },
    { type: 'PartyJoined', id: 'join-gha', at: '2021-01-01', data: { party: 'GHA', name: 'Ghana' } },
    { type: 'RegistryOpened', id: 'registry-ch', at: '2021-01-02', data: { registry: 'CH', kind: 'national', party: 'CHE' } },
    { type: 'RegistryOpened', id: 'registry-gh', at: '2021-01-02', data: { registry: 'GH', kind: 'national', party: 'GHA' } },
    { type: 'AccountOpened', id: 'account-ch', at: '2021-01-03', data: { account: 'CH:1', kind: 'holding', holder: 'KliK' } },
    { type: 'AccountOpened', id: 'account-gh', at: '2021-01-03', data: { account: 'GH:1', kind: 'holding', holder: 'EPA' } },
    {
      type: 'ActivityRegistered',
      id: 'activity-1',
      at: '2021-02-01',
      data: { activity: 'cookstoves', host: 'GHA', mechanism: '6.2', crediting: { from: '2021-01-01', to: '2025-12-31' } },
    },
    { type: 'RulebookAdopted', id: 'adopt-1', at: '2021-02-02', data: { name: 'Glasgow', sha256: sha }, meta: { operator: 'admin' } },
    {
      type: 'UnitsIssued',
      id: 'issue-1',
      at: '2022-03-01T10:00:00Z',
      data: { account: 'CH:1', activity: 'cookstoves', unitType: 'ITMO', block: 'b1', from: 1, to: 1000, vintage: 2021 },
    },
    {
      type: 'UnitsTransferred',
      id: 'transfer-1',
      at: '2022-03-02',
      data: { from: 'CH:1', to: 'GH:1', units: [{ block: 'b1', from: 1, to: 10 }] },
    },
    {
      type: 'TransactionDecided',
      id: 'decided-1',
      at: '2022-03-02',
      data: { event: 'transfer-1', rulebook: { name: 'Glasgow', sha256: sha }, verdict: 'accepted', reasons: [] },
    },
    { type: 'InventoryReported', id: 'inventory-1', at: '2023-04-15', data: { party: 'GHA', year: 2021, emissions: 42_000_000 } },
  ];
}
