import type { EventType, HistoryEvent, StoredEvent } from '../events/types.ts';
import { StoreError } from './store-errors.ts';

/**
 * The EventStore port: histories only (docs/storage.md "The EventStore port"). Every backend (memory,
 * SQLite, PostgreSQL, KurrentDB) implements exactly this interface and passes the one contract suite
 * in `event-store.contract.ts`. The rulebook workspace and the server's tokens are ports of their own
 * (`rulebook-workspace.ts`, `token-store.ts`), opened with it by `openStore` (docs/storage.md "Ports").
 *
 * Shape decisions, so that PostgreSQL and KurrentDB fit without changing the port:
 * - A store holds named histories; every call names its history (`main` by default in store URLs).
 *   Order, ids, `seq` and the hash chain are scoped to one history.
 * - `append` takes one batch that may touch several streams (KurrentDB `multiStreamAppend`, one SQL
 *   transaction) and is all-or-nothing. Optimistic concurrency is on the *history head* (the number of
 *   events in the history), not on individual streams: the global order is the history order and the
 *   chain must never fork.
 * - Validation issues (bad lines) are data and never reach the store; the store only throws
 *   infrastructure faults and the two "someone else wrote first" conditions (`ConcurrencyError`,
 *   `IdConflictError`), all subclasses of `StoreError` (store-errors.ts).
 */

/** A history id: `[A-Za-z0-9._-]{1,64}` (checked by `isHistoryId`). */
export type HistoryId = string;

export const DEFAULT_HISTORY: HistoryId = 'main';

/** `expectedHead`: the number of events the caller believes the history holds, or `'any'`. */
export type ExpectedHead = number | 'any';

/** Events to append: an array, or a (sync or async) iterable for very large imports. */
export type EventBatch = Iterable<HistoryEvent> | AsyncIterable<HistoryEvent>;

export interface AppendOptions {
  /**
   * Optimistic concurrency: when a number, the append fails with `ConcurrencyError` (and stores
   * nothing) unless the history holds exactly that many events when the batch is written.
   * Default `'any'` (the append still never forks the chain: it is serialized on the head).
   */
  readonly expectedHead?: ExpectedHead;
}

export interface HistoryHead {
  readonly history: HistoryId;
  /** Number of events in the history; also the `seq` the next appended event gets. */
  readonly events: number;
  /**
   * Chain head: sha256 hex of the canonical form of the last event (`eventHash`), i.e. the `prev` the
   * next event gets; 64 zeros for an empty history. Equals `chainHead` of the same events from NDJSON.
   */
  readonly hash: string;
}

export interface AppendResult {
  /** Events written by this call. They got consecutive `seq`s from `firstSeq`, in batch order. */
  readonly stored: number;
  /** Events whose id was already stored with the same content (idempotent re-append); no seq used. */
  readonly skipped: number;
  /** Ids of the skipped events, in batch order (so a caller can map its events to their seqs). */
  readonly skippedIds: readonly string[];
  /** `seq` of the first stored event; `null` when nothing was stored. */
  readonly firstSeq: number | null;
  readonly head: HistoryHead;
}

export interface ReadHistoryOptions {
  /** First `seq` to deliver (inclusive checkpoint). Default 0. */
  readonly fromSeq?: number;
  /** Only events whose stream name starts with one of these prefixes (`registry-`, `party-CHE`). */
  readonly streamPrefixes?: readonly string[];
  /** Only events of these types. */
  readonly types?: readonly EventType[];
  /** Page size used to pull from the backend (memory stays bounded by it). Default 1000. */
  readonly batchSize?: number;
}

export interface ReadStreamOptions {
  /** First position within the stream (0-based stream revision, inclusive). Default 0. */
  readonly fromRevision?: number;
  readonly batchSize?: number;
}

/** A catch-up subscription: stored events from `fromSeq`, then live ones, in `seq` order. */
export interface Subscription {
  /** Stops delivery; resolves once no handler call is running any more. */
  close(): Promise<void>;
  /** Resolves when the subscription stopped (closed, or the handler threw: then it rejects). */
  readonly done: Promise<void>;
}

export interface SubscribeOptions {
  readonly streamPrefixes?: readonly string[];
  readonly types?: readonly EventType[];
}

/** Delivery is sequential: the next event is only delivered after the returned promise settles. */
export type SubscriptionHandler = (event: StoredEvent) => void | Promise<void>;

export interface EventStore {
  /** Backend name for health reports: `memory`, `sqlite`, `postgres`, `kurrentdb`. */
  readonly backend: string;

  /**
   * Appends a batch atomically (all streams, one transaction). Per event: a new id is stored with
   * the next `seq` and its `prev`; an id already stored (or earlier in the batch) with the same
   * content (`type`, `at`, `data`, `meta`) is skipped; with other content the whole batch fails with
   * `IdConflictError` listing every conflicting id (up to 100). Throws `ConcurrencyError` on an
   * `expectedHead` mismatch. Nothing is stored when it throws.
   */
  append(history: HistoryId, events: EventBatch, options?: AppendOptions): Promise<AppendResult>;

  /** One stream of a history (`streamFor`), in history order. */
  readStream(history: HistoryId, stream: string, options?: ReadStreamOptions): AsyncIterable<StoredEvent>;

  /** The history in `seq` order from a checkpoint, filtered, streamed in batches. */
  readHistory(history: HistoryId, options?: ReadHistoryOptions): AsyncIterable<StoredEvent>;

  /**
   * The same events as `readHistory`, a page at a time (`batchSize` events, default `HISTORY_PAGE`):
   * what replay, compare and explain fold, one promise per page (docs/performance.md). Events are
   * decoded once and never re-validated or re-hashed: the store checked them at append.
   */
  readHistoryPages(history: HistoryId, options?: ReadHistoryOptions): AsyncIterable<readonly StoredEvent[]>;

  /** Catch-up subscription: events from `fromSeq` (inclusive) that are stored, then live ones. */
  subscribe(
    history: HistoryId,
    fromSeq: number,
    handler: SubscriptionHandler,
    options?: SubscribeOptions,
  ): Subscription;

  /** Head of a history; an unknown history has `{events: 0, hash: 64 zeros}`. */
  head(history: HistoryId): Promise<HistoryHead>;

  /** Histories holding at least one event, sorted by id. */
  listHistories(): Promise<readonly HistoryHead[]>;

  /**
   * Closes open subscriptions and releases the backend's connection, which the workspace and token
   * store opened with it share (`StoreSet.close`). Further calls throw `StoreClosedError`.
   */
  close(): Promise<void>;
}

const HISTORY_ID = /^[A-Za-z0-9._-]{1,64}$/;

export function isHistoryId(value: string): boolean {
  return HISTORY_ID.test(value);
}

/** Throws `StoreError('store.bad_history_id')` unless `isHistoryId(history)`. */
export function assertHistoryId(history: string): void {
  if (!isHistoryId(history)) {
    throw new StoreError('store.bad_history_id', `history id ${JSON.stringify(history)} must match [A-Za-z0-9._-]{1,64}`);
  }
}
