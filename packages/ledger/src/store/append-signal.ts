/**
 * Counts the appends a subscriber may have missed and wakes the ones waiting. `generation` changes on
 * every `notify`, so a subscriber that reads it *before* reading the store and waits "for a change
 * since then" never sleeps through an append that committed in between.
 */
export class AppendSignal {
  private waiters = new Set<() => void>();
  generation = 0;

  notify(): void {
    this.generation += 1;
    const waiters = this.waiters;
    this.waiters = new Set();
    for (const wake of waiters) wake();
  }

  /**
   * Resolves once `generation` moved past `since`, when `abort` fires, or after `timeoutMs` (the poll
   * of backends whose appends from other processes or connections may go unsignalled).
   */
  wait(since: number, abort: AbortSignal, timeoutMs?: number): Promise<void> {
    if (this.generation !== since || abort.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const wake = () => {
        if (timer !== undefined) clearTimeout(timer);
        abort.removeEventListener('abort', wake);
        this.waiters.delete(wake);
        resolve();
      };
      this.waiters.add(wake);
      abort.addEventListener('abort', wake);
      if (timeoutMs !== undefined) timer = setTimeout(wake, timeoutMs);
    });
  }
}

/** One `AppendSignal` per history of a store, made on first use. */
export class AppendSignals {
  private readonly signals = new Map<string, AppendSignal>();

  of(history: string): AppendSignal {
    let signal = this.signals.get(history);
    if (signal === undefined) {
      signal = new AppendSignal();
      this.signals.set(history, signal);
    }
    return signal;
  }

  /** Wakes every waiter of every history (a lost notification channel, a closing store). */
  notifyAll(): void {
    for (const signal of this.signals.values()) signal.notify();
  }
}
