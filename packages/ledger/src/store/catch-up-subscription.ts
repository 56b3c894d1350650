import type { StoredEvent } from '../events/types.ts';
import type { SubscribeOptions, Subscription, SubscriptionHandler } from './event-store.ts';
import { matchesFilters } from './append-batch.ts';
import { streamFor } from './stream-for.ts';

/**
 * Wakes subscriptions when their history may have grown. `version` changes on every notify, so a
 * subscriber that compares it before and after a read never sleeps through an append.
 */
export class AppendSignal {
  private waiters = new Set<() => void>();
  version = 0;

  notify(): void {
    this.version += 1;
    const waiters = this.waiters;
    this.waiters = new Set();
    for (const wake of waiters) wake();
  }

  /** Resolves on the next notify, or after `timeoutMs` (backends that poll for other processes). */
  wait(timeoutMs?: number): Promise<void> {
    return new Promise((resolve) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const wake = () => {
        if (timer !== undefined) clearTimeout(timer);
        this.waiters.delete(wake);
        resolve();
      };
      this.waiters.add(wake);
      if (timeoutMs !== undefined) timer = setTimeout(wake, timeoutMs);
    });
  }
}

export interface CatchUpSource {
  /** Stored events from `fromSeq` on, in seq order (unfiltered). */
  readonly readFrom: (fromSeq: number) => AsyncIterable<StoredEvent>;
  readonly signal: AppendSignal;
  /** Poll interval when other processes may append (SQLite, …); absent: wait for the signal only. */
  readonly pollMs?: number;
}

/**
 * A catch-up subscription over any backend that can read from a seq: delivers what is stored, then
 * sleeps until the signal (or the poll timer) says more may be there. Delivery is sequential.
 */
export function startCatchUpSubscription(
  source: CatchUpSource,
  fromSeq: number,
  handler: SubscriptionHandler,
  options: SubscribeOptions = {},
  onClose: () => void = () => {},
): Subscription {
  let closed = false;
  const run = async () => {
    let next = fromSeq;
    while (!closed) {
      const version = source.signal.version;
      let delivered = false;
      for await (const event of source.readFrom(next)) {
        if (closed) break;
        next = event.seq + 1;
        delivered = true;
        if (matchesFilters(event, streamFor(event), options)) await handler(event);
      }
      if (!closed && !delivered && version === source.signal.version) await source.signal.wait(source.pollMs);
    }
  };
  const done = run().finally(() => {
    closed = true;
    onClose();
  });
  // A handler failure surfaces through `done`; keep it from being reported as unhandled meanwhile.
  done.catch(() => {});
  return {
    done,
    async close() {
      closed = true;
      source.signal.notify();
      await done.catch(() => {});
    },
  };
}
