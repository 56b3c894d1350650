import { expect } from 'vitest';
import { chainHead, toHistoryEvent } from '../events/hash-chain.ts';
import { collect, expectChained, partyJoined, sampleHistory } from './event-store.contract.ts';
import type { StoreSet } from './store-set.ts';

/**
 * What the layout-1 fixtures (`sqlite/fixtures/layout-v1.db`, `postgres/fixtures/layout-v1.sql`) hold,
 * as the store code of layout 1 wrote it: history `main` = `sampleHistory()`, history `a62` = two
 * `PartyJoined`, `glasgow.a6` saved twice and `lib/baseline.a6` once, an admin token and a revoked
 * `party:GHA` token. Asserts that `open` reads all of it through the three ports, that they keep
 * writing, and that what they wrote is there after a reopen.
 */
export async function expectLayoutV1Store(open: () => Promise<StoreSet>): Promise<void> {
  const stores = await open();
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

  const reopened = await open();
  expectChained(await collect(reopened.store.readHistory('main')));
  expect((await reopened.store.head('main')).events).toBe(events.length + 1);
  expect((await reopened.workspace.versions('glasgow.a6')).map((version) => version.version)).toEqual([1, 2, 3]);
  expect((await reopened.tokens.list()).map((token) => token.role)).toEqual(['admin', 'party:GHA', 'reader']);
  await reopened.close();
}
