export { MemoryEventStore } from './memory-event-store.ts';
export { MemoryRulebookWorkspace } from './memory-rulebook-workspace.ts';
export { MemoryTokenStore } from './memory-token-store.ts';
export { openMemoryStores } from './open-memory-stores.ts';
