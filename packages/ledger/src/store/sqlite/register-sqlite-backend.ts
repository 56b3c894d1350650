import { registerStoreBackend } from '../store-backends.ts';

/**
 * Plugs the embedded SQLite backend into `openStore` for `sqlite:PATH` store URLs. The backend (and
 * better-sqlite3, a native addon) loads on first use, like the server backends.
 */
export function registerSqliteBackend(): void {
  registerStoreBackend('sqlite', async (location) => {
    const { openSqliteStores } = await import('./open-sqlite-stores.ts');
    return openSqliteStores(location.target);
  });
}
