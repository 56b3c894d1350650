import { describe, expect, it } from 'vitest';
import { chainEvents, eventHash, toHistoryEvent } from '../../events/hash-chain.ts';
import { sampleHistory } from '../event-store.contract.ts';
import { fromKurrentRecord, toKurrentEventData } from './kurrentdb-event-data.ts';

describe('history event ↔ KurrentDB event', () => {
  const stored = [...chainEvents(sampleHistory())];

  it('maps type, data and string-only metadata (what multiStreamAppend accepts)', () => {
    const adopted = stored.find((event) => event.type === 'RulebookAdopted');
    expect(adopted).toBeDefined();
    const data = toKurrentEventData(adopted!, 5, '00000000-0000-4000-8000-000000000000');
    expect(data).toMatchInlineSnapshot(`
      {
        "contentType": "application/json",
        "data": {
          "name": "Glasgow",
          "sha256": "abababababababababababababababababababababababababababababababab",
        },
        "id": "00000000-0000-4000-8000-000000000000",
        "metadata": {
          "a6": "1",
          "at": "2021-02-02",
          "id": "adopt-1",
          "meta": "{"operator":"admin"}",
          "prev": "${adopted!.prev}",
          "seq": "7",
          "txn": "5",
        },
        "type": "RulebookAdopted",
      }
    `);
    for (const event of stored) {
      const metadata = toKurrentEventData(event, 0, 'uuid').metadata as Record<string, unknown>;
      expect(Object.values(metadata).every((value) => typeof value === 'string')).toBe(true);
    }
  });

  it('reads back exactly what was stored, with metadata parsed or as bytes, so the chain is unchanged', () => {
    for (const event of stored) {
      const data = toKurrentEventData(event, 3, 'uuid');
      const parsed = fromKurrentRecord({ type: data.type, data: JSON.parse(JSON.stringify(data.data)), metadata: data.metadata });
      const bytes = fromKurrentRecord({ type: data.type, data: data.data, metadata: new TextEncoder().encode(JSON.stringify(data.metadata)) });
      expect(parsed).toEqual({ event, txn: 3 });
      expect(bytes).toEqual({ event, txn: 3 });
      expect(eventHash(toHistoryEvent(parsed.event), parsed.event.prev)).toBe(eventHash(toHistoryEvent(event), event.prev));
    }
  });

  it('refuses an event that was not written by this store', () => {
    expect(() => fromKurrentRecord({ type: 'OrderPlaced', data: {}, metadata: { source: 'shop' } })).toThrowError(
      expect.objectContaining({ code: 'store.corrupt' }),
    );
    expect(() =>
      fromKurrentRecord({ type: 'PartyJoined', data: {}, metadata: { a6: '1', id: 'x', at: '2024-01-01', prev: '0', seq: '1e3', txn: '0' } }),
    ).toThrowError(/seq is not a decimal integer/);
  });
});
