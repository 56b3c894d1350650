import { ANY, NO_STREAM, type AppendStreamRequest, type JSONEventData } from '@kurrent/kurrentdb-client';
import type { ChainedRecord } from '../append-batch.ts';
import { StoreError } from '../store-errors.ts';
import { toKurrentEventData } from './kurrentdb-event-data.ts';
import { eventStreamName, headStreamName, historiesStreamName } from './kurrentdb-stream-names.ts';

export const HEAD_EVENT_TYPE = 'A6HistoryHeadAdvanced';
const HISTORY_STARTED_EVENT_TYPE = 'A6HistoryStarted';

/**
 * The data of one head event: what one atomic append did to the history. `streams` counts the events
 * it wrote per stream, so a reader filtering by stream prefix knows how many of them to wait for.
 */
export interface HeadRecord {
  /** Seq of the first event of this append (also its transaction id, `txn` on each event). */
  readonly firstSeq: number;
  /** Events in the history after this append. */
  readonly events: number;
  /** Chain head after this append. */
  readonly hash: string;
  readonly streams: Readonly<Record<string, number>>;
}

export function parseHeadRecord(data: unknown): HeadRecord {
  const record = data as Partial<HeadRecord> | null;
  if (
    record === null ||
    typeof record !== 'object' ||
    !Number.isSafeInteger(record.firstSeq) ||
    !Number.isSafeInteger(record.events) ||
    typeof record.hash !== 'string' ||
    record.streams === null ||
    typeof record.streams !== 'object'
  ) {
    throw new StoreError('store.corrupt', `kurrentdb: malformed ${HEAD_EVENT_TYPE} event: ${JSON.stringify(data)}`);
  }
  return record as HeadRecord;
}

export interface AppendTransactionInput {
  readonly prefix: string;
  readonly history: string;
  /** Events of this transaction, consecutive seqs, in history order. */
  readonly records: readonly ChainedRecord[];
  /** Revision of the head stream this transaction expects: `null` when the history has no head yet. */
  readonly headRevision: bigint | null;
  readonly newUuid: () => string;
}

/**
 * One atomic `multiStreamAppend`: the head event first, written with the head stream's expected
 * revision — the single check that serializes writers of a history, so the chain cannot fork and
 * seqs cannot collide — then each touched stream's events (expected state `any`: the head check
 * already guards the whole transaction). A history's first append also records it in the index.
 */
export function buildAppendTransaction(input: AppendTransactionInput): AppendStreamRequest[] {
  const first = input.records[0];
  const last = input.records.at(-1);
  if (first === undefined || last === undefined) throw new RangeError('an append transaction needs at least one event');
  const txn = first.event.seq;
  const perStream = new Map<string, JSONEventData[]>();
  for (const record of input.records) {
    const events = perStream.get(record.stream) ?? [];
    events.push(toKurrentEventData(record.event, txn, input.newUuid()));
    perStream.set(record.stream, events);
  }
  const head: HeadRecord = {
    firstSeq: txn,
    events: last.event.seq + 1,
    hash: last.hash,
    streams: Object.fromEntries([...perStream].map(([stream, events]) => [stream, events.length])),
  };
  const requests: AppendStreamRequest[] = [
    {
      streamName: headStreamName(input.prefix, input.history),
      expectedState: input.headRevision ?? NO_STREAM,
      events: [{ id: input.newUuid(), contentType: 'application/json', type: HEAD_EVENT_TYPE, data: { ...head }, metadata: { a6: '1' } }],
    },
  ];
  if (input.headRevision === null) {
    requests.push({
      streamName: historiesStreamName(input.prefix),
      expectedState: ANY,
      events: [
        { id: input.newUuid(), contentType: 'application/json', type: HISTORY_STARTED_EVENT_TYPE, data: { history: input.history }, metadata: { a6: '1' } },
      ],
    });
  }
  for (const [stream, events] of perStream) {
    requests.push({ streamName: eventStreamName(input.prefix, input.history, stream), expectedState: ANY, events });
  }
  return requests;
}

/**
 * Splits a batch into transactions of at most `maxBytes` of JSON each (at least one event each), so
 * no `multiStreamAppend` exceeds the server's maximum append size.
 */
export function splitIntoTransactions(records: readonly ChainedRecord[], maxBytes: number): ChainedRecord[][] {
  const transactions: ChainedRecord[][] = [];
  let current: ChainedRecord[] = [];
  let bytes = 0;
  for (const record of records) {
    // data + metadata (ids, prev, seq: ~200 bytes) + envelope; an estimate with room to spare.
    const size = Buffer.byteLength(JSON.stringify(record.event.data)) + (record.event.meta === undefined ? 0 : Buffer.byteLength(JSON.stringify(record.event.meta))) + 400;
    if (current.length > 0 && bytes + size > maxBytes) {
      transactions.push(current);
      current = [];
      bytes = 0;
    }
    current.push(record);
    bytes += size;
  }
  if (current.length > 0) transactions.push(current);
  return transactions;
}
