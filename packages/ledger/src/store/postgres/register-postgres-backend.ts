import { registerStoreBackend } from '../store-backends.ts';
import { PostgresEventStore, type PostgresEventStoreOptions } from './postgres-event-store.ts';

/** Plugs the PostgreSQL backend into `openStore` for `postgres://` and `postgresql://` store URLs. */
export function registerPostgresBackend(options: PostgresEventStoreOptions = {}): void {
  // parseStoreUrl already maps `postgresql:` to `postgres`; both are registered for callers that do not.
  for (const scheme of ['postgres', 'postgresql']) {
    registerStoreBackend(scheme, (location) => PostgresEventStore.open(location.target, options));
  }
}
