import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { testPostgres } from '../../../../../test/setup/test-postgres.ts';
import { chainHead, toHistoryEvent } from '../../events/hash-chain.ts';
import type { StoredEvent } from '../../events/types.ts';
import { collect, expectChained, partyJoined } from '../event-store.contract.ts';
import { PostgresEventStore } from './postgres-event-store.ts';

const postgres = await testPostgres();
afterAll(async () => {
  if (postgres.url !== undefined) await postgres.release();
});
const url = postgres.url;
const skipReason = postgres.url === undefined ? postgres.reason : '';

/**
 * What the contract cannot show with one connection: writers in *separate processes' worth* of
 * connections (one pool each) committing concurrently, and a subscriber on yet another connection.
 */
describe.skipIf(url === undefined)(`PostgreSQL store under concurrent writers${url === undefined ? ` (skipped: ${skipReason})` : ''}`, () => {
  const schemaUrl = () => `${url}?schema=concurrency_${randomBytes(6).toString('hex')}`;

  it('opens one fresh schema from several stores at once (idempotent schema creation)', async () => {
    const target = schemaUrl();
    const stores = await Promise.all(Array.from({ length: 4 }, () => PostgresEventStore.open(target)));
    await stores[0]?.append('main', [partyJoined('p', 'CHE')]);
    for (const store of stores) expect((await store.head('main')).events).toBe(1);
    await Promise.all(stores.map((store) => store.close()));
  });

  it('gives a live subscriber a gap-free, chained order while writers on other connections race', async () => {
    const target = schemaUrl();
    const writers = await Promise.all(Array.from({ length: 4 }, () => PostgresEventStore.open(target, { poolSize: 3 })));
    const reader = await PostgresEventStore.open(target, { pollIntervalMs: 5_000 });
    const perWriter = 6;
    const batch = 5;
    const total = writers.length * perWriter * batch;
    const seen: StoredEvent[] = [];
    let allSeen: () => void = () => undefined;
    const complete = new Promise<void>((resolve) => {
      allSeen = resolve;
    });
    const subscription = reader.subscribe('main', 0, (event) => {
      seen.push(event);
      if (seen.length === total) allSeen();
    });

    await Promise.all(
      writers.map(async (store, writer) => {
        for (let round = 0; round < perWriter; round += 1) {
          const events = Array.from({ length: batch }, (_, index) => partyJoined(`w${writer}-r${round}-${index}`, 'CHE'));
          await store.append('main', events);
        }
      }),
    );
    await complete;
    await subscription.close();

    // Every seq exactly once, in order: a subscriber never skipped past a batch committed later.
    expect(seen.map((event) => event.seq)).toEqual(Array.from({ length: total }, (_, seq) => seq));
    expectChained(seen);
    // Each writer's batch stayed contiguous (the head lock serializes whole transactions).
    for (let start = 0; start < total; start += batch) {
      const owners = new Set(seen.slice(start, start + batch).map((event) => event.id.replace(/-\d+$/, '')));
      expect(owners.size).toBe(1);
    }
    const stored = await collect(reader.readHistory('main'));
    expect(stored).toEqual(seen);
    expect((await reader.head('main')).hash).toBe(chainHead(stored.map(toHistoryEvent)));
    await Promise.all([...writers, reader].map((store) => store.close()));
  });
});
