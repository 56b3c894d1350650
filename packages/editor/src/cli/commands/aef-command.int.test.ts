import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runA6 } from '../run-a6.test-support.ts';

/**
 * `a6 aef` on the real Article 6.2 data (issue 13's done-when, docs/aef.md): Rwanda 2025 under
 * glasgow_2021 gives the golden CSVs and a workbook whose T3 first transfers are the structured
 * summary's; a history the replay accepts but the AEF's checks do not gives located findings, exit 1.
 */
const repository = resolve(import.meta.dirname, '../../../../..');
const HISTORY = 'examples/histories/a62-ca-tool-2026-08-14.ndjson';
const RULEBOOK = 'examples/rulebooks/glasgow-2021.a6';
const GOLDEN = join(repository, 'test/golden/reports/aef/a62-2025');
let workspace = '';

const a6 = (args: readonly string[]) => runA6(args, { cwd: repository });
const rwa = (...more: string[]) => ['aef', '--history', HISTORY, '--rulebook', RULEBOOK, '--party', 'RWA', '--year', '2025', ...more];

/**
 * The real history with facts added that the snapshot does not give and that contradict what happened
 * in 2025: GS11639-LoA2023 authorizes vintages 2021–2023 only, yet its 2025 issuance of vintage 2024
 * names it; VCS4150-LoA2023 authorizes at most 1,000 units, and first transferred far more. No rule of
 * glasgow_2021 holds an issuance to these terms, so the replay accepts those events and only the AEF
 * checks object. A last event uses units GS:GS11639 does not hold: the replay rejects it, so it is no
 * action of the Party and in no table (the command says so).
 */
function brokenHistory(): string {
  const lines = readFileSync(join(repository, HISTORY), 'utf8').split('\n');
  return lines
    .map((line) => {
      if (!line.startsWith('{')) return line;
      const event = JSON.parse(line) as { id: string; data: Record<string, unknown> };
      if (event.id === 'a62-authorization-GS11639-LoA2023') event.data.vintages = { from: 2021, to: 2023 };
      else if (event.id === 'a62-issuance-GS1-1-RW-GS11639-16-2024-28806-1-18045') event.data.authorization = 'GS11639-LoA2023';
      else if (event.id === 'a62-authorization-VCS4150-LoA2023') event.data.cap = 1000;
      else return line;
      return JSON.stringify(event);
    })
    .join('\n')
    .concat(
      JSON.stringify({
        type: 'UnitsUsed',
        id: 'broken-use-not-held',
        at: '2026-08-14',
        data: { account: 'GS:GS11639', units: [{ block: 'GS1-1-RW-GS11639-16-2024-28806-1-18045', from: 18_000, to: 18_100 }], purpose: 'OIMP', by: 'RWA' },
      }),
      '\n',
    );
}

beforeAll(() => {
  workspace = mkdtempSync(join(tmpdir(), 'a6-aef-'));
  writeFileSync(join(workspace, 'broken.ndjson'), brokenHistory());
});

afterAll(() => rmSync(workspace, { recursive: true, force: true }));

async function sheetRows(file: string, sheet: string): Promise<Record<string, unknown>[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  workbook.getWorksheet(sheet)!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  const [header, ...data] = rows as [string[], ...unknown[][]];
  return data.map((cells) => Object.fromEntries(header.map((column, index) => [column, cells[index] ?? null])));
}

describe('a6 aef', () => {
  it('Rwanda 2025: five CSVs and a workbook whose T3 totals are the structured summary’s; --check passes', async () => {
    const out = join(workspace, 'aef');
    const result = await a6(rwa('--out', out, '--format', 'xlsx', '--check'));
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toBe('');
    expect(readdirSync(out).sort()).toEqual(['T1.csv', 'T2.csv', 'T3.csv', 'T4.csv', 'T5.csv', 'aef.xlsx']);
    for (const table of ['T1', 'T2', 'T3', 'T4', 'T5']) {
      expect(readFileSync(join(out, `${table}.csv`), 'utf8'), table).toBe(readFileSync(join(GOLDEN, 'RWA', `${table}.csv`), 'utf8'));
    }
    expect(result.stderr).toContain('warning[aef.missing_fact]: T2.cooperative_approach is blank in 16 of 16 rows');
    expect(result.stderr).toContain('checks: the AEF of RWA for 2025 passes the pre-consistency checks');

    const replay = await a6(['replay', '--history', HISTORY, '--rulebook', RULEBOOK, '--json']);
    const summary = JSON.parse(replay.stdout).parties.RWA.years['2025'] as Record<string, number>;
    const t2 = new Map((await sheetRows(join(out, 'aef.xlsx'), 'T2 Authorizations')).map((row) => [row.authorization, String(row.purposes)]));
    const firstTransfers = (await sheetRows(join(out, 'aef.xlsx'), 'T3 Actions')).filter((row) => row.action === 'first_transfer');
    const total = (ndc: boolean) => firstTransfers.filter((row) => t2.get(row.authorization)!.includes('NDC') === ndc).reduce((sum, row) => sum + Number(row.quantity_tco2e), 0);
    expect([firstTransfers.length, total(true), total(false)]).toEqual([85, 986_780, 3_656_339]);
    expect([summary.first_transferred, summary.oimp_first_transferred]).toEqual([986_780, 3_656_339]);
  });

  it('prints the a6.aef/1 report on stdout without --out: the golden RWA.json', async () => {
    const result = await a6(rwa());
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toBe(readFileSync(join(GOLDEN, 'RWA.json'), 'utf8'));
    expect(result.stderr).toMatch(/aef RWA 2025: T2 16, T3 85, T4 45, T5 0 rows; digest e14fb9b4/);
  });

  it('--out replaces the files of an earlier run whole, leaving no temporary file', async () => {
    const out = join(workspace, 'again');
    expect((await a6(rwa('--out', out, '--format', 'json'))).exitCode).toBe(0);
    writeFileSync(join(out, 'T3.csv'), 'stale\n');
    expect((await a6(rwa('--out', out))).exitCode).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['T1.csv', 'T2.csv', 'T3.csv', 'T4.csv', 'T5.csv', 'aef.json']);
    expect(readFileSync(join(out, 'T3.csv'), 'utf8')).toBe(readFileSync(join(GOLDEN, 'RWA', 'T3.csv'), 'utf8'));
  });

  it('a broken history: located aef.* findings on stderr, exit 1, nothing written', async () => {
    const out = join(workspace, 'broken-aef');
    const result = await a6(['aef', '--history', join(workspace, 'broken.ndjson'), '--rulebook', RULEBOOK, '--party', 'RWA', '--year', '2025', '--out', out, '--check']);
    expect(result.exitCode).toBe(1);
    const findings = result.stderr.split('\n').filter((line) => line.includes(': error[aef.'));
    expect(findings).toEqual([
      'T3 row 25: error[aef.above_authorized_quantity]: T3 row 25 brings the units first transferred under VCS4150-LoA2023 to 1494444, above its authorized quantity 1000 (T2 row 8)',
      'T3 row 34: error[aef.vintage_outside_timeframe]: T3 row 34 first transfers vintage 2024 under GS11639-LoA2023, whose timeframe is 2021-2023',
    ]);
    expect(result.stderr).toContain('note: 1 of 915 events rejected under glasgow_2021 are in no table');
    expect(result.stderr).toContain('error[aef.check_failed]: 2 pre-consistency findings in the AEF of RWA for 2025; nothing was written');
    expect(existsSync(out)).toBe(false);
  });

  it('--json with a failing --check prints the error document with the findings', async () => {
    const result = await a6(['aef', '--history', join(workspace, 'broken.ndjson'), '--rulebook', RULEBOOK, '--party', 'RWA', '--year', '2025', '--check', '--json']);
    expect(result.exitCode).toBe(1);
    const { error } = JSON.parse(result.stdout);
    expect(error.code).toBe('aef.check_failed');
    expect(error.details.findings[0]).toMatchObject({ code: 'aef.above_authorized_quantity', table: 'T3', row: 25, values: { authorization: 'VCS4150-LoA2023', quantity: 1000 } });
  });

  it('usage errors exit 2 before anything is read; a Party not in the history exits 1', async () => {
    const csvToStdout = await a6(rwa('--format', 'csv'));
    expect(csvToStdout).toMatchObject({ exitCode: 2, stdout: '' });
    expect(csvToStdout.stderr).toContain('--format csv writes files: give --out DIR');
    expect((await a6(rwa('--format', 'pdf', '--out', join(workspace, 'x')))).exitCode).toBe(2);
    expect((await a6(['aef', '--history', HISTORY, '--rulebook', RULEBOOK, '--party', 'RWA', '--year', '25'])).exitCode).toBe(2);
    expect((await a6(['aef', '--rulebook', RULEBOOK, '--party', 'RWA', '--year', '2025'])).exitCode).toBe(2);
    const unknown = await a6(['aef', '--history', HISTORY, '--rulebook', RULEBOOK, '--party', 'CHE', '--year', '2025']);
    expect(unknown.exitCode).toBe(1);
    expect(unknown.stderr).toContain('error[aef.unknown_party]: Party CHE has not joined this history');
  });
});
