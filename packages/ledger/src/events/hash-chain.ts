import { canonicalJson, sha256Hex } from './canonical-json.ts';
import type { HistoryEvent, StoredEvent } from './types.ts';

/** `prev` of the first event of a history (events.md "Storage"). */
export const GENESIS_PREV = '0'.repeat(64);

/**
 * sha256 hex of the canonical form `{type, id, at, data, meta?, prev}` (RFC 8785) of one chained
 * event: the `prev` of the next event. `seq` and the stream are deliberately not part of it, so the
 * chain of a history is the same in NDJSON and in every backend.
 */
export function eventHash(event: HistoryEvent, prev: string): string {
  return sha256Hex(canonicalJson(chainForm(event, prev)));
}

function chainForm(event: HistoryEvent, prev: string): Record<string, unknown> {
  const form: Record<string, unknown> = { type: event.type, id: event.id, at: event.at, data: event.data, prev };
  if (event.meta !== undefined) form.meta = event.meta;
  return form;
}

/**
 * Canonical form of what makes two events with the same id "the same" for idempotent re-imports:
 * `{type, id, at, data, meta?}` (no `prev`: a re-import lands on another chain position).
 */
export function eventContent(event: HistoryEvent): string {
  const form: Record<string, unknown> = { type: event.type, id: event.id, at: event.at, data: event.data };
  if (event.meta !== undefined) form.meta = event.meta;
  return canonicalJson(form);
}

/** Links events into a chain, assigning `seq` from `firstSeq` and `prev` from `prev`. */
export function* chainEvents(
  events: Iterable<HistoryEvent>,
  prev: string = GENESIS_PREV,
  firstSeq = 0,
): Generator<StoredEvent> {
  let seq = firstSeq;
  let link = prev;
  for (const event of events) {
    const stored = { ...event, seq, prev: link } as StoredEvent;
    link = eventHash(event, link);
    seq += 1;
    yield stored;
  }
}

/** Chain head of a history: the hash of its last event; 64 zeros when it is empty. */
export function chainHead(events: Iterable<HistoryEvent>): string {
  let link = GENESIS_PREV;
  for (const event of events) link = eventHash(event, link);
  return link;
}

/** Same as `chainHead` over an async stream (large files, store reads). */
export async function chainHeadAsync(events: AsyncIterable<HistoryEvent>): Promise<string> {
  let link = GENESIS_PREV;
  for await (const event of events) link = eventHash(event, link);
  return link;
}

/** Strips store fields (`seq`, `prev`) from a stored event: the history event itself. */
export function toHistoryEvent(event: StoredEvent): HistoryEvent {
  const { seq: _seq, prev: _prev, ...rest } = event;
  return rest as HistoryEvent;
}
