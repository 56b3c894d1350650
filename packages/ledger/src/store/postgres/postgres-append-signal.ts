import pg from 'pg';
import { quoteIdent } from './postgres-schema.ts';

/**
 * One LISTEN connection per store, shared by its subscriptions: counts the NOTIFYs each history got
 * (its *generation*) and wakes the subscriptions waiting on it. If the connection cannot be opened or
 * drops, waits fall back to their poll timeout and the next wait reconnects: notifications only make
 * delivery prompt, the cursor query decides what is delivered.
 */
export class PostgresAppendSignal {
  private client: pg.Client | null = null;
  private listening: Promise<void> | null = null;
  private closed = false;
  private readonly generations = new Map<string, number>();
  private readonly waiters = new Set<{ readonly history: string; readonly wake: () => void }>();

  constructor(
    private readonly connectionString: string,
    private readonly channel: string,
  ) {}

  /** The history's append counter, once LISTEN is in place (or has failed: then polling only). */
  async generation(history: string): Promise<number> {
    await this.listen();
    return this.generations.get(history) ?? 0;
  }

  waitForAppend(history: string, since: number, timeoutMs: number, abort: AbortSignal): Promise<void> {
    if ((this.generations.get(history) ?? 0) !== since || abort.aborted || this.closed) return Promise.resolve();
    return new Promise((resolve) => {
      const waiter = {
        history,
        wake: () => {
          clearTimeout(timer);
          abort.removeEventListener('abort', waiter.wake);
          this.waiters.delete(waiter);
          resolve();
        },
      };
      const timer = setTimeout(waiter.wake, timeoutMs);
      abort.addEventListener('abort', waiter.wake);
      this.waiters.add(waiter);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const waiter of [...this.waiters]) waiter.wake();
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private listen(): Promise<void> {
    if (this.closed) return Promise.resolve();
    this.listening ??= this.connect().catch(() => {
      // Polling only until the next attempt.
      this.listening = null;
    });
    return this.listening;
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.connectionString });
    client.on('notification', (message) => {
      if (message.channel !== this.channel || message.payload === undefined) return;
      this.bump(message.payload);
    });
    client.on('error', () => this.dropped(client));
    client.on('end', () => this.dropped(client));
    await client.connect();
    if (this.closed) {
      await client.end();
      return;
    }
    await client.query(`listen ${quoteIdent(this.channel)}`);
    this.client = client;
  }

  private dropped(client: pg.Client): void {
    if (this.client !== client) return;
    this.client = null;
    this.listening = null;
    // Appends may have been missed while down: make every waiter re-read now.
    for (const history of this.generations.keys()) this.bump(history);
    for (const waiter of [...this.waiters]) waiter.wake();
  }

  private bump(history: string): void {
    this.generations.set(history, (this.generations.get(history) ?? 0) + 1);
    for (const waiter of [...this.waiters]) if (waiter.history === history) waiter.wake();
  }
}
