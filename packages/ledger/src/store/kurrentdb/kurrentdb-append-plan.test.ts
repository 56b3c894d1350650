import { describe, expect, it } from 'vitest';
import { GENESIS_PREV } from '../../events/hash-chain.ts';
import { appendBatch, type ChainedRecord } from '../append-batch.ts';
import { partyJoined, sampleHistory } from '../event-store.contract.ts';
import { buildAppendTransaction, parseHeadRecord, splitIntoTransactions } from './kurrentdb-append-plan.ts';

async function chained(events = sampleHistory(), history = 'main'): Promise<ChainedRecord[]> {
  const records: ChainedRecord[] = [];
  await appendBatch(history, events, { history, events: 0, hash: GENESIS_PREV }, () => undefined, (record) => records.push(record));
  return records;
}

function uuids(): () => string {
  let next = 0;
  return () => `uuid-${(next += 1)}`;
}

describe('buildAppendTransaction', () => {
  it('writes the head first with its expected revision, indexes a new history, then each stream once', async () => {
    const records = await chained();
    const requests = buildAppendTransaction({ prefix: 'a6', history: 'main', records, headRevision: null, newUuid: uuids() });
    expect(requests.map((request) => [request.streamName, request.expectedState, request.events.map((event) => event.type).join(',')]))
      .toMatchInlineSnapshot(`
        [
          [
            "a6/main/head",
            "no_stream",
            "A6HistoryHeadAdvanced",
          ],
          [
            "a6.histories",
            "any",
            "A6HistoryStarted",
          ],
          [
            "a6/main/party-CHE",
            "any",
            "PartyJoined",
          ],
          [
            "a6/main/party-GHA",
            "any",
            "PartyJoined,InventoryReported",
          ],
          [
            "a6/main/registry-CH",
            "any",
            "RegistryOpened,AccountOpened,UnitsIssued,UnitsTransferred",
          ],
          [
            "a6/main/registry-GH",
            "any",
            "RegistryOpened,AccountOpened",
          ],
          [
            "a6/main/ledger-activities",
            "any",
            "ActivityRegistered",
          ],
          [
            "a6/main/ledger-rulebooks",
            "any",
            "RulebookAdopted",
          ],
          [
            "a6/main/ledger-decisions",
            "any",
            "TransactionDecided",
          ],
        ]
      `);
    const head = parseHeadRecord(requests[0]?.events[0]?.data);
    expect(head).toEqual({
      firstSeq: 0,
      events: records.length,
      hash: records.at(-1)?.hash,
      streams: {
        'ledger-activities': 1,
        'ledger-decisions': 1,
        'ledger-rulebooks': 1,
        'party-CHE': 1,
        'party-GHA': 2,
        'registry-CH': 4,
        'registry-GH': 2,
      },
    });
    const ids = requests.flatMap((request) => request.events.map((event) => event.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('continues an existing history at its head revision without re-indexing it', async () => {
    const records = (await chained()).slice(4, 6);
    const requests = buildAppendTransaction({ prefix: 'a6', history: 'main', records, headRevision: 7n, newUuid: uuids() });
    expect(requests.map((request) => [request.streamName, request.expectedState])).toEqual([
      ['a6/main/head', 7n],
      ['a6/main/registry-CH', 'any'],
      ['a6/main/registry-GH', 'any'],
    ]);
    expect(parseHeadRecord(requests[0]?.events[0]?.data)).toMatchObject({ firstSeq: 4, events: 6 });
    expect(() => buildAppendTransaction({ prefix: 'a6', history: 'main', records: [], headRevision: 7n, newUuid: uuids() })).toThrow(RangeError);
  });
});

describe('splitIntoTransactions', () => {
  it('keeps every transaction under the byte budget, in order, never empty', async () => {
    const records = await chained(Array.from({ length: 50 }, (_, index) => partyJoined(`p${index}`, 'CHE')));
    const parts = splitIntoTransactions(records, 2048);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.flat()).toEqual(records);
    for (const part of parts) expect(part.length).toBeGreaterThan(0);
    expect(splitIntoTransactions(records, 10_000_000)).toEqual([records]);
    expect(splitIntoTransactions(records, 1)).toHaveLength(records.length);
  });
});

describe('parseHeadRecord', () => {
  it('refuses a malformed head event', () => {
    expect(() => parseHeadRecord({ firstSeq: '0', events: 1, hash: 'x', streams: {} })).toThrowError(expect.objectContaining({ code: 'store.corrupt' }));
  });
});
