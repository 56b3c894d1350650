import pg from 'pg';
import { AppendSignals } from '../append-signal.ts';
import { quoteIdent } from './postgres-schema.ts';

/**
 * One LISTEN connection per store, shared by its subscriptions: each NOTIFY of a history notifies its
 * `AppendSignal` and so wakes the subscriptions waiting on it. If the connection cannot be opened or
 * drops, waits fall back to their poll timeout and the next round reconnects: notifications only make
 * delivery prompt, the cursor query decides what is delivered.
 */
export class PostgresAppendSignal {
  private client: pg.Client | null = null;
  private listening: Promise<void> | null = null;
  private closed = false;
  private readonly signals = new AppendSignals();

  constructor(
    private readonly connectionString: string,
    private readonly channel: string,
  ) {}

  /** The history's append counter, once LISTEN is in place (or has failed: then polling only). */
  async generation(history: string): Promise<number> {
    await this.listen();
    return this.signals.of(history).generation;
  }

  waitForAppend(history: string, since: number, timeoutMs: number, abort: AbortSignal): Promise<void> {
    if (this.closed) return Promise.resolve();
    return this.signals.of(history).wait(since, abort, timeoutMs);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.signals.notifyAll();
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
      this.signals.of(message.payload).notify();
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
    // Appends may have been missed while down: make every waiter read again now.
    this.signals.notifyAll();
  }
}
