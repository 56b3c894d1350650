import { describe, expect, it } from 'vitest';
import { nodeOnlyImportChains } from './node-only-imports.ts';

// The main entries of @a6/ledger and @a6/dsl run in the browser (the editor app and its language
// worker); Node-only code lives behind their `node` and `store` subpath entries.
describe('browser-safe entries bundle for the browser without a Node built-in', () => {
  it('@a6/ledger (packages/ledger/src/index.ts)', async () => {
    expect(await nodeOnlyImportChains('packages/ledger/src/index.ts')).toEqual([]);
  });

  it('@a6/dsl (packages/dsl/src/index.ts)', async () => {
    expect(await nodeOnlyImportChains('packages/dsl/src/index.ts')).toEqual([]);
  });

  it('names the import chain of an entry that reaches Node code', async () => {
    expect(await nodeOnlyImportChains('test/boundaries/fixtures/node-importing-entry.ts')).toEqual([
      'test/boundaries/fixtures/node-importing-entry.ts → test/boundaries/fixtures/reads-a-file.ts → node:fs',
    ]);
  });

  it('follows dynamic imports and packages: registering the SQLite backend reaches better-sqlite3', async () => {
    const chains = await nodeOnlyImportChains('packages/ledger/src/store/sqlite/register-sqlite-backend.ts');
    expect(chains).toContainEqual('packages/ledger/src/store/sqlite/register-sqlite-backend.ts → packages/ledger/src/store/sqlite/open-sqlite-stores.ts → packages/ledger/src/store/sqlite/sqlite-database.ts → node:fs');
    expect(chains).toContainEqual(expect.stringMatching(/ → node_modules\/\.pnpm\/better-sqlite3@[^/]+\/node_modules\/better-sqlite3\/lib\/[a-z-]+\.js → (fs|path)$/));
  });
});
