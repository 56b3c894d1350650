import type Database from 'better-sqlite3';
import { GENESIS_PREV } from '../../events/hash-chain.ts';
import type { HistoryEvent, StoredEvent } from '../../events/types.ts';
import { appendBatch, type ChainedRecord, type StoredIdentity } from '../append-batch.ts';
import { AppendSignals } from '../append-signal.ts';
import { startCatchUpSubscription } from '../catch-up-subscription.ts';
import {
  assertHistoryId,
  type AppendOptions,
  type AppendResult,
  type EventBatch,
  type EventStore,
  type HistoryHead,
  type ReadHistoryOptions,
  type ReadStreamOptions,
  type SubscribeOptions,
  type Subscription,
  type SubscriptionHandler,
} from '../event-store.ts';
import { HISTORY_PAGE } from '../history-pages.ts';
import { ConcurrencyError, StoreError } from '../store-errors.ts';
import { SqliteDatabase } from './sqlite-database.ts';

interface EventRow {
  seq: number;
  body: string;
  prev: string;
}

const DEFAULT_BATCH = 1000;
/** Other processes may append to the same file: subscriptions look again this often. */
const POLL_MS = 250;

/**
 * The history store of a `sqlite:PATH` store (the embedded default). The file, its connections and
 * durability settings are `SqliteDatabase`'s; this store owns it and closes it on `close`. Each append
 * is one `BEGIN IMMEDIATE` transaction, so a killed process leaves either the whole batch or nothing.
 */
export class SqliteEventStore implements EventStore {
  readonly backend = 'sqlite';
  private readonly signals = new AppendSignals();
  private readonly subscriptions = new Set<Subscription>();

  constructor(private readonly db: SqliteDatabase) {}

  /** Opens a history store on its own file (`openSqliteStores` opens the workspace and tokens with it). */
  static async open(path: string): Promise<SqliteEventStore> {
    return new SqliteEventStore(await SqliteDatabase.open(path));
  }

  get path(): string {
    return this.db.path;
  }

  async append(history: string, events: EventBatch, options: AppendOptions = {}): Promise<AppendResult> {
    this.assertOpen();
    assertHistoryId(history);
    return this.db.write(() => this.appendNow(history, events, options));
  }

  private async appendNow(history: string, events: EventBatch, options: AppendOptions): Promise<AppendResult> {
    this.assertOpen();
    const db = this.db.writer;
    const findId = db.prepare<[string, string], { seq: number; content_hash: string }>(
      'SELECT seq, content_hash FROM events WHERE history = ? AND id = ?',
    );
    const insert = db.prepare(
      'INSERT INTO events (history, seq, id, type, stream, at, body, prev, content_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    db.exec('BEGIN IMMEDIATE');
    try {
      const head = this.readHead(db, history);
      const expected = options.expectedHead ?? 'any';
      if (expected !== 'any' && expected !== head.events) throw new ConcurrencyError(history, expected, head.events);
      const findStored = (id: string): StoredIdentity | undefined => {
        const row = findId.get(history, id);
        return row === undefined ? undefined : { seq: row.seq, contentHash: row.content_hash };
      };
      const write = ({ event, stream, contentHash }: ChainedRecord) => {
        insert.run(history, event.seq, event.id, event.type, stream, event.at, bodyOf(event), event.prev, contentHash);
      };
      const result = await appendBatch(history, events, head, findStored, write);
      if (result.stored > 0) {
        // The head row moves only from the head this transaction read: the expected-revision write
        // that keeps two writers from forking the chain (redundant under BEGIN IMMEDIATE, kept so the
        // invariant does not rest on the lock mode).
        const moved = db
          .prepare(
            `INSERT INTO heads (history, events, hash) VALUES (?, ?, ?)
             ON CONFLICT (history) DO UPDATE SET events = excluded.events, hash = excluded.hash WHERE heads.events = ?`,
          )
          .run(history, result.head.events, result.head.hash, head.events);
        if (moved.changes !== 1) throw new ConcurrencyError(history, head.events, this.readHead(db, history).events);
      }
      db.exec('COMMIT');
      if (result.stored > 0) this.signals.of(history).notify();
      return result;
    } catch (error) {
      if (db.inTransaction) db.exec('ROLLBACK');
      if (error instanceof StoreError) throw error;
      if (error instanceof Error && error.name === 'SqliteError') {
        throw new StoreError('store.failure', `SQLite append failed: ${error.message}`, { cause: error });
      }
      throw error;
    }
  }

  private readHead(db: Database.Database, history: string): HistoryHead {
    const row = db.prepare<[string], { events: number; hash: string }>('SELECT events, hash FROM heads WHERE history = ?').get(history);
    return { history, events: row?.events ?? 0, hash: row?.hash ?? GENESIS_PREV };
  }

  async *readHistory(history: string, options: ReadHistoryOptions = {}): AsyncGenerator<StoredEvent> {
    for await (const page of this.readHistoryPages(history, { ...options, batchSize: options.batchSize ?? DEFAULT_BATCH })) yield* page;
  }

  /** Pages of one prepared statement (`LIMIT` from the last `seq`), decoded once per row. */
  async *readHistoryPages(history: string, options: ReadHistoryOptions = {}): AsyncGenerator<StoredEvent[]> {
    this.assertOpen();
    const batchSize = Math.max(1, options.batchSize ?? HISTORY_PAGE);
    const conditions = ['history = ?', 'seq >= ?'];
    const filterParams: unknown[] = [];
    if (options.types !== undefined) {
      if (options.types.length === 0) return;
      conditions.push(`type IN (${options.types.map(() => '?').join(', ')})`);
      filterParams.push(...options.types);
    }
    if (options.streamPrefixes !== undefined) {
      if (options.streamPrefixes.length === 0) return;
      // substr, not LIKE: stream names may contain `_` and `%`.
      conditions.push(`(${options.streamPrefixes.map(() => 'substr(stream, 1, ?) = ?').join(' OR ')})`);
      for (const prefix of options.streamPrefixes) filterParams.push(prefix.length, prefix);
    }
    const page = this.db.reader.prepare<unknown[], EventRow>(
      `SELECT seq, body, prev FROM events WHERE ${conditions.join(' AND ')} ORDER BY seq LIMIT ?`,
    );
    let from = Math.max(0, options.fromSeq ?? 0);
    for (;;) {
      this.assertOpen();
      const rows = page.all(history, from, ...filterParams, batchSize);
      if (rows.length > 0) yield rows.map(toStoredEvent);
      const last = rows.at(-1);
      if (last === undefined || rows.length < batchSize) return;
      from = last.seq + 1;
    }
  }

  async *readStream(history: string, stream: string, options: ReadStreamOptions = {}): AsyncGenerator<StoredEvent> {
    this.assertOpen();
    const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH);
    const first = this.db.reader.prepare<[string, string, number, number], EventRow>(
      'SELECT seq, body, prev FROM events WHERE history = ? AND stream = ? ORDER BY seq LIMIT ? OFFSET ?',
    );
    const next = this.db.reader.prepare<[string, string, number, number], EventRow>(
      'SELECT seq, body, prev FROM events WHERE history = ? AND stream = ? AND seq > ? ORDER BY seq LIMIT ?',
    );
    let rows = first.all(history, stream, batchSize, Math.max(0, options.fromRevision ?? 0));
    for (;;) {
      for (const row of rows) yield toStoredEvent(row);
      const last = rows.at(-1);
      if (last === undefined || rows.length < batchSize) return;
      this.assertOpen();
      rows = next.all(history, stream, last.seq, batchSize);
    }
  }

  subscribe(history: string, fromSeq: number, handler: SubscriptionHandler, options: SubscribeOptions = {}): Subscription {
    this.assertOpen();
    assertHistoryId(history);
    const signal = this.signals.of(history);
    const subscription = startCatchUpSubscription(
      {
        readFrom: (seq) => this.readHistory(history, { ...options, fromSeq: seq }),
        head: async () => this.readHead(this.db.reader, history).events,
        appendGeneration: async () => signal.generation,
        // In-process appends signal at once; those of other processes are found by the poll.
        waitForAppend: (since, abort) => signal.wait(since, abort, POLL_MS),
      },
      fromSeq,
      handler,
      () => this.subscriptions.delete(subscription),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  async head(history: string): Promise<HistoryHead> {
    this.assertOpen();
    return this.readHead(this.db.reader, history);
  }

  async listHistories(): Promise<readonly HistoryHead[]> {
    this.assertOpen();
    return this.db.reader
      .prepare<[], { history: string; events: number; hash: string }>('SELECT history, events, hash FROM heads WHERE events > 0 ORDER BY history')
      .all()
      .map((row) => ({ history: row.history, events: row.events, hash: row.hash }));
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    await this.db.close();
  }

  private assertOpen(): void {
    this.db.assertOpen();
  }
}

/** The stored body: the event itself (`{type, id, at, data, meta?}`), key order as appended. */
function bodyOf(event: StoredEvent): string {
  const body: Record<string, unknown> = { type: event.type, id: event.id, at: event.at, data: event.data };
  if (event.meta !== undefined) body.meta = event.meta;
  return JSON.stringify(body);
}

function toStoredEvent(row: EventRow): StoredEvent {
  const event = JSON.parse(row.body) as HistoryEvent;
  return { ...event, seq: row.seq, prev: row.prev } as StoredEvent;
}
