export { PostgresDatabase, type PostgresTables } from './postgres-database.ts';
export { PostgresEventStore, type PostgresEventStoreOptions } from './postgres-event-store.ts';
export { PostgresRulebookWorkspace } from './postgres-rulebook-workspace.ts';
export { PostgresTokenStore } from './postgres-token-store.ts';
export { openPostgresStores } from './open-postgres-stores.ts';
export { parsePostgresLocation, type PostgresLocation } from './postgres-location.ts';
export { registerPostgresBackend } from './register-postgres-backend.ts';
