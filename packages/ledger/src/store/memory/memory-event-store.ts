import { GENESIS_PREV } from '../../events/hash-chain.ts';
import type { StoredEvent } from '../../events/types.ts';
import { appendBatch, matchesFilters, type ChainedRecord, type StoredIdentity } from '../append-batch.ts';
import { AppendSignal } from '../append-signal.ts';
import { startCatchUpSubscription } from '../catch-up-subscription.ts';
import type {
  AppendOptions,
  AppendResult,
  EventBatch,
  EventStore,
  HistoryHead,
  ReadHistoryOptions,
  ReadStreamOptions,
  SubscribeOptions,
  Subscription,
  SubscriptionHandler,
} from '../event-store.ts';
import { assertHistoryId } from '../event-store.ts';
import { pagesOf } from '../history-pages.ts';
import { ConcurrencyError, StoreClosedError } from '../store-errors.ts';

interface MemoryHistory {
  readonly events: StoredEvent[];
  readonly streams: string[];
  readonly byId: Map<string, StoredIdentity>;
  hash: string;
  readonly signal: AppendSignal;
}

const DEFAULT_BATCH = 1000;

/**
 * The in-process history store (`memory:`), for unit tests and throwaway runs. Appends are serialized
 * by a promise chain and staged until the whole batch is accepted, so readers never see half a batch.
 */
export class MemoryEventStore implements EventStore {
  readonly backend = 'memory';
  private readonly histories = new Map<string, MemoryHistory>();
  private readonly subscriptions = new Set<Subscription>();
  private appendQueue: Promise<unknown> = Promise.resolve();
  private closed = false;

  async append(history: string, events: EventBatch, options: AppendOptions = {}): Promise<AppendResult> {
    this.assertOpen();
    assertHistoryId(history);
    const turn = this.appendQueue.then(() => this.appendNow(history, events, options));
    this.appendQueue = turn.catch(() => {});
    return turn;
  }

  private async appendNow(history: string, events: EventBatch, options: AppendOptions): Promise<AppendResult> {
    this.assertOpen();
    const target = this.histories.get(history);
    const head = headOf(history, target);
    const expected = options.expectedHead ?? 'any';
    if (expected !== 'any' && expected !== head.events) throw new ConcurrencyError(history, expected, head.events);
    const staged: ChainedRecord[] = [];
    const stagedIds = new Map<string, StoredIdentity>();
    const findStored = (id: string) => stagedIds.get(id) ?? target?.byId.get(id);
    const result = await appendBatch(history, events, head, findStored, (record) => {
      staged.push(record);
      stagedIds.set(record.event.id, { seq: record.event.seq, contentHash: record.contentHash });
    });
    if (staged.length === 0) return result;
    const state = target ?? this.createHistory(history);
    for (const record of staged) {
      state.events.push(record.event);
      state.streams.push(record.stream);
      state.byId.set(record.event.id, { seq: record.event.seq, contentHash: record.contentHash });
    }
    state.hash = result.head.hash;
    state.signal.notify();
    return result;
  }

  private createHistory(history: string): MemoryHistory {
    const state: MemoryHistory = { events: [], streams: [], byId: new Map(), hash: GENESIS_PREV, signal: new AppendSignal() };
    this.histories.set(history, state);
    return state;
  }

  async *readStream(history: string, stream: string, options: ReadStreamOptions = {}): AsyncGenerator<StoredEvent> {
    this.assertOpen();
    let revision = 0;
    const from = options.fromRevision ?? 0;
    for await (const event of this.readHistory(history, { streamPrefixes: [stream], batchSize: options.batchSize })) {
      const state = this.histories.get(history);
      if (state?.streams[event.seq] !== stream) continue;
      if (revision >= from) yield event;
      revision += 1;
    }
  }

  readHistoryPages(history: string, options: ReadHistoryOptions = {}): AsyncIterable<StoredEvent[]> {
    return pagesOf(this.readHistory(history, options), options.batchSize);
  }

  async *readHistory(history: string, options: ReadHistoryOptions = {}): AsyncGenerator<StoredEvent> {
    this.assertOpen();
    const state = this.histories.get(history);
    if (state === undefined) return;
    const batchSize = options.batchSize ?? DEFAULT_BATCH;
    // Bounded by the length at call time plus later appends: a reader follows the live history.
    let seq = Math.max(0, options.fromSeq ?? 0);
    while (seq < state.events.length) {
      const end = Math.min(state.events.length, seq + batchSize);
      const page: StoredEvent[] = [];
      for (; seq < end; seq += 1) {
        const event = state.events[seq];
        const stream = state.streams[seq];
        if (event !== undefined && stream !== undefined && matchesFilters(event, stream, options)) page.push(event);
      }
      for (const event of page) yield event;
      this.assertOpen();
    }
  }

  subscribe(history: string, fromSeq: number, handler: SubscriptionHandler, options: SubscribeOptions = {}): Subscription {
    this.assertOpen();
    assertHistoryId(history);
    const state = this.histories.get(history) ?? this.createHistory(history);
    const subscription = startCatchUpSubscription(
      {
        readFrom: (seq) => this.readHistory(history, { ...options, fromSeq: seq }),
        head: async () => state.events.length,
        appendGeneration: async () => state.signal.generation,
        waitForAppend: (since, abort) => state.signal.wait(since, abort),
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
    return headOf(history, this.histories.get(history));
  }

  async listHistories(): Promise<readonly HistoryHead[]> {
    this.assertOpen();
    return [...this.histories.entries()]
      .filter(([, state]) => state.events.length > 0)
      .map(([id, state]) => headOf(id, state))
      .sort((a, b) => (a.history < b.history ? -1 : a.history > b.history ? 1 : 0));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    this.closed = true;
  }

  private assertOpen(): void {
    if (this.closed) throw new StoreClosedError();
  }
}

function headOf(history: string, state: MemoryHistory | undefined): HistoryHead {
  return { history, events: state?.events.length ?? 0, hash: state?.hash ?? GENESIS_PREV };
}
