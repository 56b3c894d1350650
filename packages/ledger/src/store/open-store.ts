import { registerKurrentBackend } from './kurrentdb/register-kurrentdb-backend.ts';
import { openMemoryStores } from './memory/open-memory-stores.ts';
import { registerPostgresBackend } from './postgres/register-postgres-backend.ts';
import { registerSqliteBackend } from './sqlite/register-sqlite-backend.ts';
import { registerStoreBackend, storeBackendFactory } from './store-backends.ts';
import type { StoreSet } from './store-set.ts';
import { DEFAULT_STORE_URL, parseStoreUrl, type StoreLocation } from './store-url.ts';

/** The three ports of a store URL (`store`, `workspace`, `tokens`, `close`) and what the URL selects. */
export interface OpenedStore extends StoreSet {
  /** The history the URL selects (`?history=ID`, default `main`). */
  readonly history: string;
  readonly location: StoreLocation;
}

registerStoreBackend('memory', async () => openMemoryStores());
// Backends load their driver on first use only (better-sqlite3's addon; pg ~0.5 s, the KurrentDB client ~2 s cold).
registerSqliteBackend();
registerPostgresBackend();
registerKurrentBackend();

/**
 * Opens the store a `--store` URL names (docs/cli.md; default `sqlite:./.a6/ledger.db`): its history store,
 * rulebook workspace and token store, whatever the backend (docs/storage.md "Ports"). Every scheme
 * goes through the backend registry (`registerStoreBackend`); a scheme nobody registered fails with
 * `store.backend_unavailable`. Commands that only read histories may close just `store`.
 */
export async function openStore(url: string = DEFAULT_STORE_URL): Promise<OpenedStore> {
  const location = parseStoreUrl(url);
  const stores = await storeBackendFactory(location.scheme)(location);
  return { ...stores, history: location.history, location };
}
