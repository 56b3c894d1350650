import type pg from 'pg';
import { eventContent, eventHash, GENESIS_PREV } from '../../events/hash-chain.ts';
import type { HistoryEvent, StoredEvent } from '../../events/types.ts';
import {
  assertHistoryId,
  type AppendOptions,
  type AppendResult,
  type EventBatch,
  type EventStore,
  type HistoryHead,
  type HistoryId,
  type ReadHistoryOptions,
  type ReadStreamOptions,
  type SubscribeOptions,
  type Subscription,
  type SubscriptionHandler,
} from '../event-store.ts';
import { HISTORY_PAGE } from '../history-pages.ts';
import { ConcurrencyError, IdConflictError, StoreError, type IdConflict } from '../store-errors.ts';
import { streamFor } from '../stream-for.ts';
import { PostgresDatabase } from './postgres-database.ts';
import type { PostgresLocation } from './postgres-location.ts';
import { PostgresAppendSignal } from './postgres-append-signal.ts';
import { startCatchUpSubscription } from '../catch-up-subscription.ts';

/** Events per INSERT and per id lookup while appending (bounds memory for very large imports). */
const APPEND_CHUNK = 1000;
const DEFAULT_READ_BATCH = 1000;
const MAX_REPORTED_CONFLICTS = 100;

export interface PostgresEventStoreOptions {
  /** Connections in the pool (default 10). Subscriptions share one extra LISTEN connection. */
  readonly poolSize?: number;
  /**
   * How often a subscription that is caught up re-reads without a notification (ms, default 1000):
   * the backstop for a notification lost with a dropped LISTEN connection.
   */
  readonly pollIntervalMs?: number;
}

/**
 * The history store of a `postgres://` store (the workspace and tokens are `PostgresRulebookWorkspace`
 * and `PostgresTokenStore` on the same `PostgresDatabase`).
 *
 * **Why the global order is gap-free.** Each history has one head row (`a6_histories`). An append
 * starts its transaction with `SELECT … FOR UPDATE` on that row, so appends to a history run one after
 * the other: the next one waits for the lock, then (READ COMMITTED re-reads a row it waited for) sees
 * the committed head and numbers its events from there. `seq` is therefore assigned inside the
 * serialized transaction, never from a sequence object; a sequence hands out numbers at insert time
 * and commits land in another order, which lets a reader see seq 11 before a still-open 10 and skip
 * it for ever. Here a reader can only ever see a committed prefix of the history. The same lock makes
 * `expectedHead` exact (it is checked under the lock) and keeps the hash chain from forking: `prev`
 * comes from the head row the transaction holds.
 *
 * **Subscriptions** catch up by paging `seq >= cursor`, then wait for `NOTIFY` (sent inside the
 * append transaction, so delivered only at commit, after the rows are visible) or a poll timeout,
 * whichever comes first, and page again. NOTIFY makes live delivery immediate; the poll is the
 * backstop when the LISTEN connection drops. Correctness never depends on a notification: the
 * cursor query is the source of truth.
 */
export class PostgresEventStore implements EventStore {
  readonly backend = 'postgres';
  private readonly subscriptions = new Set<Subscription>();
  private readonly t: PostgresDatabase['tables'];
  private readonly signal: PostgresAppendSignal;
  private readonly pollIntervalMs: number;

  /** A history store on `db`, which it owns (closing the store closes the pool). */
  constructor(
    private readonly db: PostgresDatabase,
    options: PostgresEventStoreOptions = {},
  ) {
    this.t = db.tables;
    this.signal = new PostgresAppendSignal(db.location.connectionString, appendChannel(db.location.schema));
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
  }

  /** Connects and creates the schema if needed. `target`: a `postgres://` URL (`StoreLocation.target`). */
  static async open(target: string, options: PostgresEventStoreOptions = {}): Promise<PostgresEventStore> {
    return new PostgresEventStore(await PostgresDatabase.open(target, options.poolSize), options);
  }

  get location(): PostgresLocation {
    return this.db.location;
  }

  async append(history: HistoryId, events: EventBatch, options: AppendOptions = {}): Promise<AppendResult> {
    this.assertOpen();
    assertHistoryId(history);
    return this.db.transaction((client) => this.appendInTransaction(client, history, events, options), `append to history ${history}`);
  }

  private async appendInTransaction(
    client: pg.PoolClient,
    history: HistoryId,
    events: EventBatch,
    options: AppendOptions,
  ): Promise<AppendResult> {
    await client.query(`insert into ${this.t.histories} (history, events, hash) values ($1, 0, $2) on conflict (history) do nothing`, [
      history,
      GENESIS_PREV,
    ]);
    const locked = await client.query<{ events: string; hash: string }>(
      `select events, hash from ${this.t.histories} where history = $1 for update`,
      [history],
    );
    const headRow = locked.rows[0];
    if (headRow === undefined) throw new StoreError('store.corrupt', `history ${history}: head row vanished`);
    const firstSeq = Number(headRow.events);
    const expected = options.expectedHead ?? 'any';
    if (expected !== 'any' && expected !== firstSeq) throw new ConcurrencyError(history, expected, firstSeq);

    let nextSeq = firstSeq;
    let link = headRow.hash;
    const skippedIds: string[] = [];
    const conflicts: IdConflict[] = [];
    const nextRevision = new Map<string, number>();

    const flush = async (chunk: HistoryEvent[]): Promise<void> => {
      const contents = chunk.map(eventContent);
      const known = await client.query<{ id: string; seq: string; content: string }>(
        `select id, seq, content from ${this.t.events} where history = $1 and id = any($2::text[])`,
        [history, chunk.map((event) => event.id)],
      );
      const stored = new Map(known.rows.map((row) => [row.id, row]));
      const inChunk = new Map<string, string>();
      const rows: { event: HistoryEvent; content: string; stream: string; seq: number; prev: string }[] = [];
      chunk.forEach((event, index) => {
        const content = contents[index] as string;
        const earlier = inChunk.get(event.id) ?? stored.get(event.id)?.content;
        if (earlier === undefined) {
          inChunk.set(event.id, content);
          rows.push({ event, content, stream: streamFor(event), seq: nextSeq, prev: link });
          link = eventHash(event, link);
          nextSeq += 1;
        } else if (earlier === content) {
          skippedIds.push(event.id);
        } else if (conflicts.length < MAX_REPORTED_CONFLICTS) {
          const storedSeq = stored.get(event.id)?.seq;
          // A clash with a row this very batch inserted (an earlier chunk) is a clash within the batch.
          const seq = storedSeq === undefined || Number(storedSeq) >= firstSeq ? null : Number(storedSeq);
          conflicts.push({ id: event.id, seq });
        }
      });
      if (rows.length === 0) return;
      const unknownStreams = [...new Set(rows.map((row) => row.stream))].filter((stream) => !nextRevision.has(stream));
      if (unknownStreams.length > 0) {
        const revisions = await client.query<{ stream: string; last: string }>(
          `select stream, max(stream_revision) as last from ${this.t.events}
            where history = $1 and stream = any($2::text[]) group by stream`,
          [history, unknownStreams],
        );
        for (const stream of unknownStreams) nextRevision.set(stream, 0);
        for (const row of revisions.rows) nextRevision.set(row.stream, Number(row.last) + 1);
      }
      const revisionsOfRows = rows.map((row) => {
        const revision = nextRevision.get(row.stream) ?? 0;
        nextRevision.set(row.stream, revision + 1);
        return revision;
      });
      await client.query(
        `insert into ${this.t.events} (history, seq, id, stream, stream_revision, type, prev, content)
         select $1, * from unnest($2::bigint[], $3::text[], $4::text[], $5::bigint[], $6::text[], $7::text[], $8::text[])`,
        [
          history,
          rows.map((row) => row.seq),
          rows.map((row) => row.event.id),
          rows.map((row) => row.stream),
          revisionsOfRows,
          rows.map((row) => row.event.type),
          rows.map((row) => row.prev),
          rows.map((row) => row.content),
        ],
      );
    };

    let chunk: HistoryEvent[] = [];
    for await (const event of events) {
      chunk.push(event);
      if (chunk.length >= APPEND_CHUNK) {
        await flush(chunk);
        chunk = [];
        if (conflicts.length >= MAX_REPORTED_CONFLICTS) break;
      }
    }
    if (chunk.length > 0 && conflicts.length < MAX_REPORTED_CONFLICTS) await flush(chunk);
    if (conflicts.length > 0) throw new IdConflictError(history, conflicts);

    const stored = nextSeq - firstSeq;
    if (stored > 0) {
      await client.query(`update ${this.t.histories} set events = $2, hash = $3 where history = $1`, [history, nextSeq, link]);
      // Delivered at commit, after the rows are visible; never before, never for a rolled-back batch.
      await client.query('select pg_notify($1, $2)', [appendChannel(this.db.location.schema), history]);
    }
    return {
      stored,
      skipped: skippedIds.length,
      skippedIds,
      firstSeq: stored > 0 ? firstSeq : null,
      head: { history, events: nextSeq, hash: link },
    };
  }

  async *readStream(history: HistoryId, stream: string, options: ReadStreamOptions = {}): AsyncIterable<StoredEvent> {
    this.assertOpen();
    assertHistoryId(history);
    const batchSize = options.batchSize ?? DEFAULT_READ_BATCH;
    let fromRevision = options.fromRevision ?? 0;
    for (;;) {
      const page = await this.db.query<EventRow & { stream_revision: string }>(
        `select seq, prev, content, stream_revision from ${this.t.events}
          where history = $1 and stream = $2 and stream_revision >= $3 order by stream_revision limit $4`,
        [history, stream, fromRevision, batchSize],
        `read stream ${stream} of history ${history}`,
      );
      for (const row of page) yield toStoredEvent(row);
      const last = page.at(-1);
      if (last === undefined || page.length < batchSize) return;
      fromRevision = Number(last.stream_revision) + 1;
    }
  }

  async *readHistory(history: HistoryId, options: ReadHistoryOptions = {}): AsyncIterable<StoredEvent> {
    for await (const page of this.readHistoryPages(history, { ...options, batchSize: options.batchSize ?? DEFAULT_READ_BATCH })) yield* page;
  }

  /** Keyset pages (`seq > last`), decoded once per row. */
  async *readHistoryPages(history: HistoryId, options: ReadHistoryOptions = {}): AsyncIterable<StoredEvent[]> {
    this.assertOpen();
    assertHistoryId(history);
    const batchSize = options.batchSize ?? HISTORY_PAGE;
    let fromSeq = options.fromSeq ?? 0;
    for (;;) {
      const page = await this.readPage(history, fromSeq, batchSize, options);
      if (page.length > 0) yield page.map(toStoredEvent);
      const last = page.at(-1);
      if (last === undefined || page.length < batchSize) return;
      fromSeq = Number(last.seq) + 1;
    }
  }

  private readPage(history: HistoryId, fromSeq: number, limit: number, filter: SubscribeOptions): Promise<EventRow[]> {
    const conditions = ['history = $1', 'seq >= $2'];
    const params: unknown[] = [history, fromSeq, limit];
    if (filter.types !== undefined) {
      params.push(filter.types);
      conditions.push(`type = any($${params.length}::text[])`);
    }
    if (filter.streamPrefixes !== undefined) {
      params.push(filter.streamPrefixes);
      // starts_with, not LIKE: stream names may contain `_` and `%`.
      conditions.push(`exists (select 1 from unnest($${params.length}::text[]) as prefix where starts_with(stream, prefix))`);
    }
    return this.db.query<EventRow>(
      `select seq, prev, content from ${this.t.events} where ${conditions.join(' and ')} order by seq limit $3`,
      params,
      `read history ${history}`,
    );
  }

  subscribe(history: HistoryId, fromSeq: number, handler: SubscriptionHandler, options: SubscribeOptions = {}): Subscription {
    this.assertOpen();
    assertHistoryId(history);
    const subscription = startCatchUpSubscription(
      {
        readFrom: (seq) => this.readHistory(history, { ...options, fromSeq: seq }),
        head: async () => (await this.head(history)).events,
        appendGeneration: () => this.signal.generation(history),
        waitForAppend: (since, abort) => this.signal.waitForAppend(history, since, this.pollIntervalMs, abort),
      },
      fromSeq,
      handler,
      () => this.subscriptions.delete(subscription),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  async head(history: HistoryId): Promise<HistoryHead> {
    this.assertOpen();
    assertHistoryId(history);
    const rows = await this.db.query<{ events: string; hash: string }>(
      `select events, hash from ${this.t.histories} where history = $1`,
      [history],
      `read the head of history ${history}`,
    );
    const row = rows[0];
    return row === undefined ? { history, events: 0, hash: GENESIS_PREV } : { history, events: Number(row.events), hash: row.hash };
  }

  async listHistories(): Promise<readonly HistoryHead[]> {
    this.assertOpen();
    // `collate "C"`: sorted by code units like the other backends, whatever the database's locale.
    const rows = await this.db.query<{ history: string; events: string; hash: string }>(
      `select history, events, hash from ${this.t.histories} where events > 0 order by history collate "C"`,
      [],
      'list histories',
    );
    return rows.map((row) => ({ history: row.history, events: Number(row.events), hash: row.hash }));
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    await this.signal.close();
    await this.db.close();
  }

  private assertOpen(): void {
    this.db.assertOpen();
  }
}

interface EventRow {
  readonly seq: string;
  readonly prev: string;
  readonly content: string;
}

function toStoredEvent(row: EventRow): StoredEvent {
  return { ...(JSON.parse(row.content) as HistoryEvent), seq: Number(row.seq), prev: row.prev };
}

/** The NOTIFY channel of one schema's appends (payload: the history id). */
function appendChannel(schema: string): string {
  return `a6_appended.${schema}`;
}
