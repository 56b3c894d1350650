import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { sha256Hex } from '../../events/canonical-json.ts';
import { GENESIS_PREV } from '../../events/hash-chain.ts';
import type { HistoryEvent, StoredEvent } from '../../events/types.ts';
import { appendBatch, type ChainedRecord, type StoredIdentity } from '../append-batch.ts';
import { AppendSignal, startCatchUpSubscription } from '../catch-up-subscription.ts';
import {
  assertHistoryId,
  type AppendOptions,
  type AppendResult,
  type EventBatch,
  type EventStore,
  type HistoryHead,
  type ReadHistoryOptions,
  type ReadStreamOptions,
  type RulebookFileSummary,
  type RulebookVersion,
  type SubscribeOptions,
  type Subscription,
  type SubscriptionHandler,
  type TokenRecord,
} from '../event-store.ts';
import { ConcurrencyError, StoreClosedError, StoreError } from '../store-errors.ts';
import { SQLITE_SCHEMA, SQLITE_SCHEMA_VERSION } from './sqlite-schema.ts';

interface EventRow {
  seq: number;
  body: string;
  prev: string;
}

const DEFAULT_BATCH = 1000;
/** Other processes may append to the same file: subscriptions look again this often. */
const POLL_MS = 250;

/**
 * The embedded default store (`sqlite:PATH`, better-sqlite3). Durability choices (docs/storage.md):
 * WAL so readers never block the writer; `synchronous=FULL` because an import is one transaction, so
 * the one extra fsync per commit is cheap and an acknowledged import survives a power loss (NORMAL
 * could lose the last commits); `BEGIN IMMEDIATE` per append so a killed process leaves either the
 * whole batch or nothing, and writers in other processes queue on the lock (busy_timeout).
 *
 * Two connections: appends may await a streamed batch inside their transaction, so reads go through a
 * second connection that only ever sees committed data.
 */
export class SqliteEventStore implements EventStore {
  readonly backend = 'sqlite';
  private readonly writer: Database.Database;
  private readonly reader: Database.Database;
  private readonly signals = new Map<string, AppendSignal>();
  private readonly subscriptions = new Set<Subscription>();
  private appendQueue: Promise<unknown> = Promise.resolve();
  private closed = false;

  private constructor(readonly path: string) {
    if (path !== ':memory:') createDirectories(dirname(path));
    this.writer = new Database(path);
    this.writer.pragma('journal_mode = WAL');
    this.writer.pragma('synchronous = FULL');
    this.writer.pragma('busy_timeout = 10000');
    const version = this.writer.pragma('user_version', { simple: true }) as number;
    if (version > SQLITE_SCHEMA_VERSION) {
      this.writer.close();
      throw new StoreError('store.corrupt', `${path} has schema version ${version}; this a6 knows up to ${SQLITE_SCHEMA_VERSION}`);
    }
    this.writer.exec(SQLITE_SCHEMA);
    this.writer.pragma(`user_version = ${SQLITE_SCHEMA_VERSION}`);
    this.reader = new Database(path, { readonly: path !== ':memory:' });
    this.reader.pragma('busy_timeout = 10000');
  }

  /** Opens (creating the file, its directory and the schema when needed). */
  static async open(path: string): Promise<SqliteEventStore> {
    try {
      return new SqliteEventStore(path);
    } catch (error) {
      if (error instanceof StoreError) throw error;
      throw new StoreError('store.failure', `cannot open SQLite store ${path}: ${messageOf(error)}`, { cause: error });
    }
  }

  async append(history: string, events: EventBatch, options: AppendOptions = {}): Promise<AppendResult> {
    this.assertOpen();
    assertHistoryId(history);
    const turn = this.appendQueue.then(() => this.appendNow(history, events, options));
    this.appendQueue = turn.catch(() => {});
    return turn;
  }

  private async appendNow(history: string, events: EventBatch, options: AppendOptions): Promise<AppendResult> {
    this.assertOpen();
    const db = this.writer;
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
      if (result.stored > 0) this.signalFor(history).notify();
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
    this.assertOpen();
    const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH);
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
    const page = this.reader.prepare<unknown[], EventRow>(
      `SELECT seq, body, prev FROM events WHERE ${conditions.join(' AND ')} ORDER BY seq LIMIT ?`,
    );
    let from = Math.max(0, options.fromSeq ?? 0);
    for (;;) {
      this.assertOpen();
      const rows = page.all(history, from, ...filterParams, batchSize);
      for (const row of rows) yield toStoredEvent(row);
      const last = rows.at(-1);
      if (last === undefined || rows.length < batchSize) return;
      from = last.seq + 1;
    }
  }

  async *readStream(history: string, stream: string, options: ReadStreamOptions = {}): AsyncGenerator<StoredEvent> {
    this.assertOpen();
    const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH);
    const first = this.reader.prepare<[string, string, number, number], EventRow>(
      'SELECT seq, body, prev FROM events WHERE history = ? AND stream = ? ORDER BY seq LIMIT ? OFFSET ?',
    );
    const next = this.reader.prepare<[string, string, number, number], EventRow>(
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
    const subscription = startCatchUpSubscription(
      { readFrom: (seq) => this.readHistory(history, { fromSeq: seq }), signal: this.signalFor(history), pollMs: POLL_MS },
      fromSeq,
      handler,
      options,
      () => this.subscriptions.delete(subscription),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  private signalFor(history: string): AppendSignal {
    let signal = this.signals.get(history);
    if (signal === undefined) {
      signal = new AppendSignal();
      this.signals.set(history, signal);
    }
    return signal;
  }

  async head(history: string): Promise<HistoryHead> {
    this.assertOpen();
    return this.readHead(this.reader, history);
  }

  async listHistories(): Promise<readonly HistoryHead[]> {
    this.assertOpen();
    return this.reader
      .prepare<[], { history: string; events: number; hash: string }>('SELECT history, events, hash FROM heads WHERE events > 0 ORDER BY history')
      .all()
      .map((row) => ({ history: row.history, events: row.events, hash: row.hash }));
  }

  async saveRulebook(file: string, source: string): Promise<RulebookVersion> {
    this.assertOpen();
    const sha256 = sha256Hex(source);
    const save = this.writer.transaction((): RulebookVersion => {
      const latest = this.writer
        .prepare<[string], VersionRow>('SELECT * FROM rulebook_versions WHERE file = ? ORDER BY version DESC LIMIT 1')
        .get(file);
      if (latest !== undefined && latest.sha256 === sha256) return toVersion(latest);
      const version: RulebookVersion = { file, sha256, source, version: (latest?.version ?? 0) + 1, savedAt: new Date().toISOString() };
      this.writer
        .prepare('INSERT INTO rulebook_versions (file, version, sha256, source, saved_at) VALUES (?, ?, ?, ?, ?)')
        .run(file, version.version, sha256, source, version.savedAt);
      return version;
    });
    // Queued behind appends: a streamed append holds the writer's transaction across awaits.
    const turn = this.appendQueue.then(() => save.immediate());
    this.appendQueue = turn.catch(() => {});
    return turn;
  }

  async listRulebookFiles(): Promise<readonly RulebookFileSummary[]> {
    this.assertOpen();
    return this.reader
      .prepare<[], { file: string; sha256: string; versions: number; saved_at: string }>(
        `SELECT file, sha256, version AS versions, saved_at FROM rulebook_versions AS v
         WHERE version = (SELECT MAX(version) FROM rulebook_versions WHERE file = v.file) ORDER BY file`,
      )
      .all()
      .map((row) => ({ file: row.file, sha256: row.sha256, versions: row.versions, savedAt: row.saved_at }));
  }

  async rulebookVersions(file: string): Promise<readonly RulebookVersion[]> {
    this.assertOpen();
    return this.reader
      .prepare<[string], VersionRow>('SELECT * FROM rulebook_versions WHERE file = ? ORDER BY version')
      .all(file)
      .map(toVersion);
  }

  async putToken(record: TokenRecord): Promise<void> {
    this.assertOpen();
    const turn = this.appendQueue.then(() => {
      this.writer
        .prepare('INSERT INTO tokens (hash, record) VALUES (?, ?) ON CONFLICT (hash) DO UPDATE SET record = excluded.record')
        .run(record.hash, JSON.stringify(record));
    });
    this.appendQueue = turn.catch(() => {});
    return turn;
  }

  async findToken(hash: string): Promise<TokenRecord | undefined> {
    this.assertOpen();
    const row = this.reader.prepare<[string], { record: string }>('SELECT record FROM tokens WHERE hash = ?').get(hash);
    return row === undefined ? undefined : (JSON.parse(row.record) as TokenRecord);
  }

  async listTokens(): Promise<readonly TokenRecord[]> {
    this.assertOpen();
    return this.reader
      .prepare<[], { record: string }>('SELECT record FROM tokens')
      .all()
      .map((row) => JSON.parse(row.record) as TokenRecord)
      .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    await this.appendQueue;
    this.closed = true;
    this.reader.close();
    this.writer.close();
  }

  private assertOpen(): void {
    if (this.closed) throw new StoreClosedError();
  }
}

interface VersionRow {
  file: string;
  version: number;
  sha256: string;
  source: string;
  saved_at: string;
}

function toVersion(row: VersionRow): RulebookVersion {
  return { file: row.file, sha256: row.sha256, source: row.source, version: row.version, savedAt: row.saved_at };
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

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * `mkdirSync(dir, {recursive: true})`, one level at a time: Node's recursive mkdir never returns for a
 * path under /proc (it retries ENOENT forever), which turned `--store sqlite:/proc/x/ledger.db` into a
 * hang instead of a storage failure (exit 3).
 */
function createDirectories(directory: string): void {
  const missing: string[] = [];
  let current = resolve(directory);
  while (!existsSync(current)) {
    missing.push(current);
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const level of missing.reverse()) {
    try {
      mkdirSync(level);
    } catch (error) {
      // Another process opening the same store may create it first.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}
