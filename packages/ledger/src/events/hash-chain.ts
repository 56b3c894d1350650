import { canonicalJson, sha256Hex } from './canonical-json.ts';
import type { HistoryEvent, StoredEvent } from './types.ts';

/** `prev` of the first event of a history (docs/events.md "Stored events and the hash chain"). */
export const GENESIS_PREV = '0'.repeat(64);

/**
 * sha256 hex of the canonical form `{type, id, at, data, meta?, prev}` (RFC 8785) of one chained
 * event: the `prev` of the next event. `seq` and the stream are deliberately not part of it, so the
 * chain of a history is the same in NDJSON and in every backend.
 */
export function eventHash(event: HistoryEvent, prev: string): string {
  return sha256Hex(chainForm(canonicalParts(event), prev));
}

/**
 * Both digests a store needs per appended event, canonicalizing the payload once: `hash` as
 * `eventHash`, and `contentHash` = sha256 of `eventContent`.
 */
export function eventDigests(event: HistoryEvent, prev: string): { readonly hash: string; readonly contentHash: string } {
  const parts = canonicalParts(event);
  return { hash: sha256Hex(chainForm(parts, prev)), contentHash: sha256Hex(contentForm(parts)) };
}

interface CanonicalParts {
  readonly at: string;
  readonly data: string;
  readonly id: string;
  readonly meta: string | undefined;
  readonly type: string;
}

function canonicalParts(event: HistoryEvent): CanonicalParts {
  return {
    at: JSON.stringify(event.at),
    data: canonicalJson(event.data),
    id: JSON.stringify(event.id),
    meta: event.meta === undefined ? undefined : canonicalJson(event.meta),
    type: JSON.stringify(event.type),
  };
}

// RFC 8785 orders members by key; for these fixed keys that order is at, data, id, meta, prev, type.
function chainForm(parts: CanonicalParts, prev: string): string {
  const meta = parts.meta === undefined ? '' : `,"meta":${parts.meta}`;
  return `{"at":${parts.at},"data":${parts.data},"id":${parts.id}${meta},"prev":${JSON.stringify(prev)},"type":${parts.type}}`;
}

function contentForm(parts: CanonicalParts): string {
  const meta = parts.meta === undefined ? '' : `,"meta":${parts.meta}`;
  return `{"at":${parts.at},"data":${parts.data},"id":${parts.id}${meta},"type":${parts.type}}`;
}

/**
 * Canonical form of what makes two events with the same id "the same" for idempotent re-imports:
 * `{type, id, at, data, meta?}` (no `prev`: a re-import lands on another chain position).
 */
export function eventContent(event: HistoryEvent): string {
  return contentForm(canonicalParts(event));
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

/** Strips store fields (`seq`, `prev`) from a stored event: the history event itself. */
export function toHistoryEvent(event: StoredEvent): HistoryEvent {
  const { seq: _seq, prev: _prev, ...rest } = event;
  return rest as HistoryEvent;
}
