import { registerStoreBackend } from '../store-backends.ts';
import type { PostgresEventStoreOptions } from './postgres-event-store.ts';

/**
 * Plugs the PostgreSQL backend into `openStore` for `postgres://` and `postgresql://` store URLs.
 * The backend (and `pg`) load on first use, so commands on other stores do not pay for them.
 */
export function registerPostgresBackend(options: PostgresEventStoreOptions = {}): void {
  // parseStoreUrl already maps `postgresql:` to `postgres`; both are registered for callers that do not.
  for (const scheme of ['postgres', 'postgresql']) {
    registerStoreBackend(scheme, async (location) => {
      const { openPostgresStores } = await import('./open-postgres-stores.ts');
      return openPostgresStores(location.target, options);
    });
  }
}
