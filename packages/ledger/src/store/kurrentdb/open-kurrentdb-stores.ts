import { SeparateTokenStore } from '../separate-token-store.ts';
import { storeBackendFactory } from '../store-backends.ts';
import type { StoreSet } from '../store-set.ts';
import { parseStoreUrl } from '../store-url.ts';
import { KurrentConnection } from './kurrentdb-connection.ts';
import { KurrentEventStore } from './kurrentdb-event-store.ts';
import { DEFAULT_KURRENT_TOKENS_URL, parseKurrentLocation } from './kurrentdb-location.ts';
import { KurrentRulebookWorkspace } from './kurrentdb-rulebook-workspace.ts';

/**
 * A `kurrentdb://` store: histories and the workspace are streams of one KurrentDB client that the
 * history store owns; tokens live in the store `tokens=` names (default an embedded SQLite file),
 * opened on first use (docs/storage.md "Ports" says why they are not a stream).
 */
export async function openKurrentStores(target: string): Promise<StoreSet> {
  const location = parseKurrentLocation(target);
  const tokensLocation = location.tokens ?? parseStoreUrl(DEFAULT_KURRENT_TOKENS_URL);
  const connection = await KurrentConnection.open(location);
  const store = new KurrentEventStore(connection);
  const tokens = new SeparateTokenStore(() => storeBackendFactory(tokensLocation.scheme)(tokensLocation));
  return {
    store,
    workspace: new KurrentRulebookWorkspace(connection),
    tokens,
    async close() {
      await store.close();
      await tokens.close();
    },
  };
}
