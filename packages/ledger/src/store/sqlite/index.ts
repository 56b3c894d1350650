export * from './sqlite-event-store.ts';
export { registerSqliteBackend } from './register-sqlite-backend.ts';
