export { PostgresEventStore, type PostgresEventStoreOptions } from './postgres-event-store.ts';
export { parsePostgresLocation, type PostgresLocation } from './postgres-location.ts';
export { registerPostgresBackend } from './register-postgres-backend.ts';
