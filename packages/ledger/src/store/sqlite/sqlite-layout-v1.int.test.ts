import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { expectLayoutV1Store } from '../layout-v1.test-support.ts';
import { openSqliteStores } from './open-sqlite-stores.ts';

/**
 * `fixtures/layout-v1.db` was written by the store code of layout 1, when one `SqliteEventStore` class
 * held histories, workspace and tokens (its contents: layout-v1.test-support.ts). The ports read the
 * same tables, so the file opens as it is, with no migration, and stays layout 1.
 */
const FIXTURE = fileURLToPath(new URL('./fixtures/layout-v1.db', import.meta.url));
const root = mkdtempSync(join(tmpdir(), 'a6-sqlite-v1-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('a SQLite store file of layout 1', () => {
  it('opens, reads and keeps writing with the three ports', async () => {
    const path = join(root, 'ledger.db');
    copyFileSync(FIXTURE, path);
    await expectLayoutV1Store(() => openSqliteStores(path));
    const raw = new Database(path, { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(1);
    raw.close();
  });
});
