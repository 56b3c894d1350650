import type { JSONEventData } from '@kurrent/kurrentdb-client';
import { canonicalJson } from '../../events/canonical-json.ts';
import type { HistoryEvent, StoredEvent } from '../../events/types.ts';
import { StoreError } from '../store-errors.ts';

/**
 * One history event as a KurrentDB event (documented in docs/scaling.md):
 * - event type = our `type` (`UnitsIssued`), so KurrentDB's own type filters and projections work;
 * - data = our `data` payload, as JSON;
 * - metadata = `{a6: "1", id, at, seq, prev, txn, meta?}`, all strings: `multiStreamAppend` accepts
 *   only string-valued metadata, so `seq`/`txn` are decimal strings and `meta` is its canonical JSON.
 *   `txn` is the first seq of the atomic append the event was written in (see transaction-reorderer.ts).
 * - KurrentDB event id = a fresh UUID: our ids are free-form strings, and a derived UUID would let the
 *   server's own idempotency silently drop a write (our idempotency is by id and content, in the store).
 */
export interface KurrentEventMetadata {
  readonly a6: '1';
  readonly id: string;
  readonly at: string;
  readonly seq: string;
  readonly prev: string;
  readonly txn: string;
  readonly meta?: string;
}

export function toKurrentEventData(event: StoredEvent, txn: number, uuid: string): JSONEventData {
  const metadata: Record<string, string> = { a6: '1', id: event.id, at: event.at, seq: String(event.seq), prev: event.prev, txn: String(txn) };
  if (event.meta !== undefined) metadata.meta = canonicalJson(event.meta);
  return { id: uuid, contentType: 'application/json', type: event.type, data: event.data as JSONEventData['data'], metadata };
}

/** What a read gives back for one recorded event of a history stream. */
export interface RecordedHistoryEvent {
  readonly event: StoredEvent;
  /** First seq of the atomic append it came with. */
  readonly txn: number;
}

export function fromKurrentRecord(recorded: { readonly type: string; readonly data: unknown; readonly metadata: unknown }): RecordedHistoryEvent {
  const metadata = decodeMetadata(recorded.metadata);
  if (metadata.a6 !== '1' || typeof metadata.id !== 'string' || typeof metadata.at !== 'string' || typeof metadata.prev !== 'string') {
    throw new StoreError('store.corrupt', `kurrentdb: a ${recorded.type} event without a6 metadata (id, at, seq, prev, txn)`);
  }
  const seq = decimal(metadata.seq, 'seq');
  const txn = decimal(metadata.txn, 'txn');
  const event = { type: recorded.type, id: metadata.id, at: metadata.at, data: recorded.data } as HistoryEvent;
  const withMeta = typeof metadata.meta === 'string' ? { ...event, meta: JSON.parse(metadata.meta) as Record<string, unknown> } : event;
  return { event: { ...withMeta, seq, prev: metadata.prev } as StoredEvent, txn };
}

/** Metadata comes back parsed when the server knows it is JSON, as bytes otherwise. */
function decodeMetadata(metadata: unknown): Record<string, unknown> {
  if (metadata instanceof Uint8Array) return decodeMetadata(JSON.parse(new TextDecoder().decode(metadata)) as unknown);
  if (typeof metadata === 'string') return decodeMetadata(JSON.parse(metadata) as unknown);
  if (metadata !== null && typeof metadata === 'object' && !Array.isArray(metadata)) return metadata as Record<string, unknown>;
  return {};
}

function decimal(value: unknown, field: string): number {
  const number = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(number)) throw new StoreError('store.corrupt', `kurrentdb: event metadata ${field} is not a decimal integer: ${JSON.stringify(value)}`);
  return number;
}
