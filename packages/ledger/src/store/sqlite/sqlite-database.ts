import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { StoreClosedError, StoreError } from '../store-errors.ts';
import { SQLITE_SCHEMA, SQLITE_SCHEMA_VERSION } from './sqlite-schema.ts';

/**
 * One SQLite store file, shared by the three ports of a `sqlite:` store (`SqliteEventStore`,
 * `SqliteRulebookWorkspace`, `SqliteTokenStore`: tables of one file, docs/storage.md "Ports").
 * Durability choices (docs/storage.md): WAL so readers never block the writer; `synchronous=FULL`
 * because an import is one transaction, so the one extra fsync per commit is cheap and an
 * acknowledged import survives a power loss (NORMAL could lose the last commits); writers in other
 * processes queue on the lock (busy_timeout).
 *
 * Two connections: an append may await a streamed batch inside its transaction, so reads go through
 * a second connection that only ever sees committed data, and every write of this process (appends,
 * saves, tokens) takes its turn on the writer through `write`: a rulebook save never waits on the
 * file lock behind a long import of the same process.
 */
export class SqliteDatabase {
  readonly writer: Database.Database;
  readonly reader: Database.Database;
  private writeQueue: Promise<unknown> = Promise.resolve();
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
  static async open(path: string): Promise<SqliteDatabase> {
    try {
      return new SqliteDatabase(path);
    } catch (error) {
      if (error instanceof StoreError) throw error;
      throw new StoreError('store.failure', `cannot open SQLite store ${path}: ${messageOf(error)}`, { cause: error });
    }
  }

  /** Runs `work` on the writer once every write queued before it has finished. */
  write<T>(work: () => T | Promise<T>): Promise<T> {
    this.assertOpen();
    const turn = this.writeQueue.then(work);
    this.writeQueue = turn.catch(() => {});
    return turn;
  }

  assertOpen(): void {
    if (this.closed) throw new StoreClosedError();
  }

  /** Lets queued writes finish, then closes both connections. */
  async close(): Promise<void> {
    if (this.closed) return;
    await this.writeQueue;
    this.closed = true;
    this.reader.close();
    this.writer.close();
  }
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
