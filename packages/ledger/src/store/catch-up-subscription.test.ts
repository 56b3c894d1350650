import { describe, expect, it } from 'vitest';
import type { StoredEvent } from '../events/types.ts';
import { AppendSignal } from './append-signal.ts';
import { startCatchUpSubscription, type CatchUpSource } from './catch-up-subscription.ts';
import { partyJoined } from './event-store.contract.ts';

/** A history in an array, read the way backends read: from a cursor, filtered by `wanted`. */
function arraySource(wanted: (event: StoredEvent) => boolean = () => true) {
  const events: StoredEvent[] = [];
  const signal = new AppendSignal();
  const reads: number[] = [];
  const source: CatchUpSource = {
    async *readFrom(fromSeq) {
      reads.push(fromSeq);
      for (let seq = Math.max(0, fromSeq); seq < events.length; seq += 1) {
        const event = events[seq]!;
        if (wanted(event)) yield event;
      }
    },
    head: async () => events.length,
    appendGeneration: async () => signal.generation,
    waitForAppend: (since, abort) => signal.wait(since, abort),
  };
  const append = (...ids: string[]) => {
    for (const id of ids) events.push({ ...partyJoined(id, 'CHE'), seq: events.length, prev: '0'.repeat(64) } as StoredEvent);
    signal.notify();
  };
  return { source, append, reads, signal };
}

function until(condition: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const poll = () => (condition() ? resolve() : setImmediate(poll));
    poll();
  });
}

describe('startCatchUpSubscription', () => {
  it('delivers stored then appended events in seq order, one handler call at a time', async () => {
    const { source, append } = arraySource();
    append('a', 'b');
    const seen: string[] = [];
    let running = 0;
    const subscription = startCatchUpSubscription(source, 1, async (event) => {
      running += 1;
      expect(running).toBe(1);
      await Promise.resolve();
      seen.push(event.id);
      running -= 1;
    });
    await until(() => seen.length === 1);
    append('c');
    append('d', 'e');
    await until(() => seen.length === 4);
    await subscription.close();
    expect(seen).toEqual(['b', 'c', 'd', 'e']);
    await subscription.done;
  });

  it('moves its cursor past filtered-out events instead of reading them again', async () => {
    const { source, append, reads } = arraySource((event) => event.id.startsWith('keep'));
    append('keep-0', 'skip-1', 'skip-2');
    const seen: string[] = [];
    const subscription = startCatchUpSubscription(source, 0, (event) => {
      seen.push(event.id);
    });
    await until(() => reads.length === 1);
    append('skip-3', 'skip-4');
    await until(() => reads.length === 2);
    append('keep-5');
    await until(() => seen.length === 2);
    await subscription.close();
    expect(seen).toEqual(['keep-0', 'keep-5']);
    expect(reads).toEqual([0, 3, 5]);
  });

  it('does not sleep through an append that commits between its read and its wait', async () => {
    const { source, append, signal } = arraySource();
    let appendDuringRead = true;
    const racing: CatchUpSource = {
      ...source,
      async *readFrom(fromSeq) {
        yield* source.readFrom(fromSeq);
        if (appendDuringRead) {
          appendDuringRead = false;
          append('late');
        }
      },
    };
    append('first');
    const seen: string[] = [];
    const subscription = startCatchUpSubscription(racing, 0, (event) => {
      seen.push(event.id);
    });
    await until(() => seen.length === 2);
    expect(signal.generation).toBe(2);
    await subscription.close();
    expect(seen).toEqual(['first', 'late']);
  });

  it('rejects done when the handler throws, and stops quietly when closed during a failing read', async () => {
    const { source, append } = arraySource();
    append('a');
    const failing = startCatchUpSubscription(source, 0, () => {
      throw new Error('handler broke');
    });
    await expect(failing.done).rejects.toThrow('handler broke');

    let closing: Promise<void> = Promise.resolve();
    let stop: () => void = () => {};
    const stopped = new Promise<void>((resolve) => {
      stop = resolve;
    });
    const closedUnderRead: CatchUpSource = {
      ...source,
      readFrom: () => ({
        [Symbol.asyncIterator]: () => ({
          async next(): Promise<IteratorResult<StoredEvent>> {
            stop();
            await closing;
            throw new Error('the store is closed');
          },
        }),
      }),
    };
    const subscription = startCatchUpSubscription(closedUnderRead, 0, () => {});
    await stopped;
    closing = subscription.close();
    await closing;
    await expect(subscription.done).resolves.toBeUndefined();
  });
});
