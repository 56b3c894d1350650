export { KurrentConnection } from './kurrentdb-connection.ts';
export { KurrentEventStore } from './kurrentdb-event-store.ts';
export { KurrentRulebookWorkspace } from './kurrentdb-rulebook-workspace.ts';
export { openKurrentStores } from './open-kurrentdb-stores.ts';
export { DEFAULT_KURRENT_TOKENS_URL, parseKurrentLocation, type KurrentLocation } from './kurrentdb-location.ts';
export { registerKurrentBackend } from './register-kurrentdb-backend.ts';
