import type { EventStore } from './event-store.ts';
import { MemoryEventStore } from './memory/memory-event-store.ts';
import { registerKurrentBackend } from './kurrentdb/register-kurrentdb-backend.ts';
import { registerPostgresBackend } from './postgres/register-postgres-backend.ts';
import { registerSqliteBackend } from './sqlite/register-sqlite-backend.ts';
import { registerStoreBackend, storeBackendFactory } from './store-backends.ts';
import { DEFAULT_STORE_URL, parseStoreUrl, type StoreLocation } from './store-url.ts';

export interface OpenedStore {
  readonly store: EventStore;
  /** The history the URL selects (`?history=ID`, default `main`). */
  readonly history: string;
  readonly location: StoreLocation;
}

registerStoreBackend('memory', async () => new MemoryEventStore());
// Backends load their driver on first use only (better-sqlite3's addon; pg ~0.5 s, the KurrentDB client ~2 s cold).
registerSqliteBackend();
registerPostgresBackend();
registerKurrentBackend();

/**
 * Opens the store a `--store` URL names (cli.md; default `sqlite:./.a6/ledger.db`). Every scheme goes
 * through the backend registry (`registerStoreBackend`); a scheme nobody registered fails with
 * `store.backend_unavailable`.
 */
export async function openStore(url: string = DEFAULT_STORE_URL): Promise<OpenedStore> {
  const location = parseStoreUrl(url);
  const store = await storeBackendFactory(location.scheme)(location);
  return { store, history: location.history, location };
}
