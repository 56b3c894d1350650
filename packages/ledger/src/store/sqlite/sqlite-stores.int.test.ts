import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { describeRulebookWorkspaceContract } from '../rulebook-workspace.contract.ts';
import { describeTokenStoreContract } from '../token-store.contract.ts';
import { openSqliteStores } from './open-sqlite-stores.ts';

const root = mkdtempSync(join(tmpdir(), 'a6-sqlite-ports-'));
let counter = 0;
let currentPath = '';
const fresh = () => {
  counter += 1;
  currentPath = join(root, `case-${counter}`, 'ledger.db');
  return openSqliteStores(currentPath);
};

afterAll(() => rmSync(root, { recursive: true, force: true }));

describeRulebookWorkspaceContract('sqlite', fresh, { reopen: () => openSqliteStores(currentPath) });
describeTokenStoreContract('sqlite', fresh, { reopen: () => openSqliteStores(currentPath) });
