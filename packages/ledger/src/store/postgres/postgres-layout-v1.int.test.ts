import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { afterAll, describe, it } from 'vitest';
import { testPostgres } from '../../../../../test/setup/test-postgres.ts';
import { expectLayoutV1Store } from '../layout-v1.test-support.ts';
import { openPostgresStores } from './open-postgres-stores.ts';

/**
 * `fixtures/layout-v1.sql` is a schema written by the store code of layout 1, when one
 * `PostgresEventStore` class held histories, workspace and tokens (pg_dump of schema `layout_v1`; its
 * contents: layout-v1.test-support.ts). The ports read the same tables, so it opens as it is, with no
 * migration.
 */
const FIXTURE = readFileSync(new URL('./fixtures/layout-v1.sql', import.meta.url), 'utf8');
const postgres = await testPostgres();
afterAll(async () => {
  if (postgres.url !== undefined) await postgres.release();
});
const url = postgres.url;
const skipReason = postgres.url === undefined ? postgres.reason : '';

describe.skipIf(url === undefined)(`a PostgreSQL store of layout 1${url === undefined ? ` (skipped: ${skipReason})` : ''}`, () => {
  it('opens, reads and keeps writing with the three ports', async () => {
    const schema = `layout_v1_${randomBytes(6).toString('hex')}`;
    const restore = new pg.Client({ connectionString: url });
    await restore.connect();
    try {
      await restore.query(FIXTURE.replaceAll('layout_v1', schema));
    } finally {
      await restore.end();
    }
    await expectLayoutV1Store(() => openPostgresStores(`${url}?schema=${schema}`));
  });
});
