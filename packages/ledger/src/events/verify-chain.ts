import { GENESIS_PREV, eventHash, toHistoryEvent } from './hash-chain.ts';
import type { StoredEvent } from './types.ts';

/** Where a stored chain stops matching its events (tamper evidence, `a6 verify`). */
export interface ChainBreak {
  /**
   * The first position whose link is wrong: the `seq` of the first event whose stored `prev` is not
   * the hash of the event before it, or the event count when every link holds but the recorded head
   * is not the hash of the last event.
   */
  readonly seq: number;
  /** Id of the event at `seq`; `null` when the break is at the head. */
  readonly event: string | null;
  /** The hash recomputed from the events. */
  readonly expected: string;
  /** The hash the store recorded (the event's `prev`, or the head). */
  readonly found: string;
}

export interface ChainVerification {
  readonly ok: boolean;
  readonly events: number;
  /** The head recomputed from the events (what `chainHead` of the same events gives). */
  readonly head: string;
  readonly broken: ChainBreak | null;
}

/**
 * Recomputes the chain of a stored history in one streaming pass and reports the first broken
 * position. `recordedHead` is the head the store keeps (its head row): checked last.
 */
export async function verifyChain(events: AsyncIterable<StoredEvent>, recordedHead?: string): Promise<ChainVerification> {
  let link = GENESIS_PREV;
  let count = 0;
  let broken: ChainBreak | null = null;
  for await (const event of events) {
    if (broken === null && (event.prev !== link || event.seq !== count)) {
      broken = { seq: count, event: event.id, expected: link, found: event.prev };
    }
    // Keep going from the recomputed link: the report names the first break and the true head.
    link = eventHash(toHistoryEvent(event), link);
    count += 1;
  }
  if (broken === null && recordedHead !== undefined && recordedHead !== link) {
    broken = { seq: count, event: null, expected: link, found: recordedHead };
  }
  return { ok: broken === null, events: count, head: link, broken };
}
