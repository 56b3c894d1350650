import type { StoreSet } from '../store-set.ts';
import { PostgresDatabase } from './postgres-database.ts';
import { PostgresEventStore, type PostgresEventStoreOptions } from './postgres-event-store.ts';
import { PostgresRulebookWorkspace } from './postgres-rulebook-workspace.ts';
import { PostgresTokenStore } from './postgres-token-store.ts';

/**
 * A `postgres://` store: histories, workspace and tokens are tables of one SQL schema, reached
 * through one pool (`PostgresDatabase`) that the history store owns (closing it ends the pool).
 */
export async function openPostgresStores(target: string, options: PostgresEventStoreOptions = {}): Promise<StoreSet> {
  const db = await PostgresDatabase.open(target, options.poolSize);
  const store = new PostgresEventStore(db, options);
  return { store, workspace: new PostgresRulebookWorkspace(db), tokens: new PostgresTokenStore(db), close: () => store.close() };
}
