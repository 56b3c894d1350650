export { SqliteDatabase } from './sqlite-database.ts';
export { SqliteEventStore } from './sqlite-event-store.ts';
export { SqliteRulebookWorkspace } from './sqlite-rulebook-workspace.ts';
export { SqliteTokenStore } from './sqlite-token-store.ts';
export { openSqliteStores } from './open-sqlite-stores.ts';
export { registerSqliteBackend } from './register-sqlite-backend.ts';
