import type { StoredEvent } from '../../events/types.ts';
import type { Subscription, SubscriptionHandler } from '../event-store.ts';

/** What a catch-up subscription needs from a backend that can page by `seq` and signal appends. */
export interface CatchUpSource {
  readonly fromSeq: number;
  readonly handler: SubscriptionHandler;
  /** Matching events with `seq >= cursor`, in `seq` order, at most `pageSize`. */
  readPage(cursor: number): Promise<readonly StoredEvent[]>;
  readonly pageSize: number;
  /** A counter of appends seen for the history, read *before* a page is read. */
  appendGeneration(): Promise<number>;
  /** Resolves once the counter moved past `since`, after a poll interval, or when `abort` fires. */
  waitForAppend(since: number, abort: AbortSignal): Promise<void>;
}

/**
 * Pages from the cursor until a short page, then sleeps until an append is signalled and pages
 * again. The generation is read before the page, so an append that commits between the page read
 * and the wait moves the counter and the wait returns at once: no lost wake-up.
 */
export function startCatchUpSubscription(source: CatchUpSource): Subscription {
  const abort = new AbortController();
  let handlerRunning: Promise<void> = Promise.resolve();

  const run = async (): Promise<void> => {
    let cursor = source.fromSeq;
    while (!abort.signal.aborted) {
      const generation = await source.appendGeneration();
      let page: readonly StoredEvent[];
      try {
        page = await source.readPage(cursor);
      } catch (error) {
        if (abort.signal.aborted) return; // the store closed under us: a normal stop
        throw error;
      }
      for (const event of page) {
        if (abort.signal.aborted) return;
        handlerRunning = Promise.resolve(source.handler(event));
        await handlerRunning;
        cursor = event.seq + 1;
      }
      if (page.length < source.pageSize && !abort.signal.aborted) await source.waitForAppend(generation, abort.signal);
    }
  };

  const done = run();
  // `done` may reject (a throwing handler); mark it handled so an unobserved subscription does not
  // crash the process, while callers awaiting `done` still see the rejection.
  done.catch(() => undefined);
  return {
    done,
    async close() {
      abort.abort();
      await done.catch(() => undefined);
      await handlerRunning.catch(() => undefined);
    },
  };
}
