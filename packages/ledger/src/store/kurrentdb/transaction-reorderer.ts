import type { EventType, StoredEvent } from '../../events/types.ts';
import { StoreError } from '../store-errors.ts';
import type { HeadRecord } from './kurrentdb-append-plan.ts';

/** What a `$all` read of one history yields, in log order. */
export type HistoryLogItem =
  | { readonly kind: 'head'; readonly head: HeadRecord }
  | { readonly kind: 'event'; readonly event: StoredEvent; readonly stream: string; readonly txn: number };

export interface ReorderFilter {
  /** Deliver events from this seq on. */
  readonly fromSeq: number;
  /** Transactions before this one may be seen only in part (the read started inside them). */
  readonly startTxn: number;
  readonly streamPrefixes?: readonly string[];
  readonly types?: readonly EventType[];
}

/**
 * Puts a history read from `$all` back into `seq` order.
 *
 * `multiStreamAppend` writes one request per stream, so inside one atomic append the log holds the
 * events grouped by stream, not in history order (a batch [CH, GH, CH] lands as CH, CH, GH). Appends
 * never interleave (each is serialized on the head stream), so the reorderer collects one transaction
 * at a time: its head event says how many events it wrote per stream, hence how many of them match
 * the read's stream prefixes (the server filters by prefix); when all have arrived they are sorted by
 * seq and released. Memory: one transaction. Type filters and `fromSeq` apply on release.
 */
export class TransactionReorderer {
  private txn: number | null = null;
  private head: HeadRecord | null = null;
  private pending: StoredEvent[] = [];

  constructor(private readonly filter: ReorderFilter) {}

  /** Feeds one log item; returns the events that are now ready, in seq order. */
  push(item: HistoryLogItem): StoredEvent[] {
    const txn = item.kind === 'head' ? item.head.firstSeq : item.txn;
    if (this.txn !== txn) {
      this.abandonPartial();
      this.txn = txn;
      this.head = null;
      this.pending = [];
    }
    if (item.kind === 'head') this.head = item.head;
    else this.pending.push(item.event);
    return this.releaseIfComplete();
  }

  /** At the end of a read: a transaction seen only in part is an error unless it lies before `startTxn`. */
  finish(): void {
    this.abandonPartial();
    this.txn = null;
    this.head = null;
    this.pending = [];
  }

  private releaseIfComplete(): StoredEvent[] {
    if (this.head === null || this.pending.length < this.expectedMatching(this.head)) return [];
    const ready = this.pending
      .sort((a, b) => a.seq - b.seq)
      .filter((event) => event.seq >= this.filter.fromSeq && (this.filter.types === undefined || this.filter.types.includes(event.type)));
    this.txn = null;
    this.head = null;
    this.pending = [];
    return ready;
  }

  private expectedMatching(head: HeadRecord): number {
    const prefixes = this.filter.streamPrefixes;
    let count = 0;
    for (const [stream, events] of Object.entries(head.streams)) {
      if (prefixes === undefined || prefixes.some((prefix) => stream.startsWith(prefix))) count += events;
    }
    return count;
  }

  private abandonPartial(): void {
    if (this.txn === null || this.txn < this.filter.startTxn) return;
    if (this.head === null && this.pending.length === 0) return;
    throw new StoreError(
      'store.corrupt',
      `kurrentdb: the append starting at seq ${this.txn} was read only in part (${this.pending.length} events` +
        (this.head === null ? ', no head event' : ` of ${this.expectedMatching(this.head)}`) +
        ')',
    );
  }
}
