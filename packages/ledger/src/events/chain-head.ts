import { GENESIS_PREV, eventHash } from './hash-chain.ts';
import type { HistoryEvent, StoredEvent } from './types.ts';

/**
 * The hash-chain head of the events seen so far (docs/events.md "Stored events and the hash chain"). Events read from a store carry
 * `prev`, which already commits to everything before them: only the last one needs hashing.
 */
export class ChainHead {
  private link = GENESIS_PREV;
  private lastStored: StoredEvent | null = null;

  follow(event: HistoryEvent): void {
    const prev = (event as Partial<StoredEvent>).prev;
    if (typeof prev === 'string') {
      this.lastStored = event as StoredEvent;
      return;
    }
    this.link = eventHash(event, this.head());
  }

  head(): string {
    if (this.lastStored !== null) {
      this.link = eventHash(this.lastStored, this.lastStored.prev);
      this.lastStored = null;
    }
    return this.link;
  }
}
