import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoreSet } from './store-set.ts';

/** What a case of the token contract gets: the token store and how to let go of it. */
export type TokensUnderTest = Pick<StoreSet, 'tokens' | 'close'>;

export interface TokenStoreContractOptions {
  /**
   * Reopens what `make` returned most recently, after it was closed (durable stores); when absent the
   * "reopen keeps tokens" case is not part of this implementation's run.
   */
  readonly reopen?: () => Promise<TokensUnderTest>;
}

/**
 * The one contract every `TokenStore` implementation passes (conventions §6). Each case gets a
 * fresh, empty token store from `make`; the suite closes it after each case.
 */
export function describeTokenStoreContract(name: string, make: () => Promise<TokensUnderTest>, options: TokenStoreContractOptions = {}): void {
  describe(`TokenStore contract: ${name}`, () => {
    let opened: TokensUnderTest;

    beforeEach(async () => {
      opened = await make();
    });

    afterEach(async () => {
      await opened.close();
    });

    it('stores token records by hash', async () => {
      const { tokens } = opened;
      const admin = { hash: 'a'.repeat(64), role: 'admin', createdAt: '2026-01-01T00:00:00.000Z' };
      const reader = { hash: 'b'.repeat(64), role: 'reader', label: 'dashboard', createdAt: '2026-01-02T00:00:00.000Z' };
      await tokens.put(admin);
      await tokens.put(reader);
      expect(await tokens.find('a'.repeat(64))).toEqual(admin);
      expect(await tokens.find('c'.repeat(64))).toBeUndefined();
      await tokens.put({ ...reader, revoked: true });
      expect(await tokens.find('b'.repeat(64))).toEqual({ ...reader, revoked: true });
      expect((await tokens.list()).map((token) => token.role)).toEqual(['admin', 'reader']);
    });

    it('lists an empty store as empty', async () => {
      expect(await opened.tokens.list()).toEqual([]);
    });

    if (options.reopen !== undefined) {
      const reopen = options.reopen;
      it('keeps tokens after close and reopen', async () => {
        await opened.tokens.put({ hash: 'a'.repeat(64), role: 'admin', createdAt: '2026-01-01T00:00:00.000Z' });
        await opened.close();
        opened = await reopen();
        expect(await opened.tokens.find('a'.repeat(64))).toMatchObject({ role: 'admin' });
      });
    }
  });
}
