import type { EventStore } from './event-store.ts';
import type { RulebookWorkspace } from './rulebook-workspace.ts';
import type { TokenStore } from './token-store.ts';

/**
 * The three ports one store URL opens (docs/storage.md "Ports"): histories, the rulebook workspace
 * and the server's tokens. Which object implements which port, and what they share, is the backend's
 * choice (documented per backend in docs/storage.md); callers only see the ports.
 */
export interface StoreSet {
  /** The history store. */
  readonly store: EventStore;
  readonly workspace: RulebookWorkspace;
  readonly tokens: TokenStore;
  /**
   * Closes all three and what they share. Closing `store` alone also releases a connection the three
   * share (SQLite, PostgreSQL, KurrentDB), so code that only reads histories closes just that.
   */
  close(): Promise<void>;
}
