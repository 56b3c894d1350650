import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runA6 as a6 } from '../run-a6.test-support.ts';

const repository = resolve(import.meta.dirname, '../../../../..');
let workspace = '';
const originalCwd = process.cwd();

beforeAll(() => {
  workspace = mkdtempSync(join(tmpdir(), 'a6-replay-'));
  copyFileSync(join(repository, 'examples/rulebooks/bilateral-singapore.a6'), join(workspace, 'bilateral.a6'));
  copyFileSync(join(repository, 'examples/histories/worked-example.ndjson'), join(workspace, 'history.ndjson'));
  writeFileSync(join(workspace, 'bad.a6'), 'rulebook bad {\n  rule r on use { require unit.vintge >= 2021 }\n}\n');
  writeFileSync(join(workspace, 'bad.ndjson'), '{"type":"PartyJoined","id":"p","at":"2021-01-01","data":{"party":"PER"}}\nnot json\n');
  process.chdir(workspace);
});

afterAll(() => {
  process.chdir(originalCwd);
  rmSync(workspace, { recursive: true, force: true });
});

describe('a6 replay', () => {
  it('--json prints the a6.replay/1 report of the worked example', async () => {
    const result = await a6(['replay', '--history', 'history.ndjson', '--rulebook', 'bilateral.a6', '--json']);
    expect(result.exitCode).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.format).toBe('a6.replay/1');
    expect(report.rulebook).toMatchObject({ name: 'bilateral', file: 'bilateral.a6', imports: {} });
    expect(report.verdicts).toEqual({ accepted: 15, rejected: 0, findings: 0 });
    expect(report.levies).toEqual({ omge: 20, sop: 50 });
    expect(report.parties.PER.years['2022'].emissions_balance).toBe(60000310);
    expect(result.stdout.indexOf('"digest"')).toBeLessThan(result.stdout.indexOf('"findings"'));
  });

  it('replays a store to the same chain head and digest as the file it was imported from', async () => {
    const fromFile = JSON.parse((await a6(['replay', '--history', 'history.ndjson', '--rulebook', 'bilateral.a6', '--json'])).stdout);
    expect((await a6(['import', 'history.ndjson', '--store', 'sqlite:./ledger.db'])).exitCode).toBe(0);
    const fromStore = JSON.parse((await a6(['replay', '--store', 'sqlite:./ledger.db', '--rulebook', 'bilateral.a6', '--json'])).stdout);
    expect(fromStore.history.head).toBe(fromFile.history.head);
    expect(fromStore.digest).toBe(fromFile.digest);
  });

  it('--as-of, --format csv and --out', async () => {
    const result = await a6(['replay', '--history', 'history.ndjson', '--rulebook', 'bilateral.a6', '--as-of', '2024-12-31', '--format', 'csv', '--out', 'summary.csv']);
    expect(result).toMatchObject({ exitCode: 0, stdout: '', stderr: 'wrote summary.csv\n' });
    const csv = readFileSync('summary.csv', 'utf8');
    // Without the use of 2025 and the inventories, SGP only acquired 500 in 2024.
    expect(csv).toContain('SGP,trajectory,tCO2e,2024,0,0,0,0,500,0,,0,0,,,,,');
  });

  it('prints the table by default', async () => {
    const result = await a6(['replay', '--history', 'history.ndjson', '--rulebook', 'bilateral.a6']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('Verdicts  15 accepted, 0 rejected, 0 findings');
  });

  it('an invalid rulebook exits 1 with FILE:LINE:COL diagnostics', async () => {
    const result = await a6(['replay', '--history', 'history.ndjson', '--rulebook', 'bad.a6']);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/^bad\.a6:2:\d+: error\[dsl\.unknown_field\]/m);
    expect(result.stdout).toBe('');
  });

  it('an invalid history exits 1 with FILE:LINE: diagnostics; --json prints the error document', async () => {
    const result = await a6(['replay', '--history', 'bad.ndjson', '--rulebook', 'bilateral.a6', '--json']);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/^bad\.ndjson:1: error\[history\./m);
    expect(result.stderr).toMatch(/^bad\.ndjson:2: error\[history\.malformed_json\]/m);
    expect(JSON.parse(result.stdout).error.code).toBe('history.invalid');
  });

  it('a bad last line refuses the whole run, --as-of an early day and --out included: no report is written', async () => {
    const lines = readFileSync('history.ndjson', 'utf8').trimEnd().split('\n');
    writeFileSync('late-bad.ndjson', [...lines, '{"type":"UnitsUsed","at":"2030-01-01","data":{}}'].join('\n') + '\n');
    const result = await a6(['replay', '--history', 'late-bad.ndjson', '--rulebook', 'bilateral.a6', '--as-of', '2021-01-01', '--out', 'late.json']);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(new RegExp(`^late-bad\\.ndjson:${lines.length + 1}: error\\[history\\.missing_field\\]`, 'm'));
    expect(() => readFileSync('late.json')).toThrow();
  });

  it('usage errors exit 2', async () => {
    expect((await a6(['replay', '--rulebook', 'bilateral.a6'])).exitCode).toBe(2);
    expect((await a6(['replay', '--history', 'history.ndjson', '--store', 'memory:', '--rulebook', 'bilateral.a6'])).exitCode).toBe(2);
    expect((await a6(['replay', '--history', 'history.ndjson', '--rulebook', 'bilateral.a6', '--as-of', '2024'])).exitCode).toBe(2);
    expect((await a6(['replay', '--history', 'history.ndjson', '--rulebook', 'bilateral.a6', '--format', 'pdf'])).exitCode).toBe(2);
  });
});
