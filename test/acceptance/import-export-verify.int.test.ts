import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BILATERAL_A6, WORKED_EXAMPLE_EVENTS, WORKED_EXAMPLE_NDJSON, type HistoryLine } from './fixtures/worked-example.ts';
import { runA6 as a6 } from '../../packages/editor/src/cli/run-a6.test-support.ts';
import { ndjson, scratchDir } from './acceptance-helpers.ts';
import { canonicalJson, chainHead, sha256 } from './spec-json.ts';

// docs/cli.md `a6 import` / `a6 export` / `a6 verify`; docs/events.md "A history file", "Storage", "Bad input".
const scratch = scratchDir('import');
afterAll(() => scratch.remove());
let stores = 0;
/** A fresh embedded store for one case. */
function freshStore(): { url: string; path: string } {
  stores += 1;
  const path = join(scratch.dir, `store-${stores}.db`);
  return { url: `sqlite:${path}`, path };
}

const ISSUE_LINE = /^(.+):(\d+): error\[(history\.[a-z_]+)\]: (.+)$/;
function issues(stderr: string): { file: string; line: number; code: string; message: string }[] {
  return stderr
    .split('\n')
    .map((line) => ISSUE_LINE.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .map(([, file, line, code, message]) => ({ file: file!, line: Number(line), code: code!, message: message! }));
}

async function exported(url: string, ...flags: string[]): Promise<HistoryLine[]> {
  const result = await a6(['export', '--store', url, ...flags]);
  expect(result.exitCode).toBe(0);
  return result.stdout
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as HistoryLine);
}

const worked = scratch.write('worked.ndjson', WORKED_EXAMPLE_NDJSON);

describe('a6 import', () => {
  it('stores a valid history and prints the events stored and the chain head', async () => {
    const { url } = freshStore();
    const result = await a6(['import', worked, '--store', url]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('15');
    expect(result.stdout).toContain(chainHead(WORKED_EXAMPLE_EVENTS));
  });

  it('--json prints one document', async () => {
    const { url } = freshStore();
    const result = await a6(['import', worked, '--store', url, '--json']);
    expect(result.exitCode).toBe(0);
    expect(JSON.stringify(JSON.parse(result.stdout))).toContain(chainHead(WORKED_EXAMPLE_EVENTS));
  });

  it('reports every bad line as FILE:LINE: error[history.CODE] (blank and // lines counted) and stores nothing', async () => {
    const file = scratch.write(
      'bad.ndjson',
      [
        '{"type":"PartyJoined","id":"p1","at":"2021-01-01","data":{"party":"PER","name":"Peru"}}',
        'not json',
        '{"type":"Teleported","id":"x","at":"2021-01-01","data":{}}',
        '{"type":"PartyJoined","id":"p2","at":"2021-01-01","data":{"party":"SGP","name":"Singapore","colour":"red"}}',
        '// a comment',
        '',
        '{"type":"PartyJoined","id":"p3","at":"2020-12-31","data":{"party":"CHE","name":"Switzerland"}}',
        '{"type":"AccountOpened","id":"a1","at":"2021-01-02","data":{"account":"XX:dev","kind":"holding","holder":"h"}}',
        '{"type":"InventoryReported","id":"i1","at":"2021-01-02","data":{"party":"PER","year":2021,"emissions":1.5}}',
        '{"type":"InventoryReported","id":"i2","at":"2021-01-02","data":{"party":"PER","year":2021,"emissions":9007199254740992}}',
        '{"type":"NdcCommunicated","id":"n1","at":"2021-01-02","data":{"party":"FRA","ndc":{"kind":"single-year","from":2021,"to":2030,"metric":"tCO2e"}}}',
        '{"type":"PartyJoined","at":"2021-01-03","data":{"party":"FRA","name":"France"}}',
        '{"type":"PartyJoined","at":"2021-01-03","data":{"party":"FRA","name":"France"}}',
        '{"type":"PartyJoined","id":"p1","at":"2021-01-03","data":{"party":"DEU","name":"Germany"}}',
        '{"type":"PartyJoined","id":"p9","data":{"party":"ITA","name":"Italy"}}',
        '',
      ].join('\n'),
    );
    const { url } = freshStore();
    const result = await a6(['import', file, '--store', url]);
    expect(result.exitCode).toBe(1);
    const found = issues(result.stderr);
    expect(found.every((issue) => issue.file === file)).toBe(true);
    expect(found.map((issue) => issue.line)).toEqual([2, 3, 4, 7, 8, 9, 10, 11, 13, 14, 15]);
    expect(found.find((issue) => issue.line === 3)!.code).toBe('history.unknown_type');
    expect(found.find((issue) => issue.line === 4)!.code).toBe('history.unknown_field');
    expect(await exported(url)).toEqual([]);
  });

  it('lists all errors up to 100, not just the first', async () => {
    const lines = ['{"type":"PartyJoined","id":"p0","at":"2021-01-01","data":{"party":"PER","name":"Peru"}}'];
    for (let index = 1; index <= 150; index += 1) lines.push(`{"type":"PartyJoined","id":"p${index}","at":"2021-01-01","data":{"party":"PER","name":"Peru","typo":${index}}}`);
    const file = scratch.write('many.ndjson', lines.join('\n') + '\n');
    const result = await a6(['import', file, '--store', freshStore().url]);
    expect(result.exitCode).toBe(1);
    const found = issues(result.stderr);
    expect(found).toHaveLength(100);
    expect(found[0]!.line).toBe(2);
    expect(found[99]!.line).toBe(101);
  });

  it('rejects references that no earlier line opens, joins, registers or issues', async () => {
    const base = WORKED_EXAMPLE_EVENTS.slice(0, 8);
    const bad: HistoryLine[] = [
      ...base,
      { type: 'ActivityRegistered', id: 'r1', at: '2022-01-01', data: { activity: 'X-1', host: 'ZZZ', mechanism: '6.2' } },
      { type: 'UnitsIssued', id: 'r2', at: '2022-01-01', data: { account: 'PE-NR:dev', activity: 'NOPE', unitType: 'ITMO', block: 'B1', from: 1, to: 10, vintage: 2022 } },
      { type: 'UnitsTransferred', id: 'r3', at: '2022-01-01', data: { from: 'PE-NR:dev', to: 'SG-NR:nobody', units: [{ block: 'B1', from: 1, to: 5 }] } },
      { type: 'UnitsTransferred', id: 'r4', at: '2022-01-01', data: { from: 'PE-NR:dev', to: 'SG-NR:buyer', units: [{ block: 'GHOST', from: 1, to: 5 }] } },
      { type: 'AccountOpened', id: 'r5', at: '2022-01-01', data: { account: 'NO-REG:acc', kind: 'holding', holder: 'h' } },
    ];
    const file = scratch.write('refs.ndjson', ndjson(bad));
    const result = await a6(['import', file, '--store', freshStore().url]);
    expect(result.exitCode).toBe(1);
    expect(issues(result.stderr).map((issue) => issue.line)).toEqual([9, 10, 11, 12, 13]);
  });

  it('is idempotent: re-importing the same events stores nothing new and keeps the head', async () => {
    const { url } = freshStore();
    await a6(['import', worked, '--store', url]);
    const again = await a6(['import', worked, '--store', url]);
    expect(again.exitCode).toBe(0);
    expect(again.stdout).toContain(chainHead(WORKED_EXAMPLE_EVENTS));
    expect(await exported(url)).toHaveLength(15);
  });

  it('the same id with other content is an error, and nothing of that file is stored', async () => {
    const { url } = freshStore();
    await a6(['import', worked, '--store', url]);
    const changed = [...WORKED_EXAMPLE_EVENTS, { type: 'PartyJoined', id: 'e15', at: '2025-05-01', data: { party: 'CHE', name: 'Switzerland' } }];
    changed[1] = { ...changed[1]!, data: { party: 'SGP', name: 'Singapura' } };
    const file = scratch.write('conflict.ndjson', ndjson(changed));
    const result = await a6(['import', file, '--store', url]);
    expect(result.exitCode).toBe(1);
    expect(issues(result.stderr).map((issue) => issue.line)).toEqual([2]);
    expect(await exported(url)).toHaveLength(15);
  });

  it('a continuation file may refer to what an earlier import opened', async () => {
    const { url } = freshStore();
    await a6(['import', scratch.write('first.ndjson', ndjson(WORKED_EXAMPLE_EVENTS.slice(0, 11))), '--store', url]);
    const second = await a6(['import', scratch.write('second.ndjson', ndjson(WORKED_EXAMPLE_EVENTS.slice(11))), '--store', url]);
    expect(second.exitCode).toBe(0);
    expect(second.stdout).toContain(chainHead(WORKED_EXAMPLE_EVENTS));
  });

  it('a decreasing at is an error; --sort sorts stably by at', async () => {
    const shuffled: HistoryLine[] = [
      { type: 'PartyJoined', id: 'late', at: '2022-05-01', data: { party: 'CHE', name: 'Switzerland' } },
      { type: 'PartyJoined', id: 'b', at: '2021-01-01', data: { party: 'PER', name: 'Peru' } },
      { type: 'PartyJoined', id: 'a', at: '2021-01-01T00:00:00Z', data: { party: 'SGP', name: 'Singapore' } },
      { type: 'PartyJoined', id: 'mid', at: '2021-06-01T12:30:00Z', data: { party: 'GHA', name: 'Ghana' } },
    ];
    const file = scratch.write('unsorted.ndjson', ndjson(shuffled));
    const plain = await a6(['import', file, '--store', freshStore().url]);
    expect(plain.exitCode).toBe(1);
    expect(issues(plain.stderr).map((issue) => issue.code)).toContain('history.at_decreasing');

    const { url } = freshStore();
    const sorted = await a6(['import', file, '--store', url, '--sort']);
    expect(sorted.exitCode).toBe(0);
    expect((await exported(url)).map((event) => event.id)).toEqual(['b', 'a', 'mid', 'late']);
  });
});

describe('a6 export', () => {
  it('writes explicit ids and no prev; a round trip gives the same chain head', async () => {
    const withoutIds = scratch.write(
      'no-ids.ndjson',
      ndjson([
        { type: 'PartyJoined', at: '2021-01-01', data: { party: 'PER', name: 'Peru' }, meta: { source: 'acceptance' } },
        { type: 'PartyJoined', at: '2021-01-02', data: { party: 'SGP', name: 'Singapore' } },
      ]),
    );
    const first = freshStore();
    const imported = await a6(['import', withoutIds, '--store', first.url, '--json']);
    expect(imported.exitCode).toBe(0);
    const lines = await exported(first.url);
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      expect(typeof line.id).toBe('string');
      expect(line).not.toHaveProperty('prev');
      expect(Object.keys(line).sort()).toEqual(line.meta === undefined ? ['at', 'data', 'id', 'type'] : ['at', 'data', 'id', 'meta', 'type']);
    }
    expect(lines[0]!.meta).toEqual({ source: 'acceptance' });
    // The derived id: the sha256 of the canonical JSON of the event as written.
    expect(lines[1]!.id).toBe(sha256(canonicalJson({ type: 'PartyJoined', at: '2021-01-02', data: { party: 'SGP', name: 'Singapore' } })));
    // The chain head of the exported events is the stored head; re-importing elsewhere reproduces it.
    const head = chainHead(lines);
    expect(imported.stdout).toContain(head);
    const second = freshStore();
    const reimport = await a6(['import', scratch.write('exported.ndjson', ndjson(lines)), '--store', second.url]);
    expect(reimport.exitCode).toBe(0);
    expect(reimport.stdout).toContain(head);
    // And the history re-imported into the first store is all skipped (same ids, same content).
    const again = await a6(['import', scratch.write('exported-again.ndjson', ndjson(lines)), '--store', first.url, '--json']);
    expect(again.exitCode).toBe(0);
    expect(await exported(first.url)).toHaveLength(2);
  });

  it('--as-of D includes day D', async () => {
    const { url } = freshStore();
    await a6(['import', worked, '--store', url]);
    expect((await exported(url, '--as-of', '2024-02-01')).map((event) => event.id)).toEqual(WORKED_EXAMPLE_EVENTS.slice(0, 12).map((event) => event.id));
    expect(await exported(url, '--as-of', '2020-12-31')).toEqual([]);
  });

  it('replaying the store and the file give the same chain head', async () => {
    const { url } = freshStore();
    await a6(['import', worked, '--store', url]);
    const rulebook = scratch.write('empty.a6', 'rulebook empty { }\n');
    const fromStore = await a6(['replay', '--store', url, '--rulebook', rulebook, '--json']);
    const fromFile = await a6(['replay', '--history', worked, '--rulebook', rulebook, '--json']);
    expect(fromStore.exitCode).toBe(0);
    expect(JSON.parse(fromStore.stdout).history.head).toBe(chainHead(WORKED_EXAMPLE_EVENTS));
    expect(fromStore.stdout).toBe(fromFile.stdout);
  });

  it('named histories in one store are separate (?history=ID)', async () => {
    const { path } = freshStore();
    await a6(['import', worked, '--store', `sqlite:${path}?history=other`]);
    expect(await exported(`sqlite:${path}`)).toEqual([]);
    expect(await exported(`sqlite:${path}?history=other`)).toHaveLength(15);
  });
});

describe('a6 replay --history validates exactly like an import', () => {
  it('a bad file exits 1 with the same FILE:LINE diagnostics', async () => {
    const file = scratch.write('bad-replay.ndjson', WORKED_EXAMPLE_NDJSON.replace('"vintage":2022', '"vintage":2022,"serial":"x"'));
    const rulebook = scratch.write('empty2.a6', 'rulebook empty { }\n');
    const replayed = await a6(['replay', '--history', file, '--rulebook', rulebook, '--json']);
    const imported = await a6(['import', file, '--store', freshStore().url]);
    expect(replayed.exitCode).toBe(1);
    expect(issues(replayed.stderr)).toEqual(issues(imported.stderr));
    expect(issues(replayed.stderr)[0]).toMatchObject({ line: 11, code: 'history.unknown_field' });
    expect(JSON.parse(replayed.stdout)).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
  });
});

describe('a6 verify', () => {
  it('an intact chain: exit 0 and the head', async () => {
    const { url } = freshStore();
    await a6(['import', worked, '--store', url]);
    const result = await a6(['verify', '--store', url]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain(chainHead(WORKED_EXAMPLE_EVENTS));
  });

  it('a tampered event: exit 1 naming the broken position', async () => {
    const { url, path } = freshStore();
    await a6(['import', worked, '--store', url]);
    // Tamper with the stored body of e5 behind the ledger's back.
    const require = createRequire(join(process.cwd(), 'packages/ledger/package.json'));
    const Database = require('better-sqlite3') as new (file: string) => { exec(sql: string): void; close(): void };
    const db = new Database(path);
    db.exec(`UPDATE events SET body = replace(body, 'SG-NR', 'SG-XX') WHERE id = 'e5'`);
    db.close();
    const result = await a6(['verify', '--store', url]);
    expect(result.exitCode).toBe(1);
    expect(`${result.stdout}\n${result.stderr}`).toMatch(/seq [56]\b/);
    const json = await a6(['verify', '--store', url, '--json']);
    expect(json.exitCode).toBe(1);
    const body = JSON.parse(json.stdout) as Record<string, unknown>;
    // Whatever the shape, the broken position is in the one document.
    expect(JSON.stringify(body)).toMatch(/"seq":[56]\b/);
  });

  it('--rulebook: recorded verdicts replayed under the adopted rulebook (same name and sha256); a mismatch exits 1', async () => {
    const rulebookFile = scratch.write('bilateral.a6', BILATERAL_A6);
    const rulebook = { name: 'bilateral', sha256: sha256(BILATERAL_A6) };
    const decided = (verdict: string, reasons: unknown[]): HistoryLine => ({
      type: 'TransactionDecided',
      id: 'd12',
      at: '2025-01-15',
      data: { event: 'e12', rulebook, verdict, reasons },
    });
    const live = (decision: HistoryLine) => [
      { type: 'RulebookAdopted', id: 'adopt', at: '2021-01-01', data: rulebook },
      ...WORKED_EXAMPLE_EVENTS.slice(0, 13),
      decision,
      ...WORKED_EXAMPLE_EVENTS.slice(13),
    ];
    const good = freshStore();
    expect((await a6(['import', scratch.write('live.ndjson', ndjson(live(decided('accepted', [])))), '--store', good.url])).exitCode).toBe(0);
    expect((await a6(['verify', '--store', good.url, '--rulebook', rulebookFile])).exitCode).toBe(0);

    const bad = freshStore();
    const wrong = decided('rejected', [{ rule: 'x', code: 'rule.x', message: 'recorded otherwise' }]);
    expect((await a6(['import', scratch.write('live-bad.ndjson', ndjson(live(wrong))), '--store', bad.url])).exitCode).toBe(0);
    const mismatch = await a6(['verify', '--store', bad.url, '--rulebook', rulebookFile]);
    expect(mismatch.exitCode).toBe(1);
    expect(`${mismatch.stdout}${mismatch.stderr}`).toContain('e12');
  });
});

