import type { StoredEvent } from '../events/types.ts';
import type { Subscription, SubscriptionHandler } from './event-store.ts';

/** What a catch-up subscription needs from a backend (every backend provides it, see its `subscribe`). */
export interface CatchUpSource {
  /** The events the subscription wants (its filters applied) with `seq >= fromSeq`, in `seq` order. */
  readFrom(fromSeq: number): AsyncIterable<StoredEvent>;
  /** The number of events the history holds now: every event below it is committed and readable. */
  head(): Promise<number>;
  /** The append counter of the history, read before each round (once the backend listens for appends). */
  appendGeneration(): Promise<number>;
  /** Resolves once the counter moved past `since`, after the backend's poll interval, or when `abort` fires. */
  waitForAppend(since: number, abort: AbortSignal): Promise<void>;
}

/**
 * The one catch-up subscription of every backend (docs/storage.md): delivers what is stored from
 * `fromSeq`, then sleeps until an append is signalled (or the poll says look again) and reads on.
 * Delivery is sequential, in `seq` order.
 *
 * Each round reads the generation first, then the head, then the events: an append committing after
 * the generation was read makes the wait return at once (no lost wake-up), and after a round the
 * cursor moves to at least that head, because a read that started after the head was read has seen
 * every event below it: with filters, events that do not match are never read twice.
 */
export function startCatchUpSubscription(
  source: CatchUpSource,
  fromSeq: number,
  handler: SubscriptionHandler,
  onStop: () => void = () => {},
): Subscription {
  const abort = new AbortController();
  const run = async (): Promise<void> => {
    let cursor = fromSeq;
    while (!abort.signal.aborted) {
      const generation = await source.appendGeneration();
      try {
        const head = await source.head();
        if (head > cursor) {
          for await (const event of source.readFrom(cursor)) {
            if (abort.signal.aborted) return;
            await handler(event);
            cursor = event.seq + 1;
          }
          cursor = Math.max(cursor, head);
        }
      } catch (error) {
        // The store closed under a read: a normal stop.
        if (abort.signal.aborted) return;
        throw error;
      }
      if (!abort.signal.aborted) await source.waitForAppend(generation, abort.signal);
    }
  };
  const done = run().finally(onStop);
  // A handler failure surfaces through `done`; keep it from being reported as unhandled meanwhile.
  done.catch(() => {});
  return {
    done,
    async close() {
      abort.abort();
      await done.catch(() => {});
    },
  };
}
