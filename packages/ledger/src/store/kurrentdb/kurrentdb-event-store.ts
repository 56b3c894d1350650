import { randomUUID } from 'node:crypto';
import {
  AppendConsistencyViolationError,
  BACKWARDS,
  START,
  StreamNotFoundError,
  WrongExpectedVersionError,
  streamNameFilter,
  type AllStreamResolvedEvent,
  type Position,
  type ReadPosition,
  type ResolvedEvent,
} from '@kurrent/kurrentdb-client';
import { GENESIS_PREV, toHistoryEvent } from '../../events/hash-chain.ts';
import type { HistoryEvent, StoredEvent } from '../../events/types.ts';
import { appendBatch, contentHash, type ChainedRecord, type StoredIdentity } from '../append-batch.ts';
import { startCatchUpSubscription } from '../catch-up-subscription.ts';
import {
  assertHistoryId,
  isHistoryId,
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
import { pagesOf } from '../history-pages.ts';
import { ConcurrencyError, StoreError } from '../store-errors.ts';
import { buildAppendTransaction, HEAD_EVENT_TYPE, parseHeadRecord, splitIntoTransactions, type HeadRecord } from './kurrentdb-append-plan.ts';
import { fromKurrentRecord } from './kurrentdb-event-data.ts';
import { KurrentAppendSignal } from './kurrentdb-append-signal.ts';
import { KurrentConnection } from './kurrentdb-connection.ts';
import { parseKurrentLocation, type KurrentLocation } from './kurrentdb-location.ts';
import {
  eventStreamName,
  headStreamName,
  historiesStreamName,
  historyStreamPrefix,
  parseHistoryStreamName,
} from './kurrentdb-stream-names.ts';
import { findStartRevision } from './find-start-revision.ts';
import { TransactionReorderer, type HistoryLogItem } from './transaction-reorderer.ts';

/** How often an append with `expectedHead: 'any'` re-reads the head after losing a race. */
const MAX_HEAD_RACES = 20;
/** How often a caught-up subscription reads again without a head-stream event (the backstop of a dropped watch). */
const POLL_INTERVAL_MS = 1000;

interface HeadAt {
  readonly revision: bigint;
  readonly head: HeadRecord;
  readonly position: Position | undefined;
}

interface IdIndex {
  /** Events of the history this index has seen (the seq it reads from next). */
  events: number;
  readonly ids: Map<string, StoredIdentity>;
}

/**
 * The history store of a `kurrentdb://` store (stream layout: kurrentdb-stream-names.ts; event
 * mapping: kurrentdb-event-data.ts; both in docs/scaling.md). The workspace is
 * `KurrentRulebookWorkspace` on the same connection; tokens live elsewhere (open-kurrentdb-stores.ts).
 *
 * - **append**: one `multiStreamAppend` per transaction: the head event with the head stream's
 *   expected revision plus every touched stream. Losing the head race is a `ConcurrencyError` with
 *   an `expectedHead`, otherwise a retry on the new head. Batches above `maxAppendBytes` are written
 *   as several such transactions (see the limitation below).
 * - **readHistory**: `readAll` from a position found through the head stream, with a server-side
 *   stream-name prefix filter (`PREFIX/H/…`); events are put back in seq order per transaction by
 *   `TransactionReorderer`; type filters apply client-side (a server filter is either on stream
 *   names or on event types, not both).
 * - **subscribe**: the catch-up subscription every backend shares (catch-up-subscription.ts), reading
 *   with `readHistory` from its cursor; it wakes on the history's head stream (`KurrentAppendSignal`:
 *   one event per append), with a 1 s poll as the backstop of a dropped watch.
 * - **idempotency**: KurrentDB has no secondary index on our event ids, so the store keeps, per
 *   history it appends to, an in-memory map id → content hash, caught up from the head before each
 *   append (memory: one entry per event of that history).
 *
 * Limitation (reported to the lead): a batch larger than one KurrentDB append is written as
 * consecutive atomic transactions; if a later one fails, the earlier ones stay stored. Each is
 * guarded by the head, so the chain stays linear and readers never see a gap.
 */
export class KurrentEventStore implements EventStore {
  readonly backend = 'kurrentdb';
  private readonly subscriptions = new Set<Subscription>();
  private readonly idIndexes = new Map<string, IdIndex>();
  private readonly client: KurrentConnection['client'];
  private readonly signal: KurrentAppendSignal;

  /** A history store on `connection`, which it owns (closing the store disposes the client). */
  constructor(private readonly connection: KurrentConnection) {
    this.client = connection.client;
    this.signal = new KurrentAppendSignal(connection.client, connection.location.prefix, POLL_INTERVAL_MS);
  }

  /** Connects (and checks the server answers). `target`: a `kurrentdb://` / `esdb://` URL. */
  static async open(target: string): Promise<KurrentEventStore> {
    return new KurrentEventStore(await KurrentConnection.open(parseKurrentLocation(target)));
  }

  get location(): KurrentLocation {
    return this.connection.location;
  }

  async append(history: HistoryId, events: EventBatch, options: AppendOptions = {}): Promise<AppendResult> {
    this.assertOpen();
    assertHistoryId(history);
    // The whole batch is needed before anything is written: ids are checked against the history
    // first, and a large batch is then cut into transactions.
    const batch: HistoryEvent[] = [];
    for await (const event of events) batch.push(event);
    const expected = options.expectedHead ?? 'any';
    try {
      for (let race = 0; ; race += 1) {
        const last = await this.lastHead(history);
        const head: HistoryHead = last === null ? { history, events: 0, hash: GENESIS_PREV } : { history, events: last.head.events, hash: last.head.hash };
        if (expected !== 'any' && expected !== head.events) throw new ConcurrencyError(history, expected, head.events);
        const index = await this.idIndex(history, head.events);
        const records: ChainedRecord[] = [];
        const result = await appendBatch(history, batch, head, (id) => index.ids.get(id), (record) => records.push(record));
        if (records.length === 0) return result;
        const written = await this.writeTransactions(history, records, last?.revision ?? null);
        if (written === 'lost-race') {
          if (expected !== 'any') {
            const actual = (await this.lastHead(history))?.head.events ?? 0;
            throw new ConcurrencyError(history, expected, actual);
          }
          if (race >= MAX_HEAD_RACES) throw new StoreError('store.failure', `history ${history}: lost the head race ${MAX_HEAD_RACES} times in a row`);
          continue;
        }
        for (const record of records) index.ids.set(record.event.id, { seq: record.event.seq, contentHash: record.contentHash });
        index.events = result.head.events;
        return result;
      }
    } catch (error) {
      throw this.connection.failure(`append to history ${history}`, error);
    }
  }

  /** Writes the records as one or more head-guarded transactions; `'lost-race'` if the first lost. */
  private async writeTransactions(history: string, records: readonly ChainedRecord[], headRevision: bigint | null): Promise<'written' | 'lost-race'> {
    const transactions = splitIntoTransactions(records, this.location.maxAppendBytes);
    let revision = headRevision;
    for (const [index, transaction] of transactions.entries()) {
      const requests = buildAppendTransaction({ prefix: this.location.prefix, history, records: transaction, headRevision: revision, newUuid: randomUUID });
      try {
        await this.client.multiStreamAppend(requests);
      } catch (error) {
        if (!isExpectedStateError(error)) throw error;
        if (index === 0) return 'lost-race';
        const stored = transactions.slice(0, index).reduce((sum, part) => sum + part.length, 0);
        throw new StoreError(
          'store.concurrency',
          `history ${history}: another writer appended between the parts of a large batch; ${stored} of ${records.length} events were stored`,
          { cause: error },
        );
      }
      revision = revision === null ? 0n : revision + 1n;
    }
    return 'written';
  }

  private async idIndex(history: string, upTo: number): Promise<IdIndex> {
    let index = this.idIndexes.get(history);
    if (index === undefined) {
      index = { events: 0, ids: new Map() };
      this.idIndexes.set(history, index);
    }
    if (index.events < upTo) {
      for await (const event of this.readHistory(history, { fromSeq: index.events })) {
        index.ids.set(event.id, { seq: event.seq, contentHash: contentHash(toHistoryEvent(event)) });
        index.events = event.seq + 1;
      }
    }
    return index;
  }

  async *readStream(history: HistoryId, stream: string, options: ReadStreamOptions = {}): AsyncIterable<StoredEvent> {
    this.assertOpen();
    assertHistoryId(history);
    const reads = this.client.readStream(eventStreamName(this.location.prefix, history, stream), { fromRevision: BigInt(options.fromRevision ?? 0) });
    try {
      for await (const resolved of reads) {
        if (resolved.event !== undefined) yield fromKurrentRecord(resolved.event).event;
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return;
      throw this.connection.failure(`read stream ${stream} of history ${history}`, error);
    }
  }

  /** The client streams events one by one: grouped into pages here. */
  readHistoryPages(history: HistoryId, options: ReadHistoryOptions = {}): AsyncIterable<StoredEvent[]> {
    return pagesOf(this.readHistory(history, options), options.batchSize);
  }

  async *readHistory(history: HistoryId, options: ReadHistoryOptions = {}): AsyncIterable<StoredEvent> {
    this.assertOpen();
    assertHistoryId(history);
    const fromSeq = options.fromSeq ?? 0;
    try {
      const start = await this.startOf(history, fromSeq);
      if (start === null) return;
      const reorderer = new TransactionReorderer({ ...options, fromSeq, startTxn: start.startTxn });
      const reads = this.client.readAll({ fromPosition: start.position, filter: this.filterFor(history, options.streamPrefixes) });
      for await (const resolved of reads) {
        const item = this.logItem(history, resolved);
        if (item !== null) yield* reorderer.push(item);
      }
      reorderer.finish();
    } catch (error) {
      throw this.connection.failure(`read history ${history}`, error);
    }
  }

  subscribe(history: HistoryId, fromSeq: number, handler: SubscriptionHandler, options: SubscribeOptions = {}): Subscription {
    this.assertOpen();
    assertHistoryId(history);
    const subscription = startCatchUpSubscription(
      {
        readFrom: (seq) => this.readHistory(history, { ...options, fromSeq: seq }),
        head: async () => (await this.head(history)).events,
        appendGeneration: () => this.signal.generation(history),
        waitForAppend: (since, abort) => this.signal.waitForAppend(history, since, abort),
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
    try {
      const last = await this.lastHead(history);
      return last === null ? { history, events: 0, hash: GENESIS_PREV } : { history, events: last.head.events, hash: last.head.hash };
    } catch (error) {
      throw this.connection.failure(`read the head of history ${history}`, error);
    }
  }

  async listHistories(): Promise<readonly HistoryHead[]> {
    this.assertOpen();
    const started = await this.readWholeStream(historiesStreamName(this.location.prefix));
    const names = [...new Set(started.map((resolved) => (resolved.event?.data as { history?: string } | undefined)?.history))]
      .filter((name): name is string => typeof name === 'string' && isHistoryId(name))
      .sort(compareCodeUnits);
    const heads = await Promise.all(names.map((name) => this.head(name)));
    return heads.filter((head) => head.events > 0);
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    await this.signal.close();
    await this.connection.close();
  }

  /** Where a read of the history from `fromSeq` starts; `null` for a history with no events. */
  private async startOf(history: string, fromSeq: number): Promise<{ position: ReadPosition; startTxn: number } | null> {
    const last = await this.lastHead(history);
    if (last === null) return null;
    const revision = await findStartRevision(fromSeq, Number(last.revision), async (at) => (await this.headAt(history, at)).head.firstSeq);
    const startTxn = revision === Number(last.revision) ? last.head.firstSeq : (await this.headAt(history, revision)).head.firstSeq;
    if (revision === 0) return { position: START, startTxn };
    const before = await this.headAt(history, revision - 1);
    return { position: before.position ?? START, startTxn };
  }

  private async lastHead(history: string): Promise<HeadAt | null> {
    const [last] = await this.readWholeStream(headStreamName(this.location.prefix, history), 1, BACKWARDS);
    return last === undefined ? null : toHeadAt(last);
  }

  private async headAt(history: string, revision: number): Promise<HeadAt> {
    const [found] = await this.readWholeStream(headStreamName(this.location.prefix, history), 1, undefined, BigInt(revision));
    if (found === undefined) throw new StoreError('store.corrupt', `history ${history}: no head event at revision ${revision}`);
    return toHeadAt(found);
  }

  private readWholeStream(name: string, maxCount?: number, direction?: typeof BACKWARDS, fromRevision?: bigint): Promise<ResolvedEvent[]> {
    return this.connection.readWholeStream(name, maxCount, direction, fromRevision);
  }

  private filterFor(history: string, streamPrefixes: readonly string[] | undefined) {
    const base = historyStreamPrefix(this.location.prefix, history);
    const prefixes = streamPrefixes === undefined ? [base] : [headStreamName(this.location.prefix, history), ...streamPrefixes.map((prefix) => `${base}${prefix}`)];
    return streamNameFilter({ prefixes });
  }

  private logItem(history: string, resolved: AllStreamResolvedEvent): HistoryLogItem | null {
    const recorded = resolved.event;
    if (recorded === undefined) return null;
    if (recorded.streamId === headStreamName(this.location.prefix, history)) {
      return recorded.type === HEAD_EVENT_TYPE ? { kind: 'head', head: parseHeadRecord(recorded.data) } : null;
    }
    const names = parseHistoryStreamName(this.location.prefix, recorded.streamId);
    if (names === null || names.history !== history) return null;
    const { event, txn } = fromKurrentRecord(recorded);
    return { kind: 'event', event, stream: names.stream, txn };
  }

  private assertOpen(): void {
    this.connection.assertOpen();
  }
}

function toHeadAt(resolved: ResolvedEvent): HeadAt {
  const recorded = resolved.event;
  if (recorded === undefined || recorded.type !== HEAD_EVENT_TYPE) throw new StoreError('store.corrupt', 'kurrentdb: a head stream holds a foreign event');
  return { revision: recorded.revision, head: parseHeadRecord(recorded.data), position: recorded.position };
}

function isExpectedStateError(error: unknown): boolean {
  return error instanceof WrongExpectedVersionError || error instanceof AppendConsistencyViolationError;
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
