export { KurrentEventStore } from './kurrentdb-event-store.ts';
export { parseKurrentLocation, type KurrentLocation } from './kurrentdb-location.ts';
export { registerKurrentBackend } from './register-kurrentdb-backend.ts';
