import { StoreClosedError } from './store-errors.ts';
import type { StoreSet } from './store-set.ts';
import type { TokenRecord, TokenStore } from './token-store.ts';

/**
 * The tokens of a backend that does not hold them itself (KurrentDB: `tokens=URL`, docs/storage.md
 * "Ports"): the token store of another store, opened on first use, so that commands which never touch
 * tokens (`a6 import`, `a6 replay`) never create or connect to it, and closed with the backend.
 */
export class SeparateTokenStore implements TokenStore {
  private opened: Promise<StoreSet> | undefined;
  private closed = false;

  /** `open` opens the other store (its `tokens` are used; its histories and workspace are not). */
  constructor(private readonly open: () => Promise<StoreSet>) {}

  async put(record: TokenRecord): Promise<void> {
    return (await this.tokens()).put(record);
  }

  async find(hash: string): Promise<TokenRecord | undefined> {
    return (await this.tokens()).find(hash);
  }

  async list(): Promise<readonly TokenRecord[]> {
    return (await this.tokens()).list();
  }

  async close(): Promise<void> {
    this.closed = true;
    const opened = await this.opened?.catch(() => undefined);
    await opened?.close();
  }

  private async tokens(): Promise<TokenStore> {
    if (this.closed) throw new StoreClosedError();
    // A failed open is not kept: the next call tries again (the server may start before the database).
    this.opened ??= this.open().catch((error: unknown) => {
      this.opened = undefined;
      throw error;
    });
    return (await this.opened).tokens;
  }
}
