import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { testPostgres } from '../../../../../test/setup/test-postgres.ts';
import { chainHead, toHistoryEvent } from '../../events/hash-chain.ts';
import { collect, expectChained, partyJoined, sampleHistory } from '../event-store.contract.ts';
import { openPostgresStores } from './open-postgres-stores.ts';

/**
 * `fixtures/layout-v1.sql` is a schema written by the store code of layout 1, when one
 * `PostgresEventStore` class held histories, workspace and tokens (pg_dump of schema `layout_v1`):
 * history `main` = `sampleHistory()`, `a62` = two `PartyJoined`, `glasgow.a6` saved twice and
 * `lib/baseline.a6` once, an admin token and a revoked `party:GHA` token. The ports read the same
 * tables, so it opens as it is, with no migration.
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
    const target = `${url}?schema=${schema}`;
    const stores = await openPostgresStores(target);
    const events = sampleHistory();
    expect((await stores.store.listHistories()).map((head) => [head.history, head.events])).toEqual([
      ['a62', 2],
      ['main', events.length],
    ]);
    const main = await collect(stores.store.readHistory('main'));
    expect(main.map(toHistoryEvent)).toEqual(events);
    expectChained(main);
    expect((await stores.store.head('main')).hash).toBe(chainHead(events));
    expect((await collect(stores.store.readStream('main', 'registry-CH'))).map((event) => event.id)).toEqual(['registry-ch', 'account-ch', 'issue-1', 'transfer-1']);

    expect((await stores.workspace.listFiles()).map((file) => [file.file, file.versions])).toEqual([
      ['glasgow.a6', 2],
      ['lib/baseline.a6', 1],
    ]);
    expect((await stores.workspace.versions('glasgow.a6')).map((version) => version.source)).toEqual(['rulebook Glasgow {}\n', 'rulebook Glasgow { }\n']);

    expect(await stores.tokens.find('a'.repeat(64))).toEqual({
      hash: 'a'.repeat(64),
      role: 'admin',
      label: 'generated on first start',
      createdAt: '2026-01-01T00:00:00.000Z',
    });
    expect(await stores.tokens.find('b'.repeat(64))).toMatchObject({ role: 'party:GHA', revoked: true });
    expect((await stores.tokens.list()).map((token) => token.role)).toEqual(['admin', 'party:GHA']);

    const appended = await stores.store.append('main', [partyJoined('after-v1', 'FRA')], { expectedHead: events.length });
    expect(appended.firstSeq).toBe(events.length);
    expect((await stores.workspace.save('glasgow.a6', 'rulebook Glasgow {  }\n')).version).toBe(3);
    await stores.tokens.put({ hash: 'c'.repeat(64), role: 'reader', createdAt: '2026-02-01T00:00:00.000Z' });
    await stores.close();

    const reopened = await openPostgresStores(target);
    expectChained(await collect(reopened.store.readHistory('main')));
    expect((await reopened.store.head('main')).events).toBe(events.length + 1);
    expect((await reopened.tokens.list()).map((token) => token.role)).toEqual(['admin', 'party:GHA', 'reader']);
    await reopened.close();
  });
});
