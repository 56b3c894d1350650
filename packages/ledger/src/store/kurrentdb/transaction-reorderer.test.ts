import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GENESIS_PREV } from '../../events/hash-chain.ts';
import type { EventType, HistoryEvent, StoredEvent } from '../../events/types.ts';
import { appendBatch, matchesFilters, type ChainedRecord } from '../append-batch.ts';
import { streamFor } from '../stream-for.ts';
import { buildAppendTransaction, HEAD_EVENT_TYPE, parseHeadRecord } from './kurrentdb-append-plan.ts';
import { fromKurrentRecord } from './kurrentdb-event-data.ts';
import { headStreamName, historyStreamPrefix, parseHistoryStreamName } from './kurrentdb-stream-names.ts';
import { TransactionReorderer, type HistoryLogItem } from './transaction-reorderer.ts';

/**
 * These tests run the real write path (appendBatch → buildAppendTransaction → event data) and the
 * real read path (fromKurrentRecord → TransactionReorderer) over a log laid out the way KurrentDB
 * may lay out atomic multi-stream appends: one transaction after another, records in any order
 * inside each. They check the ordering logic; the KurrentDB contract suite checks the server.
 */
type Shape = { kind: 'join' | 'inventory'; party: string } | { kind: 'registry'; registry: string } | { kind: 'adopt' };

const shape: fc.Arbitrary<Shape> = fc.oneof(
  fc.record({ kind: fc.constant('join' as const), party: fc.constantFrom('CHE', 'GHA', 'PER') }),
  fc.record({ kind: fc.constant('inventory' as const), party: fc.constantFrom('CHE', 'GHA') }),
  fc.record({ kind: fc.constant('registry' as const), registry: fc.constantFrom('CH', 'GH', 'PE') }),
  fc.constant({ kind: 'adopt' as const }),
);

function toEvent(item: Shape, index: number): HistoryEvent {
  const id = `e${index}`;
  switch (item.kind) {
    case 'join':
      return { type: 'PartyJoined', id, at: '2024-01-01', data: { party: item.party, name: item.party } };
    case 'inventory':
      return { type: 'InventoryReported', id, at: '2024-01-01', data: { party: item.party, year: 2020 + (index % 5), emissions: index } };
    case 'registry':
      return { type: 'RegistryOpened', id, at: '2024-01-01', data: { registry: `${item.registry}${index}`.slice(0, 2), kind: 'national' } };
    case 'adopt':
      return { type: 'RulebookAdopted', id, at: '2024-01-01', data: { name: 'r', sha256: 'ab'.repeat(32) } };
  }
}

interface Filter {
  readonly streamPrefixes?: readonly string[];
  readonly types?: readonly EventType[];
}

const filter: fc.Arbitrary<Filter> = fc.record(
  {
    streamPrefixes: fc.subarray(['party-', 'party-GHA', 'registry-', 'ledger-', 'registry-PE']),
    types: fc.subarray<EventType>(['PartyJoined', 'InventoryReported', 'RegistryOpened', 'RulebookAdopted']),
  },
  { requiredKeys: [] },
);

async function chain(events: readonly HistoryEvent[]): Promise<ChainedRecord[]> {
  const records: ChainedRecord[] = [];
  await appendBatch('main', events, { history: 'main', events: 0, hash: GENESIS_PREV }, () => undefined, (record) => records.push(record));
  return records;
}

/** Each append as KurrentDB records, in request order, then passed through the server's prefix filter. */
function logOf(records: readonly ChainedRecord[], cuts: readonly number[], prefixes: readonly string[] | undefined) {
  const serverPrefixes =
    prefixes === undefined
      ? [historyStreamPrefix('a6', 'main')]
      : [headStreamName('a6', 'main'), ...prefixes.map((prefix) => `${historyStreamPrefix('a6', 'main')}${prefix}`)];
  const bounds = [0, ...new Set(cuts.map((cut) => cut % records.length))].sort((a, b) => a - b).concat(records.length);
  const transactions: HistoryLogItem[][] = [];
  for (let index = 0; index + 1 < bounds.length; index += 1) {
    const part = records.slice(bounds[index], bounds[index + 1]);
    if (part.length === 0) continue;
    const requests = buildAppendTransaction({ prefix: 'a6', history: 'main', records: part, headRevision: null, newUuid: () => 'uuid' });
    const items: HistoryLogItem[] = [];
    for (const request of requests) {
      if (!serverPrefixes.some((prefix) => request.streamName.startsWith(prefix))) continue;
      for (const data of request.events) {
        if (data.type === HEAD_EVENT_TYPE) {
          items.push({ kind: 'head', head: parseHeadRecord(data.data) });
          continue;
        }
        const names = parseHistoryStreamName('a6', request.streamName);
        if (names === null) continue;
        const { event, txn } = fromKurrentRecord({ type: data.type, data: data.data, metadata: data.metadata });
        items.push({ kind: 'event', event, stream: names.stream, txn });
      }
    }
    transactions.push(items);
  }
  return transactions;
}

function expected(records: readonly ChainedRecord[], fromSeq: number, options: Filter): StoredEvent[] {
  return records.map((record) => record.event).filter((event) => event.seq >= fromSeq && matchesFilters(event, streamFor(event), options));
}

function read(transactions: readonly HistoryLogItem[][], startIndex: number, startItem: number, options: Filter & { fromSeq: number; startTxn: number }) {
  const reorderer = new TransactionReorderer(options);
  const out: StoredEvent[] = [];
  transactions.forEach((items, index) => {
    if (index < startIndex) return;
    for (const item of index === startIndex ? items.slice(startItem) : items) out.push(...reorderer.push(item));
  });
  reorderer.finish();
  return out;
}

describe('TransactionReorderer', () => {
  it('restores history order from a log grouped by stream, under any filters, from any seq', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(shape, { minLength: 1, maxLength: 40 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        filter,
        fc.nat(),
        fc.nat(),
        fc.infiniteStream(fc.nat()),
        async (shapes, cuts, options, rawFrom, rawStart, shuffles) => {
          const records = await chain(shapes.map(toEvent));
          const transactions = logOf(records, cuts, options.streamPrefixes).map((items) => {
            // The server may put the records of one transaction in any order.
            const shuffled = [...items];
            for (let index = shuffled.length - 1; index > 0; index -= 1) {
              const other = shuffles.next().value % (index + 1);
              [shuffled[index], shuffled[other]] = [shuffled[other]!, shuffled[index]!];
            }
            return shuffled;
          });
          const fromSeq = rawFrom % (records.length + 2);
          // As the store does: start inside the transaction *before* the one holding fromSeq.
          const holding = Math.max(0, transactions.findLastIndex((items) => firstSeqOf(items) <= fromSeq));
          const startIndex = Math.max(0, holding - 1);
          const startItem = holding === 0 ? 0 : rawStart % Math.max(1, transactions[startIndex]!.length);
          const startTxn = firstSeqOf(transactions[holding] ?? []);
          expect(read(transactions, startIndex, startItem, { ...options, fromSeq, startTxn })).toEqual(expected(records, fromSeq, options));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reports a transaction read only in part as corrupt', async () => {
    const records = await chain(['CHE', 'GHA', 'PER'].map((party, index) => toEvent({ kind: 'join', party }, index)));
    const [items] = logOf(records, [], undefined);
    const reorderer = new TransactionReorderer({ fromSeq: 0, startTxn: 0 });
    for (const item of items!.slice(0, 2)) reorderer.push(item);
    expect(() => reorderer.finish()).toThrowError(expect.objectContaining({ code: 'store.corrupt' }));
  });
});

function firstSeqOf(items: readonly HistoryLogItem[]): number {
  for (const item of items) if (item.kind === 'head') return item.head.firstSeq;
  return Number.POSITIVE_INFINITY;
}
