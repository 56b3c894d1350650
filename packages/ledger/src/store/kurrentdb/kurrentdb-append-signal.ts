import { END, type KurrentDBClient, type StreamSubscription } from '@kurrent/kurrentdb-client';
import { AppendSignal } from '../append-signal.ts';
import { headStreamName } from './kurrentdb-stream-names.ts';

interface HeadWatch {
  readonly signal: AppendSignal;
  subscription: StreamSubscription | null;
  listening: Promise<void> | null;
}

/**
 * Wakes a store's subscriptions when a history grows: every atomic append writes exactly one event to
 * the history's head stream (`PREFIX/H/head`), so one live subscription to that stream per history,
 * shared by the store's subscriptions, notifies its `AppendSignal`. If the subscription cannot start
 * or drops, waits fall back to their poll timeout and the next round subscribes again: the signal only
 * makes delivery prompt, the read from the cursor decides what is delivered.
 */
export class KurrentAppendSignal {
  private closed = false;
  private readonly watches = new Map<string, HeadWatch>();

  constructor(
    private readonly client: KurrentDBClient,
    private readonly prefix: string,
    private readonly pollIntervalMs: number,
  ) {}

  /** The history's append counter, once its head stream is watched (or the watch failed: polling only). */
  async generation(history: string): Promise<number> {
    const watch = this.watchOf(history);
    await this.listen(history, watch);
    return watch.signal.generation;
  }

  waitForAppend(history: string, since: number, abort: AbortSignal): Promise<void> {
    if (this.closed) return Promise.resolve();
    return this.watchOf(history).signal.wait(since, abort, this.pollIntervalMs);
  }

  async close(): Promise<void> {
    this.closed = true;
    const subscriptions: StreamSubscription[] = [];
    for (const watch of this.watches.values()) {
      if (watch.subscription !== null) subscriptions.push(watch.subscription);
      watch.subscription = null;
      watch.signal.notify();
    }
    await Promise.all(subscriptions.map((subscription) => subscription.unsubscribe().catch(() => undefined)));
  }

  private watchOf(history: string): HeadWatch {
    let watch = this.watches.get(history);
    if (watch === undefined) {
      watch = { signal: new AppendSignal(), subscription: null, listening: null };
      this.watches.set(history, watch);
    }
    return watch;
  }

  /** Subscribes to the head stream from its end; resolves once the server confirmed, failed, or a poll interval passed. */
  private listen(history: string, watch: HeadWatch): Promise<void> {
    if (this.closed) return Promise.resolve();
    watch.listening ??= new Promise<void>((resolve) => {
      const subscription = this.client.subscribeToStream(headStreamName(this.prefix, history), { fromRevision: END });
      watch.subscription = subscription;
      const timer = setTimeout(resolve, this.pollIntervalMs);
      const ready = () => {
        clearTimeout(timer);
        resolve();
      };
      const dropped = () => {
        ready();
        if (watch.subscription !== subscription) return;
        watch.subscription = null;
        watch.listening = null;
        // Appends may have been missed while down: make every waiter read again now.
        watch.signal.notify();
      };
      subscription.once('confirmation', ready);
      subscription.on('data', () => watch.signal.notify());
      subscription.on('error', dropped);
      subscription.on('end', dropped);
      subscription.on('close', dropped);
    });
    return watch.listening;
  }
}
