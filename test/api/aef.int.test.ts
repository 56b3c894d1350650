import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readHistoryFile } from '@a6/ledger/node';
import type { HistoryEvent } from '@a6/ledger';
import { runA6 } from '../../packages/editor/src/cli/run-a6.test-support.ts';
import { startApi, type ApiHarness } from './api-harness.ts';

/**
 * `GET /api/histories/:id/aef` (docs/api.md): the AEF of Rwanda 2025 from the real Article 6.2 history,
 * for an auditor or above; a reader is refused. The report is the CLI's (same digest as the golden one).
 */
const ROOT = resolve(import.meta.dirname, '../..');
const GOLDEN = join(ROOT, 'test/golden/reports/aef/a62-2025');
// `#` must be escaped in a query (%23), or it starts the URL's fragment.
const RULEBOOK = encodeURIComponent('glasgow-2021.a6#glasgow_2021');

let api: ApiHarness;
let auditor = '';
const get = (path: string, token: string | undefined = auditor) => api.call('GET', path, token === undefined ? {} : { token });
const rwa = (history: string, more = '') => `/api/histories/${history}/aef?party=RWA&year=2025${more}`;

beforeAll(async () => {
  api = await startApi({ seed: 'none' });
  await api.workspace.save('glasgow-2021.a6', readFileSync(join(ROOT, 'examples/rulebooks/glasgow-2021.a6'), 'utf8'));
  const decoded = await readHistoryFile(join(ROOT, 'examples/histories/a62-ca-tool-2026-08-14.ndjson'));
  if (!decoded.ok) throw new Error('the a62 history does not validate');
  await api.store.append('a62', decoded.events);
  await api.store.append('adopted', decoded.events);
  expect((await api.call('POST', '/api/histories/adopted/adopt', { token: api.admin, body: { file: 'glasgow-2021.a6', name: 'glasgow_2021' } })).status).toBe(201);
  // No rule of glasgow_2021 holds first transfers to an authorization's cap: only the AEF check objects.
  const capped = decoded.events.map((event): HistoryEvent => (event.id === 'a62-authorization-VCS4150-LoA2023' && event.type === 'AuthorizationIssued' ? { ...event, data: { ...event.data, cap: 1000 } } : event));
  await api.store.append('capped', capped);
  auditor = await api.token('auditor');
});
afterAll(async () => api.close());

describe('GET /api/histories/:id/aef', () => {
  it('an auditor gets the a6.aef/1 report, byte for byte the golden one; a reader 403, anonymous 401', async () => {
    const response = await get(rwa('a62', `&rulebook=${RULEBOOK}`));
    expect(response.status, response.text).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.text).toBe(readFileSync(join(GOLDEN, 'RWA.json'), 'utf8'));
    expect(response.headers.get('x-a6-aef-warnings')).toBe('12');

    const reader = await get(rwa('a62', `&rulebook=${RULEBOOK}`), await api.token('reader'));
    expect([reader.status, reader.body.error.code]).toEqual([403, 'auth.forbidden']);
    expect(reader.body.error.message).toContain('needs auditor or designer or operator:<REGISTRY> or party:<CODE> or admin');
    const anonymous = await api.call('GET', rwa('a62', `&rulebook=${RULEBOOK}`));
    expect([anonymous.status, anonymous.body.error.code]).toEqual([401, 'auth.token_required']);
    expect((await get(rwa('a62', `&rulebook=${RULEBOOK}`), await api.token('party:RWA'))).status).toBe(200);
  });

  it('without rulebook=: the rulebook in force; a history with none is a located 400', async () => {
    const adopted = await get(rwa('adopted'));
    expect(adopted.status, adopted.text).toBe(200);
    expect(adopted.body.rulebook.name).toBe('glasgow_2021');
    expect(adopted.body.tables.T3).toHaveLength(85);
    const none = await get(rwa('a62'));
    expect([none.status, none.body.error.code, none.body.error.details]).toEqual([400, 'aef.no_rulebook', [{ path: 'rulebook', message: 'required' }]]);
  });

  it('format=csv&table=T3 is the golden T3.csv; format=xlsx a workbook download', async () => {
    const csv = await get(rwa('a62', `&rulebook=${RULEBOOK}&format=csv&table=T3`));
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename=aef-RWA-2025-T3.csv');
    expect(csv.text).toBe(readFileSync(join(GOLDEN, 'RWA', 'T3.csv'), 'utf8'));
    const xlsx = await fetch(`${api.url}${rwa('a62', `&rulebook=${RULEBOOK}&format=xlsx`)}`, { headers: { authorization: `Bearer ${auditor}` } });
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(Buffer.from(await xlsx.arrayBuffer()).subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('check=true: 200 when the checks pass, 422 aef.check_failed with the located findings when not', async () => {
    expect((await get(rwa('a62', `&rulebook=${RULEBOOK}&check=true`))).status).toBe(200);
    const failed = await get(rwa('capped', `&rulebook=${RULEBOOK}&check=true&format=xlsx`));
    expect([failed.status, failed.body.error.code]).toEqual([422, 'aef.check_failed']);
    expect(failed.body.error.details.findings).toEqual([
      expect.objectContaining({ code: 'aef.above_authorized_quantity', table: 'T3', row: 25, values: { authorization: 'VCS4150-LoA2023', first_transferred: 1_494_444, quantity: 1000 } }),
    ]);
  });

  it('bad queries are located 4xx with stable codes', async () => {
    const cases: [string, number, string, string | null][] = [
      [`/api/histories/a62/aef?party=rwa&year=2025&rulebook=${RULEBOOK}`, 400, 'request.invalid', 'party'],
      [`/api/histories/a62/aef?party=RWA&year=25&rulebook=${RULEBOOK}`, 400, 'request.invalid', 'year'],
      [`/api/histories/a62/aef?year=2025&rulebook=${RULEBOOK}`, 400, 'request.invalid', 'party'],
      [rwa('a62', `&rulebook=${RULEBOOK}&format=pdf`), 400, 'request.invalid', 'format'],
      [rwa('a62', `&rulebook=${RULEBOOK}&format=csv`), 400, 'request.invalid', 'table'],
      [rwa('a62', `&rulebook=${RULEBOOK}&asOf=2024-01-01`), 400, 'request.invalid', ''],
      [rwa('a62', '&rulebook=../x.a6'), 400, 'request.bad_file_name', null],
      [rwa('a62', '&rulebook=missing.a6'), 404, 'server.unknown_rulebook_file', null],
      [rwa('nowhere', `&rulebook=${RULEBOOK}`), 404, 'server.unknown_history', null],
      [`/api/histories/a62/aef?party=CHE&year=2025&rulebook=${RULEBOOK}`, 422, 'aef.unknown_party', null],
    ];
    for (const [path, status, code, where] of cases) {
      const response = await get(path);
      expect([response.status, response.body?.error?.code], path).toEqual([status, code]);
      if (where !== null) expect(response.body.error.details.map((issue: { path: string }) => issue.path), path).toContain(where);
    }
  });
});

describe('the auditor role', () => {
  it('a6 token create --role auditor mints one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'a6-auditor-'));
    try {
      const result = await runA6(['token', 'create', '--role', 'auditor', '--store', `sqlite:${join(dir, 'ledger.db')}`, '--json']);
      expect(result.exitCode, result.stderr).toBe(0);
      expect(JSON.parse(result.stdout)).toMatchObject({ role: 'auditor', token: expect.stringMatching(/^a6_/) });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads what a reader reads and writes nothing', async () => {
    expect((await get('/api/histories')).status).toBe(200);
    const append = await api.call('POST', '/api/histories/a62/events', { token: auditor, body: [{ type: 'PartyJoined', id: 'x', at: '2027-01-01', data: { party: 'XXX', name: 'X' } }] });
    expect([append.status, append.body.error.code]).toEqual([403, 'auth.forbidden']);
    const save = await api.call('PUT', '/api/rulebooks/x.a6', { token: auditor, body: { source: 'rulebook x {\n}\n' } });
    expect(save.status).toBe(403);
  });
});
