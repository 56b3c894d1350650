import type { StoreSet } from '../store-set.ts';
import { SqliteDatabase } from './sqlite-database.ts';
import { SqliteEventStore } from './sqlite-event-store.ts';
import { SqliteRulebookWorkspace } from './sqlite-rulebook-workspace.ts';
import { SqliteTokenStore } from './sqlite-token-store.ts';

/**
 * A `sqlite:PATH` store: histories, workspace and tokens are tables of one file, reached through one
 * `SqliteDatabase` that the history store owns (closing it closes the file).
 */
export async function openSqliteStores(path: string): Promise<StoreSet> {
  const db = await SqliteDatabase.open(path);
  const store = new SqliteEventStore(db);
  return { store, workspace: new SqliteRulebookWorkspace(db), tokens: new SqliteTokenStore(db), close: () => store.close() };
}
