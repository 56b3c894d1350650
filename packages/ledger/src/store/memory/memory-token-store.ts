import type { TokenRecord, TokenStore } from '../token-store.ts';

/** The in-process token store (`memory:` stores, tests). */
export class MemoryTokenStore implements TokenStore {
  private readonly records = new Map<string, TokenRecord>();

  async put(record: TokenRecord): Promise<void> {
    this.records.set(record.hash, { ...record });
  }

  async find(hash: string): Promise<TokenRecord | undefined> {
    return this.records.get(hash);
  }

  async list(): Promise<readonly TokenRecord[]> {
    return [...this.records.values()].sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
  }
}
