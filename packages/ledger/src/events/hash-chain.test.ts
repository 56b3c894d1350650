import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, sha256Hex } from './canonical-json.ts';
import { GENESIS_PREV, chainEvents, chainHead, eventContent, eventDigests, eventHash, toHistoryEvent } from './hash-chain.ts';
import type { HistoryEvent } from './types.ts';

const sample: HistoryEvent = {
  type: 'UnitsIssued',
  id: 'gs-25700-1',
  at: '2023-12-07',
  data: { account: 'GS:1', activity: 'gs-25700', unitType: 'VER', block: 'gs-25700-b1', from: 1, to: 1000, vintage: 2022 },
};

const arbitraryEvent: fc.Arbitrary<HistoryEvent> = fc
  .record(
    {
      type: fc.constantFrom('PartyJoined', 'UnitsIssued', 'TransactionDecided'),
      id: fc.string({ minLength: 1 }),
      at: fc.constantFrom('2021-01-01', '2023-12-07T10:00:00Z'),
      data: fc.dictionary(fc.string(), fc.jsonValue()),
      meta: fc.dictionary(fc.string(), fc.jsonValue()),
    },
    { requiredKeys: ['type', 'id', 'at', 'data'] },
  )
  .map((event) => event as unknown as HistoryEvent);

describe('hash chain', () => {
  it('hashes the RFC 8785 form of {type, id, at, data, meta?, prev} (reference implementation)', () => {
    fc.assert(
      fc.property(arbitraryEvent, fc.constantFrom(GENESIS_PREV, 'ab'.repeat(32)), (event, prev) => {
        const reference = sha256Hex(canonicalJson({ type: event.type, id: event.id, at: event.at, data: event.data, meta: event.meta, prev }));
        expect(eventHash(event, prev)).toBe(reference);
        const content = canonicalJson({ type: event.type, id: event.id, at: event.at, data: event.data, meta: event.meta });
        expect(eventContent(event)).toBe(content);
        expect(eventDigests(event, prev)).toEqual({ hash: reference, contentHash: sha256Hex(content) });
      }),
    );
  });

  it('pins the hash of a known event (changing the canonical form breaks every stored chain)', () => {
    // Checked outside JavaScript: printf '%s' '<the canonical text below>' | sha256sum
    const canonical =
      '{"at":"2023-12-07","data":{"account":"GS:1","activity":"gs-25700","block":"gs-25700-b1","from":1,"to":1000,' +
      '"unitType":"VER","vintage":2022},"id":"gs-25700-1","prev":"' + GENESIS_PREV + '","type":"UnitsIssued"}';
    expect(canonicalJson({ ...sample, prev: GENESIS_PREV })).toBe(canonical);
    expect(eventHash(sample, GENESIS_PREV)).toBe('2aa82f51d99d8bafbcdf1b9a1d9bf5e6daf90b3a1d07f48bfa9c7b0805815bca');
  });

  it('links events from 64 zeros and reports the last hash as the head', () => {
    const second: HistoryEvent = { ...sample, id: 'gs-25700-2', data: { ...sample.data, block: 'b2' } } as HistoryEvent;
    const chained = [...chainEvents([sample, second])];
    expect(chained.map((event) => [event.seq, event.prev])).toEqual([
      [0, GENESIS_PREV],
      [1, eventHash(sample, GENESIS_PREV)],
    ]);
    expect(chainHead([sample, second])).toBe(eventHash(second, eventHash(sample, GENESIS_PREV)));
    expect(chainHead([])).toBe('0'.repeat(64));
    expect(chained.map(toHistoryEvent)).toEqual([sample, second]);
  });

  it('is sensitive to meta and key order does not matter', () => {
    const reordered = { data: sample.data, at: sample.at, id: sample.id, type: sample.type } as HistoryEvent;
    expect(eventHash(reordered, GENESIS_PREV)).toBe(eventHash(sample, GENESIS_PREV));
    expect(eventHash({ ...sample, meta: { operator: 'x' } }, GENESIS_PREV)).not.toBe(eventHash(sample, GENESIS_PREV));
  });
});
