import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SeparateTokenStore } from './separate-token-store.ts';
import { openSqliteStores } from './sqlite/open-sqlite-stores.ts';
import { isStoreClosedError } from './store-errors.ts';
import { describeTokenStoreContract } from './token-store.contract.ts';

const root = mkdtempSync(join(tmpdir(), 'a6-separate-tokens-'));
let counter = 0;
let currentPath = '';
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** What a KurrentDB store with `tokens=sqlite:PATH` uses for its tokens. */
const separate = async (path: string) => {
  const tokens = new SeparateTokenStore(() => openSqliteStores(path));
  return { tokens, close: () => tokens.close() };
};

describeTokenStoreContract(
  'a separate SQLite file (KurrentDB tokens=sqlite:…)',
  () => {
    counter += 1;
    currentPath = join(root, `case-${counter}`, 'tokens.db');
    return separate(currentPath);
  },
  { reopen: () => separate(currentPath) },
);

describe('SeparateTokenStore', () => {
  it('opens the other store on first use only, and refuses calls after close', async () => {
    const path = join(root, 'lazy', 'tokens.db');
    const tokens = new SeparateTokenStore(() => openSqliteStores(path));
    expect(existsSync(path)).toBe(false);
    expect(await tokens.list()).toEqual([]);
    expect(existsSync(path)).toBe(true);
    await tokens.close();
    const failure = await tokens.find('a'.repeat(64)).catch((error: unknown) => error);
    expect(isStoreClosedError(failure)).toBe(true);
  });

  it('tries to open again after a failed open', async () => {
    let attempts = 0;
    const tokens = new SeparateTokenStore(async () => {
      attempts += 1;
      if (attempts === 1) throw new Error('database not up yet');
      return openSqliteStores(join(root, 'retry', 'tokens.db'));
    });
    await expect(tokens.list()).rejects.toThrow('database not up yet');
    expect(await tokens.list()).toEqual([]);
    expect(attempts).toBe(2);
    await tokens.close();
  });
});
