import type { HistoryEvent } from './types.ts';

/**
 * A history delivered in batches (docs/performance.md): one promise per batch of events, not one per
 * event. The file reader (`readHistoryFileInOnePass`) hands its events over like this while it still
 * validates the rest of the file, so a batch source is always read to its end, even when the fold
 * stops early (`--as-of`): the rest of the file must still be checked before any report is written.
 */
export class HistoryBatches {
  constructor(readonly batches: AsyncIterable<readonly HistoryEvent[]>) {}
}

/** What replay, compare and explain fold: events one by one (sync or async), or in batches. */
export type HistorySource = Iterable<HistoryEvent> | AsyncIterable<HistoryEvent> | HistoryBatches;

/** Folds every event of `source` until `fold` returns `false`. */
export async function foldHistory(source: HistorySource, fold: (event: HistoryEvent) => boolean): Promise<void> {
  if (source instanceof HistoryBatches) {
    let folding = true;
    for await (const batch of source.batches) {
      if (!folding) continue;
      for (const event of batch) {
        if (!fold(event)) {
          folding = false;
          break;
        }
      }
    }
  } else if (Symbol.asyncIterator in source) {
    for await (const event of source) if (!fold(event)) break;
  } else {
    for (const event of source) if (!fold(event)) break;
  }
}
