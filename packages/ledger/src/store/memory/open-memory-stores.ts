import type { StoreSet } from '../store-set.ts';
import { MemoryEventStore } from './memory-event-store.ts';
import { MemoryRulebookWorkspace } from './memory-rulebook-workspace.ts';
import { MemoryTokenStore } from './memory-token-store.ts';

/** A fresh, empty `memory:` store: three independent in-process objects; only the history store closes. */
export function openMemoryStores(): StoreSet {
  const store = new MemoryEventStore();
  return { store, workspace: new MemoryRulebookWorkspace(), tokens: new MemoryTokenStore(), close: () => store.close() };
}
