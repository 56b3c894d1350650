import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { collect, describeEventStoreContract, sampleHistory } from '../event-store.contract.ts';
import { SqliteEventStore } from './sqlite-event-store.ts';

const root = mkdtempSync(join(tmpdir(), 'a6-sqlite-'));
let counter = 0;
let currentPath = '';

afterAll(() => rmSync(root, { recursive: true, force: true }));

describeEventStoreContract(
  'sqlite',
  async () => {
    counter += 1;
    currentPath = join(root, `case-${counter}`, 'ledger.db');
    return SqliteEventStore.open(currentPath);
  },
  undefined,
  { reopen: () => SqliteEventStore.open(currentPath) },
);

describe('SqliteEventStore (file specifics)', () => {
  it('uses WAL and creates missing directories', async () => {
    const path = join(root, 'nested', 'deeper', 'ledger.db');
    const store = await SqliteEventStore.open(path);
    await store.append('main', sampleHistory().slice(0, 1));
    await store.close();
    const db = new Database(path, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('lets two stores on one file (two processes) share the chain without forking', async () => {
    const path = join(root, 'shared', 'ledger.db');
    const [first, second] = [await SqliteEventStore.open(path), await SqliteEventStore.open(path)];
    const events = sampleHistory();
    await first.append('main', events.slice(0, 3));
    await expect(second.append('main', events.slice(3), { expectedHead: 2 })).rejects.toMatchObject({ code: 'store.concurrency' });
    await second.append('main', events.slice(3), { expectedHead: 3 });
    expect(await first.head('main')).toEqual(await second.head('main'));
    expect((await collect(first.readHistory('main'))).length).toBe(events.length);
    await first.close();
    await second.close();
  });

  it('delivers events appended by another connection to a subscription (polling)', async () => {
    const path = join(root, 'poll', 'ledger.db');
    const [subscriber, writer] = [await SqliteEventStore.open(path), await SqliteEventStore.open(path)];
    const seen: string[] = [];
    let wake: () => void = () => {};
    const arrived = new Promise<void>((resolve) => {
      wake = resolve;
    });
    const subscription = subscriber.subscribe('main', 0, (event) => {
      seen.push(event.id);
      if (seen.length === 2) wake();
    });
    await writer.append('main', sampleHistory().slice(0, 2));
    await arrived;
    await subscription.close();
    expect(seen).toEqual(['join-che', 'join-gha']);
    await subscriber.close();
    await writer.close();
  });
});
