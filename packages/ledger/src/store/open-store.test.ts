import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from './open-store.ts';
import { isBackendUnavailableError } from './store-errors.ts';
import { registerStoreBackend } from './store-backends.ts';
import { parseStoreUrl } from './store-url.ts';
import { openMemoryStores } from './memory/open-memory-stores.ts';

describe('parseStoreUrl', () => {
  it('parses every scheme of docs/cli.md with the history parameter', () => {
    expect(parseStoreUrl()).toEqual({ url: 'sqlite:./.a6/ledger.db', scheme: 'sqlite', target: './.a6/ledger.db', history: 'main' });
    expect(parseStoreUrl('sqlite:./x/y.db?history=a62')).toMatchObject({ scheme: 'sqlite', target: './x/y.db', history: 'a62' });
    expect(parseStoreUrl('sqlite:///tmp/a.db')).toMatchObject({ target: '/tmp/a.db' });
    expect(parseStoreUrl('memory:')).toMatchObject({ scheme: 'memory', history: 'main' });
    expect(parseStoreUrl('memory:?history=t')).toMatchObject({ scheme: 'memory', history: 't' });
    expect(parseStoreUrl('postgres://u:p@localhost:5432/a6?history=x&sslmode=disable')).toEqual({
      url: 'postgres://u:p@localhost:5432/a6?history=x&sslmode=disable',
      scheme: 'postgres',
      target: 'postgres://u:p@localhost:5432/a6?sslmode=disable',
      history: 'x',
    });
    expect(parseStoreUrl('postgresql://localhost/a6')).toMatchObject({ scheme: 'postgres', target: 'postgresql://localhost/a6' });
    expect(parseStoreUrl('kurrentdb://localhost:2113?tls=false&history=h')).toMatchObject({
      scheme: 'kurrentdb',
      target: 'kurrentdb://localhost:2113?tls=false',
      history: 'h',
    });
  });

  it('rejects malformed URLs with store.bad_url', () => {
    expect(() => parseStoreUrl('ledger.db')).toThrow(expect.objectContaining({ code: 'store.bad_url' }));
    expect(() => parseStoreUrl('sqlite:')).toThrow(expect.objectContaining({ code: 'store.bad_url' }));
    expect(() => parseStoreUrl('memory:?history=has space')).toThrow(expect.objectContaining({ code: 'store.bad_url' }));
  });
});

describe('openStore', () => {
  const root = mkdtempSync(join(tmpdir(), 'a6-open-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('opens memory and sqlite stores, creating the directory', async () => {
    const memory = await openStore('memory:?history=t');
    expect([memory.store.backend, memory.history]).toEqual(['memory', 't']);
    await memory.store.close();
    const sqlite = await openStore(`sqlite:${join(root, 'new-dir', 'ledger.db')}`);
    expect([sqlite.store.backend, sqlite.history]).toEqual(['sqlite', 'main']);
    await sqlite.store.close();
  });

  it('opens the history store, workspace and tokens of one sqlite file together', async () => {
    const url = `sqlite:${join(root, 'ports', 'ledger.db')}`;
    const first = await openStore(url);
    await first.store.append('main', [{ type: 'PartyJoined', id: 'p', at: '2024-01-01', data: { party: 'CHE', name: 'Switzerland' } }]);
    await first.workspace.save('glasgow.a6', 'rulebook Glasgow {}\n');
    await first.tokens.put({ hash: 'a'.repeat(64), role: 'admin', createdAt: '2026-01-01T00:00:00.000Z' });
    await first.close();
    const again = await openStore(url);
    expect((await again.store.head('main')).events).toBe(1);
    expect((await again.workspace.listFiles()).map((file) => file.file)).toEqual(['glasgow.a6']);
    expect((await again.tokens.find('a'.repeat(64)))?.role).toBe('admin');
    // Closing the history store alone releases the file the three share (history-only commands do that).
    await again.store.close();
    await expect(again.workspace.listFiles()).rejects.toMatchObject({ code: 'store.closed' });
  });

  it('says store.backend_unavailable for a scheme nobody registered', async () => {
    const failure = await openStore('mysql://localhost/a6').catch((error: unknown) => error);
    expect(isBackendUnavailableError(failure)).toBe(true);
    expect(failure).toMatchObject({ code: 'store.backend_unavailable' });
  });

  it('hands a registered backend the parsed location', async () => {
    let seen = '';
    registerStoreBackend('test-backend', async (location) => {
      seen = `${location.target}|${location.history}`;
      return openMemoryStores();
    });
    const opened = await openStore('test-backend://host/db?history=h1&x=1');
    expect(seen).toBe('test-backend://host/db?x=1|h1');
    await opened.store.close();
  });
});
