import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventHash, GENESIS_PREV, toHistoryEvent } from '@a6/ledger';
import { openStore } from '@a6/ledger/store';
import { API_TEST_RULEBOOK, BASE_HISTORY, startApi, type ApiHarness } from './api-harness.ts';

// Happy path of every endpoint of docs/api.md "Endpoints", against a real listening server (memory store).
describe('HTTP API endpoints', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await startApi({ seed: 'history' });
  });
  afterAll(async () => api.close());

  it('GET /api/health reports liveness and the store backend', async () => {
    const health = await api.call('GET', '/api/health');
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: 'ok', store: 'memory' });
  });

  it('GET /api/rulebooks lists files with the rulebooks they declare', async () => {
    const list = await api.call('GET', '/api/rulebooks');
    expect(list.status).toBe(200);
    expect(list.body.files).toHaveLength(1);
    expect(list.body.files[0]).toMatchObject({ file: 'api-test.a6', versions: 1, rulebooks: [{ name: 'api_test', title: 'API test rulebook', extends: null }] });
  });

  it('PUT /api/rulebooks/:file saves versions, GET returns source and version history', async () => {
    const designer = await api.token('designer');
    const base = 'rulebook shared_base {\n  option adjustment.single_year = party_method\n}\n';
    const created = await api.call('PUT', '/api/rulebooks/lib/base.a6', { token: designer, body: { source: base } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ file: 'lib/base.a6', version: 1, saved: true, diagnostics: [] });
    // Imports resolve among the stored files.
    const child = 'import "base.a6"\nrulebook child extends shared_base {\n}\n';
    expect((await api.call('PUT', '/api/rulebooks/lib/child.a6', { token: designer, body: { source: child } })).status).toBe(201);
    // Same text again: no new version.
    const same = await api.call('PUT', '/api/rulebooks/lib/base.a6', { token: designer, body: { source: base } });
    expect(same.status).toBe(200);
    expect(same.body).toMatchObject({ version: 1, saved: false });
    // A plain-text body works too.
    const edited = `${base}// edited\n`;
    const second = await api.call('PUT', '/api/rulebooks/lib/base.a6', { token: designer, raw: edited, headers: { 'content-type': 'text/plain' } });
    expect(second.status).toBe(201);
    expect(second.body.version).toBe(2);

    const read = await api.call('GET', '/api/rulebooks/lib/base.a6');
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ file: 'lib/base.a6', version: 2, source: edited });
    expect(read.body.versions.map((version: { version: number }) => version.version)).toEqual([1, 2]);
    const first = await api.call('GET', '/api/rulebooks/lib%2Fbase.a6?version=1');
    expect(first.body.source).toBe(base);
  });

  it('POST /api/check returns diagnostics for a text, resolving imports among saved files', async () => {
    const clean = await api.call('POST', '/api/check', { body: { source: API_TEST_RULEBOOK, file: 'draft.a6' } });
    expect(clean.status).toBe(200);
    expect(clean.body).toMatchObject({ file: 'draft.a6', ok: true, diagnostics: [] });
    const broken = await api.call('POST', '/api/check', { body: { source: 'rulebook x {\n  option adjustment.single_yaer = party_method\n}\n' } });
    expect(broken.status).toBe(200);
    expect(broken.body.ok).toBe(false);
    expect(broken.body.diagnostics.map((diagnostic: { code: string }) => diagnostic.code)).toContain('dsl.unknown_option');
  });

  it('POST /api/histories/:id/events decides each event with the rulebook in force and records the verdict', async () => {
    const operator = await api.token('operator:PE-NR');
    const appended = await api.call('POST', '/api/histories/main/events', {
      token: operator,
      body: [
        { type: 'UnitsTransferred', id: 'tr-old', data: { from: 'PE-NR:dev', to: 'SG-NR:buyer', units: [{ block: 'PE-001-2019', from: 1, to: 10 }] } },
        { type: 'UnitsTransferred', id: 'tr-new', data: { from: 'PE-NR:dev', to: 'SG-NR:buyer', units: [{ block: 'PE-001-2022', from: 100, to: 199 }] } },
      ],
    });
    expect(appended.status).toBe(201);
    const [old, recent] = appended.body.results;
    expect(old).toMatchObject({ id: 'tr-old', verdict: 'rejected', reasons: [{ rule: 'recent_vintage', code: 'rule.recent_vintage', message: 'vintage 2019 is before 2021' }], duplicate: false });
    expect(recent).toMatchObject({ id: 'tr-new', verdict: 'accepted', reasons: [], duplicate: false });
    expect(recent.seq).toBe(old.seq + 2);
    expect(old.decision.seq).toBe(old.seq + 1);
    // `at` was stamped (the clock is before the head, so: the head's `at`).
    const page = await api.call('GET', `/api/histories/main/events?after=${old.seq - 1}&limit=2`);
    expect(page.body.events[0]).toMatchObject({ id: 'tr-old', at: '2023-03-01', seq: old.seq });
    expect(page.body.events[1]).toMatchObject({
      type: 'TransactionDecided',
      data: { event: 'tr-old', verdict: 'rejected', rulebook: { name: 'api_test' }, reasons: [{ code: 'rule.recent_vintage' }] },
    });
  });

  it('re-sending a stored event is idempotent: no new position, the recorded verdict', async () => {
    const before = (await api.call('GET', '/api/histories')).body.histories[0].events;
    const again = await api.call('POST', '/api/histories/main/events', { token: api.admin, body: [BASE_HISTORY[0]] });
    expect(again.status).toBe(200);
    expect(again.body.results[0]).toMatchObject({ id: 'p-per', seq: 1, verdict: 'accepted', duplicate: true });
    expect((await api.call('GET', '/api/histories')).body.histories[0].events).toBe(before);
  });

  it('GET /api/histories lists histories with head and rulebook in force; events page by seq', async () => {
    const histories = await api.call('GET', '/api/histories');
    expect(histories.status).toBe(200);
    const main = histories.body.histories[0];
    expect(main).toMatchObject({ id: 'main', rulebook: { name: 'api_test', adoptedAt: 0, file: 'api-test.a6' } });
    const all: { seq: number }[] = [];
    let after = -1;
    for (;;) {
      const page = await api.call('GET', `/api/histories/main/events?after=${after}&limit=7`);
      expect(page.status).toBe(200);
      all.push(...page.body.events);
      if (page.body.next === null) break;
      after = page.body.next;
    }
    expect(all.map((event) => event.seq)).toEqual([...Array(main.events).keys()]);
    // The chain the server reports is the chain of the events it serves.
    let link = GENESIS_PREV;
    for (const event of all as never[]) link = eventHash(toHistoryEvent(event), link);
    expect(link).toBe(main.head);
  });

  it('POST /api/replay answers the a6.replay/1 report, computed in a worker', async () => {
    const report = await api.call('POST', '/api/replay', { body: { history: 'main', rulebooks: [{ file: 'api-test.a6', name: 'api_test' }] } });
    expect(report.status).toBe(200);
    expect(report.body).toMatchObject({ format: 'a6.replay/1', rulebook: { name: 'api_test' }, verdicts: { rejected: 1 } });
    expect(report.body.rejections[0]).toMatchObject({ event: 'tr-old', code: 'rule.recent_vintage' });
    // An unsaved source with its own name, and as-of: nothing transferred yet on 2023-01-01.
    const inline = await api.call('POST', '/api/replay', {
      body: { history: 'main', asOf: '2023-01-01', rulebooks: [{ source: 'rulebook lenient {\n}\n', file: 'scratch.a6' }] },
    });
    expect(inline.status).toBe(200);
    expect(inline.body).toMatchObject({ rulebook: { name: 'lenient' }, verdicts: { rejected: 0 } });
  });

  it('POST /api/compare answers a6.compare/1', async () => {
    const compare = await api.call('POST', '/api/compare', {
      body: { history: 'main', rulebooks: [{ file: 'api-test.a6' }, { source: 'rulebook lenient {\n}\n', file: 'scratch.a6' }] },
    });
    expect(compare.status).toBe(200);
    expect(compare.body.format).toBe('a6.compare/1');
  });

  it('POST /api/tokens mints a working token (admin only); the store keeps only its hash', async () => {
    const minted = await api.call('POST', '/api/tokens', { token: api.admin, body: { role: 'party:PER', label: 'Peru focal point' } });
    expect(minted.status).toBe(201);
    expect(minted.body).toMatchObject({ role: 'party:PER', label: 'Peru focal point' });
    expect(minted.body.token).toMatch(/^a6_[A-Za-z0-9_-]{43}$/);
    const stored = await api.tokens.list();
    expect(stored.some((record) => record.role === 'party:PER')).toBe(true);
    expect(JSON.stringify(stored)).not.toContain(minted.body.token);
    const report = await api.call('POST', '/api/histories/main/events', {
      token: minted.body.token,
      body: [{ type: 'InventoryReported', id: 'inv-per-2022', data: { party: 'PER', year: 2022, emissions: 60_000_000 } }],
    });
    expect(report.status).toBe(201);
  });

  it('GET / serves the editor app, or a page that says how to build it', async () => {
    const page = await fetch(`${api.url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("worker-src 'self' blob:");
    expect(await page.text()).toContain('editor app has not been built');
  });
});

describe('live state across restarts (SQLite store)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'a6-api-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('rebuilds the rulebook in force and the engine from the store, and decides on the same state', async () => {
    const url = `sqlite:${join(dir, 'ledger.db')}`;
    const { store: firstStore, workspace: firstWorkspace, tokens: firstTokens } = await openStore(url);
    const first = await startApi({ store: firstStore, workspace: firstWorkspace, tokens: firstTokens, seed: 'history' });
    const moved = await first.call('POST', '/api/histories/main/events', {
      token: first.admin,
      body: [{ type: 'UnitsTransferred', id: 'move-1', data: { from: 'PE-NR:dev', to: 'SG-NR:buyer', units: [{ block: 'PE-001-2022', from: 200, to: 299 }] } }],
    });
    expect(moved.body.results[0].verdict).toBe('accepted');
    const admin = first.admin;
    await first.close();

    const { store, workspace, tokens } = await openStore(url);
    const second = await startApi({ store, workspace, tokens, seed: 'none' });
    try {
      // The same units again: held by the buyer now, so the rebuilt engine rejects the move.
      const again = await second.call('POST', '/api/histories/main/events', {
        token: admin,
        body: [{ type: 'UnitsTransferred', id: 'move-2', data: { from: 'PE-NR:dev', to: 'SG-NR:buyer', units: [{ block: 'PE-001-2022', from: 250, to: 260 }] } }],
      });
      expect(again.status).toBe(201);
      expect(again.body.results[0]).toMatchObject({ verdict: 'rejected', reasons: [{ code: 'ledger.units_not_held' }] });
      const head = await store.head('main');
      expect(again.body.head).toEqual({ events: head.events, hash: head.hash });
    } finally {
      await second.close();
    }
  });
});
