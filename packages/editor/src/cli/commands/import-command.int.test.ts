import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runA6 } from '../run-a6.test-support.ts';

/** `a6 …` in process; this file names the exit code `code`. */
async function a6(...argv: string[]) {
  const { exitCode, stdout, stderr } = await runA6(argv);
  return { code: exitCode, stdout, stderr };
}

const root = mkdtempSync(join(tmpdir(), 'a6-import-cli-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const event = (value: Record<string, unknown>) => JSON.stringify(value);
const HISTORY = [
  '// Switzerland and Ghana',
  event({ type: 'PartyJoined', id: 'j-che', at: '2021-01-01', data: { party: 'CHE', name: 'Switzerland' } }),
  event({ type: 'PartyJoined', at: '2021-01-01', data: { party: 'GHA', name: 'Ghana' } }),
  event({ type: 'RegistryOpened', id: 'r-ch', at: '2021-01-02', data: { registry: 'CH', kind: 'national', party: 'CHE' } }),
  event({ type: 'AccountOpened', id: 'a-ch', at: '2021-01-03', data: { account: 'CH:1', kind: 'holding', holder: 'KliK' }, meta: { operator: 'x' } }),
  event({ type: 'InventoryReported', id: 'inv', at: '2022-04-15T08:00:00Z', data: { party: 'GHA', year: 2021, emissions: 42 } }),
];

let storeUrl = '';
let dbPath = '';
let counter = 0;

function file(name: string, lines: readonly string[]): string {
  const path = join(root, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

beforeEach(() => {
  counter += 1;
  dbPath = join(root, `store-${counter}`, 'ledger.db');
  storeUrl = `sqlite:${dbPath}`;
});

afterEach(() => {
  process.exitCode = 0;
});

describe('a6 import', () => {
  it('stores a valid file atomically and is idempotent on re-import', async () => {
    const path = file('ok.ndjson', HISTORY);
    const first = await a6('import', path, '--store', storeUrl, '--json');
    expect(first.code).toBe(0);
    const report = JSON.parse(first.stdout);
    expect(report).toMatchObject({ history: 'main', stored: 5, skipped: 0, events: 5 });
    expect(report.head).toMatch(/^[0-9a-f]{64}$/);
    const again = await a6('import', path, '--store', storeUrl);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(`stored 0 event(s), skipped 5 already stored\nhistory main: 5 event(s), chain head ${report.head}\n`);
  });

  it('prints every error as FILE:LINE: error[history.CODE] and stores nothing', async () => {
    const path = file('bad.ndjson', [
      HISTORY[1] ?? '',
      event({ type: 'AccountOpened', id: 'a', at: '2021-01-03', data: { account: 'XX:1', kind: 'holding', holder: 'h', hodler: 'h' } }),
      event({ type: 'PartyJoined', id: 'j-che', at: '2020-01-01', data: { party: 'CHE', name: 'Again' } }),
    ]);
    const run = await a6('import', path, '--store', storeUrl);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.replaceAll(path, 'FILE')).toMatchInlineSnapshot(`
      "FILE:2: error[history.unknown_field]: data.hodler: unknown field (did you mean "holder"?)
      FILE:3: error[history.at_decreasing]: at: 2020-01-01 is earlier than 2021-01-01 on line 1 (use --sort to sort the file by at)
      FILE:3: error[history.duplicate_id]: id: id "j-che" is already used on line 1
      FILE: 3 error(s); nothing was stored
      "
    `);
    const json = await a6('import', path, '--store', storeUrl, '--json');
    expect(JSON.parse(json.stdout).error).toMatchObject({ code: 'history.invalid', details: { file: path, issues: expect.any(Array) } });
    const verify = await a6('verify', '--store', storeUrl, '--json');
    expect(JSON.parse(verify.stdout)).toMatchObject({ ok: true, events: 0 });
  });

  it('reports an id stored with other content at its line, storing nothing', async () => {
    await a6('import', file('first.ndjson', HISTORY), '--store', storeUrl);
    const changed = [
      ...HISTORY,
      event({ type: 'PartyJoined', id: 'j-fra', at: '2023-01-01', data: { party: 'FRA', name: 'France' } }),
    ].map((text) => text.replace('"holder":"KliK"', '"holder":"Other"'));
    const path = file('changed.ndjson', changed);
    const run = await a6('import', path, '--store', storeUrl);
    expect(run.code).toBe(1);
    expect(run.stderr.replaceAll(path, 'FILE')).toContain('FILE:5: error[history.id_conflict]: id: id "a-ch" is already stored (seq 3) with other content');
    const verify = await a6('verify', '--store', storeUrl, '--json');
    expect(JSON.parse(verify.stdout).events).toBe(5);
  });

  it('continues a stored history: references to earlier imports resolve, earlier at is refused', async () => {
    await a6('import', file('base.ndjson', HISTORY), '--store', storeUrl);
    const next = file('next.ndjson', [
      event({ type: 'AccountOpened', id: 'a-ch-2', at: '2022-05-01', data: { account: 'CH:2', kind: 'holding', holder: 'h' } }),
    ]);
    expect((await a6('import', next, '--store', storeUrl)).code).toBe(0);
    const early = file('early.ndjson', [
      event({ type: 'AccountOpened', id: 'a-ch-3', at: '2021-05-01', data: { account: 'CH:3', kind: 'holding', holder: 'h' } }),
    ]);
    const run = await a6('import', early, '--store', storeUrl);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('error[history.at_decreasing]');
  });

  it('sorts with --sort and keeps histories apart with ?history=', async () => {
    const shuffled = file('shuffled.ndjson', [HISTORY[5] ?? '', ...HISTORY.slice(0, 5)]);
    expect((await a6('import', shuffled, '--store', storeUrl)).code).toBe(1);
    const sorted = await a6('import', shuffled, '--store', `${storeUrl}?history=sorted`, '--sort', '--json');
    expect(sorted.code).toBe(0);
    expect(JSON.parse(sorted.stdout)).toMatchObject({ history: 'sorted', stored: 5 });
    const exported = await a6('export', '--store', `${storeUrl}?history=sorted`);
    expect(exported.stdout.trim().split('\n').at(-1)).toContain('"id":"inv"');
    expect(JSON.parse((await a6('verify', '--store', storeUrl, '--json')).stdout).events).toBe(0);
  });

  it('refuses a bad store URL (exit 2) and an unavailable backend (exit 3)', async () => {
    const path = file('ok2.ndjson', HISTORY);
    expect((await a6('import', path, '--store', 'nowhere')).code).toBe(2);
    const unavailable = await a6('import', path, '--store', 'mysql://localhost/a6', '--json');
    expect(unavailable.code).toBe(3);
    expect(JSON.parse(unavailable.stdout).error.code).toBe('store.backend_unavailable');
  });
});

describe('a6 export', () => {
  it('writes explicit ids and no prev; re-importing the export reproduces the chain head', async () => {
    const imported = JSON.parse((await a6('import', file('exp.ndjson', HISTORY), '--store', storeUrl, '--json')).stdout);
    const exported = await a6('export', '--store', storeUrl);
    const lines = exported.stdout.trim().split('\n');
    expect(lines).toHaveLength(5);
    for (const text of lines) {
      const parsed = JSON.parse(text);
      expect(Object.keys(parsed).slice(0, 4)).toEqual(['type', 'id', 'at', 'data']);
      expect(parsed.prev).toBeUndefined();
      expect(parsed.seq).toBeUndefined();
    }
    expect(JSON.parse(lines[3] ?? '{}').meta).toEqual({ operator: 'x' });
    const copy = await a6('import', file('copy.ndjson', lines), '--store', `${storeUrl}?history=copy`, '--json');
    expect(JSON.parse(copy.stdout).head).toBe(imported.head);
  });

  it('stops after the --as-of day (inclusive) and refuses a bad date', async () => {
    await a6('import', file('asof.ndjson', HISTORY), '--store', storeUrl);
    const upTo = await a6('export', '--store', storeUrl, '--as-of', '2021-01-02');
    expect(upTo.stdout.trim().split('\n').map((text) => JSON.parse(text).at)).toEqual(['2021-01-01', '2021-01-01', '2021-01-02']);
    expect((await a6('export', '--store', storeUrl, '--as-of', '2022-04-15')).stdout.trim().split('\n')).toHaveLength(5);
    expect((await a6('export', '--store', storeUrl, '--as-of', '15.04.2022')).code).toBe(2);
  });
});

describe('a6 verify', () => {
  it('names the first broken position after tampering, exit 1', async () => {
    const imported = JSON.parse((await a6('import', file('v.ndjson', HISTORY), '--store', storeUrl, '--json')).stdout);
    const intact = await a6('verify', '--store', storeUrl);
    expect(intact).toMatchObject({ code: 0, stdout: `history main: 5 event(s), chain ok, head ${imported.head}\n` });
    const db = new Database(dbPath);
    db.prepare("UPDATE events SET body = replace(body, 'Switzerland', 'Swaziland') WHERE seq = 0").run();
    db.close();
    const broken = await a6('verify', '--store', storeUrl, '--json');
    expect(broken.code).toBe(1);
    // A failed verification prints docs/cli.md's error shape; the verification document is its details.
    const { error } = JSON.parse(broken.stdout);
    expect(error).toMatchObject({ code: 'store.chain_broken', message: 'history main: chain broken at seq 1' });
    const report = error.details;
    expect(report).toMatchObject({ ok: false, events: 5, broken: { seq: 1, event: expect.any(String) } });
    expect(report.broken.expected).not.toBe(report.broken.found);
    const human = await a6('verify', '--store', storeUrl);
    expect(human.code).toBe(1);
    expect(human.stderr).toMatch(/^error\[store\.chain_broken\]: history main: chain broken at seq 1 /);
  });
});
