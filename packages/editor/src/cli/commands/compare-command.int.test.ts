import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runA6 as a6 } from '../run-a6.test-support.ts';

const scratch = mkdtempSync(join(tmpdir(), 'a6-compare-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const CDM = ['--history', 'examples/histories/cdm-transition.ndjson'];
const GLASGOW = 'examples/rulebooks/glasgow-2021.a6';

describe('a6 compare', () => {
  it('--json: the a6.compare/1 report; FILE.a6#NAME picks a rulebook of a file that declares several', async () => {
    const result = await a6(['compare', ...CDM, '--rulebook', GLASGOW, '--rulebook', 'examples/rulebooks/cdm-transition.a6#cdm_ldc_sids_africa', '--json']);
    expect(result.exitCode).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.format).toBe('a6.compare/1');
    expect(report.rulebooks.map((entry: { key: string }) => entry.key)).toEqual(['glasgow_2021', 'cdm_ldc_sids_africa']);
    expect(report.first_divergence).toBe(17);
    expect(report.verdict_diffs.map((diff: { seq: number; cause: string }) => `${diff.seq}:${diff.cause}`)).toEqual(['17:direct', '20:cascade', '21:cascade']);
  });

  it('each --name binds to the --rulebook before it', async () => {
    const result = await a6(['compare', ...CDM, '--rulebook', 'examples/rulebooks/cdm-transition.a6', '--name', 'cdm_reassessment', '--rulebook', GLASGOW, '--json']);
    expect(JSON.parse(result.stdout).rulebooks.map((entry: { key: string }) => entry.key)).toEqual(['cdm_reassessment', 'glasgow_2021']);
  });

  it('usage errors: a --name before any --rulebook, or naming a rulebook twice (exit 2)', async () => {
    expect(await a6(['compare', ...CDM, '--name', 'x', '--rulebook', GLASGOW])).toMatchObject({ exitCode: 2, stderr: 'error[cli.usage]: --name x must follow the --rulebook it names\n' });
    const twice = await a6(['compare', ...CDM, '--rulebook', `${GLASGOW}#glasgow_2021`, '--name', 'glasgow_2021', '--json']);
    expect(twice.exitCode).toBe(2);
    expect(JSON.parse(twice.stdout).error.code).toBe('cli.usage');
  });

  it('an unknown rulebook name is invalid input (exit 1) with a diagnostic', async () => {
    const result = await a6(['compare', ...CDM, '--rulebook', `${GLASGOW}#nope`]);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain("error[dsl.unknown_name]: no rulebook 'nope'");
  });

  it('--format csv and --format html --out FILE', async () => {
    const csv = await a6(['compare', ...CDM, '--rulebook', GLASGOW, '--rulebook', 'examples/rulebooks/cdm-transition.a6#cdm_ldc_sids_africa', '--format', 'csv']);
    expect(csv.stdout.split('\n').slice(0, 2)).toEqual([
      'kind,seq,event,type,cause,party,metric,year,field,glasgow_2021,cdm_ldc_sids_africa',
      'verdict,17,cdm-transition-0987,ActivityTransitioned,direct,,,,,accepted,rejected: rule.eligible_host',
    ]);
    const file = join(scratch, 'compare.html');
    const html = await a6(['compare', ...CDM, '--rulebook', GLASGOW, '--rulebook', 'examples/rulebooks/cdm-transition.a6#cdm_ldc_sids_africa', '--format', 'html', '--out', file]);
    expect(html).toMatchObject({ exitCode: 0, stdout: '', stderr: `wrote ${file}\n` });
    const page = readFileSync(file, 'utf8');
    expect(page).toContain('<code>rule.eligible_host</code>: ');
    expect(page).not.toMatch(/<script|\bsrc=|\bhref=/);
  });

  it('--as-of limits the history', async () => {
    const result = await a6(['compare', ...CDM, '--rulebook', GLASGOW, '--rulebook', 'examples/rulebooks/cdm-transition.a6#cdm_ldc_sids_africa', '--as-of', '2020-01-01', '--json']);
    expect(JSON.parse(result.stdout)).toMatchObject({ first_divergence: null, verdict_diffs: [] });
  });
});

describe('a6 explain', () => {
  it('--json: the entries behind a figure of an example history', async () => {
    const result = await a6(['explain', '--history', 'examples/histories/thailand-switzerland.ndjson', '--rulebook', GLASGOW, '--party', 'THA', '--year', '2023', '--field', 'first_transferred', '--json']);
    expect(result.exitCode).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ format: 'a6.explain/1', party: 'THA', year: 2023, field: 'first_transferred', value: 1916 });
    expect(report.explanation.entries).toHaveLength(1);
    expect(report.explanation.entries[0]).toMatchObject({ entry: 'firstTransferred', quantity: 1916, type: 'UnitsTransferred' });
  });

  it('an unknown field is a usage error', async () => {
    const result = await a6(['explain', '--history', 'examples/histories/thailand-switzerland.ndjson', '--rulebook', GLASGOW, '--party', 'THA', '--year', '2023', '--field', 'nett']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain("unknown field 'nett'");
  });
});
