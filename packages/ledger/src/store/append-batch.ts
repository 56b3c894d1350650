import { eventContent, eventDigests } from '../events/hash-chain.ts';
import { sha256Hex } from '../events/canonical-json.ts';
import type { HistoryEvent, StoredEvent } from '../events/types.ts';
import type { AppendResult, EventBatch, HistoryHead } from './event-store.ts';
import { IdConflictError, type IdConflict } from './store-errors.ts';
import { streamFor } from './stream-for.ts';

/** What a backend knows about an id already stored in the history. */
export interface StoredIdentity {
  readonly seq: number;
  /** `contentHash` of the stored event. */
  readonly contentHash: string;
}

/** One event the batch adds, with what a backend persists besides the event. */
export interface ChainedRecord {
  readonly event: StoredEvent;
  readonly stream: string;
  readonly contentHash: string;
  /** `eventHash(event, prev)`: the `prev` of the next event. */
  readonly hash: string;
}

/** sha256 of `eventContent`: two events with one id are "the same" when this matches. */
export function contentHash(event: HistoryEvent): string {
  return sha256Hex(eventContent(event));
}

const MAX_CONFLICTS = 100;

/**
 * The backend-independent part of `EventStore.append`: walks the batch from the current head,
 * skips ids already stored with the same content, links new events into the chain and hands each to
 * `write`. `findStored` must also see what `write` received earlier in the same call (SQLite: the
 * open transaction; memory: the staging map), which is how a repeated id within one batch is caught
 * without a second per-id map (memory stays flat on 10^6-event imports). Conflicting ids are
 * collected (up to 100) and thrown together as `IdConflictError` at the end, so the caller's
 * transaction rolls back and nothing is stored.
 */
export async function appendBatch(
  history: string,
  batch: EventBatch,
  head: HistoryHead,
  findStored: (id: string) => StoredIdentity | undefined,
  write: (record: ChainedRecord) => void,
): Promise<AppendResult> {
  const conflicts: IdConflict[] = [];
  const skippedIds: string[] = [];
  let seq = head.events;
  let prev = head.hash;
  for await (const event of batch) {
    const digests = eventDigests(event, prev);
    const known = findStored(event.id);
    if (known !== undefined) {
      if (known.contentHash === digests.contentHash) skippedIds.push(event.id);
      // A clash with an event of this very batch is a clash within the batch: no stored seq to name.
      else if (conflicts.length < MAX_CONFLICTS) conflicts.push({ id: event.id, seq: known.seq >= head.events ? null : known.seq });
      continue;
    }
    write({ event: { ...event, seq, prev } as StoredEvent, stream: streamFor(event), contentHash: digests.contentHash, hash: digests.hash });
    seq += 1;
    prev = digests.hash;
  }
  if (conflicts.length > 0) throw new IdConflictError(history, conflicts);
  const stored = seq - head.events;
  return {
    stored,
    skipped: skippedIds.length,
    skippedIds,
    firstSeq: stored > 0 ? head.events : null,
    head: { history, events: seq, hash: prev },
  };
}

/** Whether an event passes the read filters of `readHistory` / `subscribe`. */
export function matchesFilters(
  event: HistoryEvent,
  stream: string,
  filters: { readonly streamPrefixes?: readonly string[]; readonly types?: readonly string[] },
): boolean {
  if (filters.types !== undefined && !filters.types.includes(event.type)) return false;
  if (filters.streamPrefixes !== undefined && !filters.streamPrefixes.some((prefix) => stream.startsWith(prefix))) return false;
  return true;
}
