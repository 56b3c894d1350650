import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadRulebook, type CompiledRulebook } from '@a6/dsl';
import { nodeSourceHost } from '@a6/dsl/node';
import { checkHistoryEvents, compareSync, showsKind, type DisagreementKind, type HistoryEvent } from '@a6/ledger';
import { afterAll, describe, expect, it } from 'vitest';
import { runA6 as a6 } from '../run-a6.test-support.ts';

const scratch = mkdtempSync(join(tmpdir(), 'a6-diff-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const GLASGOW = 'examples/rulebooks/glasgow-2021.a6';
const AVERAGING = 'examples/rulebooks/corresponding-adjustments.a6#single_year_averaging';
/** A count budget (and a time budget no loaded machine reaches): the tests decide the same everywhere. */
const SMALL = ['--histories', '300', '--budget', '10m'];

function compiled(spec: string): CompiledRulebook {
  const [file, name] = spec.split('#') as [string, string | undefined];
  const loaded = loadRulebook(nodeSourceHost(process.cwd()), file, name);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
  return loaded.rulebook;
}

function readNdjson(file: string): HistoryEvent[] {
  return readFileSync(file, 'utf8').trimEnd().split('\n').map((line) => JSON.parse(line) as HistoryEvent);
}

/** Removing any one event of the witness file makes its kind of disagreement vanish (or the history invalid). */
function expectMinimal(events: readonly HistoryEvent[], kind: DisagreementKind, a: string, b: string): void {
  const rulebooks = [compiled(a), compiled(b)];
  events.forEach((_, index) => {
    const checked = checkHistoryEvents(events.filter((__, other) => other !== index));
    expect(checked.ok && showsKind(compareSync(checked.events, rulebooks), kind), `without event ${index}`).toBe(false);
  });
}

describe('a6 diff', () => {
  it('done when: glasgow-2021 against single_year_averaging --witness --out W.ndjson: the option, its decision paragraph, a minimal history that a6 compare reproduces', async () => {
    const out = join(scratch, 'W.ndjson');
    const result = await a6(['diff', GLASGOW, AVERAGING, '--witness', '--out', out]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('  option adjustment.single_year — seed paper 3(c)\n    The method for Parties with single-year NDCs (2/CMA.3 annex para 7(a));');
    expect(result.stdout).toContain('Witness (7 events): A and B disagree — a figure of the structured summary moves\n  Minimal:');
    // The bound and the budget, with the time the command's clock measured.
    expect(result.stdout).toMatch(/\nSearched 78 histories of up to 24 events \(1736 events in all\), seed 1, \d+\.\d s; budget 5000 histories, 30\.0 s\.\nFound in history 14 \(21 events\), shrunk in 66 replays\.\n$/);
    expect(result.stderr).toContain('searching for a witness: up to 5000 histories of up to 24 events, seed 1, within 30.0 s\n');
    expect(result.stderr).toContain(`wrote ${out} (7 events) and ${join(scratch, 'W.compare.json')}\n`);

    const events = readNdjson(out);
    expect(events.map((event) => event.id)).toEqual(['e0', 'e1', 'e2', 'e3', 'e4', 'e5', 'e6']);
    expectMinimal(events, 'figure', GLASGOW, AVERAGING);

    const compare = await a6(['compare', '--history', out, '--rulebook', GLASGOW, '--rulebook', AVERAGING, '--json']);
    expect(compare.exitCode).toBe(0);
    expect(compare.stdout).toBe(readFileSync(join(scratch, 'W.compare.json'), 'utf8'));
    const json = await a6(['diff', GLASGOW, AVERAGING, '--witness', ...SMALL, '--json']);
    const document = JSON.parse(json.stdout);
    expect(document.witness.compare.digest).toBe(JSON.parse(compare.stdout).digest);
    expect(document.witness.compare.summary_diffs.length).toBe(11);
  });

  it('--json: the a6.diff/1 document; the search is deterministic for a seed, and the seed is part of the result', async () => {
    const run = () => a6(['diff', GLASGOW, 'examples/rulebooks/cdm-transition.a6#cdm_automatic', '--witness', ...SMALL, '--seed', 'seven', '--json']);
    const [first, second] = [await run(), await run()];
    const withoutTime = (text: string) => {
      const document = JSON.parse(text);
      expect(document.searched.ms).toEqual(expect.any(Number));
      return { ...document, searched: { ...document.searched, ms: null } };
    };
    expect(withoutTime(first.stdout)).toEqual(withoutTime(second.stdout));
    expect(JSON.parse(first.stdout)).toMatchObject({
      format: 'a6.diff/1',
      differences: [{ kind: 'rule', change: 'removed', name: 'cdm_window' }],
      witness: { kind: 'verdict', minimal: true },
      searched: { status: 'found', seed: 'seven', max_events: 24, budget: { histories: 300, ms: 600_000 } },
    });
  });

  it('without --witness: the differences only, and the document says no search was asked for', async () => {
    const result = await a6(['diff', GLASGOW, 'examples/rulebooks/omge.a6#omge_at_transfer', '--json']);
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ differences: [{ kind: 'levy', change: 'changed', name: 'omge', aspects: ['trigger'] }], witness: null, searched: { status: 'not_requested' } });
    expect(result.stderr).toBe('');
  });

  it('identical rulebooks and a format-only variant: no structural difference, no search, nothing written', async () => {
    const formatOnly = join(scratch, 'reformatted.a6');
    writeFileSync(formatOnly, readFileSync(GLASGOW, 'utf8').replace(/\/\/[^\n]*\n/g, '').replace(/\s+/g, ' ').replace('rulebook glasgow_2021', 'rulebook another_name'));
    for (const b of [GLASGOW, formatOnly]) {
      const out = join(scratch, 'none.ndjson');
      const result = await a6(['diff', GLASGOW, b, '--witness', '--out', out]);
      expect(result.exitCode).toBe(0);
      expect(result.stdout).toContain('Differences (0)\n  none: A and B resolve to the same rulebook');
      expect(result.stdout.endsWith('\nNo search: A and B resolve to the same rulebook, so no history can tell them apart.\n')).toBe(true);
      expect(result.stderr).toContain(`no witness: ${out} and ${join(scratch, 'none.compare.json')} not written\n`);
      expect(existsSync(out)).toBe(false);
    }
  });

  it('no witness within the budget: the bound searched, never "equivalent"', async () => {
    const result = await a6(['diff', GLASGOW, 'examples/rulebooks/cdm-transition.a6#cdm_first_ndc_period', '--witness', '--histories', '3', '--max-events', '6']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/\nNo witness found: A and B agreed on every history tried \(the history budget ran out\)\.\nSearched 3 histories of up to 6 events \(18 events in all\), seed 1, \d+\.\d s; budget 3 histories, 30\.0 s\.\nThis bounds the search; it does not show that A and B agree on every history\.\n$/);
    expect(result.stdout).not.toMatch(/equivalent/i);
  });

  it('--html: one self-contained page', async () => {
    const result = await a6(['diff', GLASGOW, AVERAGING, '--html']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('<code>adjustment.single_year</code>');
    expect(result.stdout).not.toMatch(/<script|\bsrc=|\bhref=/);
  });

  it('bad input is located (exit 1); usage errors exit 2', async () => {
    const broken = join(scratch, 'broken.a6');
    writeFileSync(broken, 'rulebook broken {\n  option adjustment.single_year = nonsense\n}\n');
    const bad = await a6(['diff', GLASGOW, broken, '--json']);
    expect(bad.exitCode).toBe(1);
    expect(JSON.parse(bad.stdout).error.code).toBe('dsl.check_failed');
    expect(bad.stderr).toMatch(new RegExp(`^${broken.replaceAll('.', '\\.')}:2:\\d+: error\\[dsl\\.`, 'm'));
    expect(await a6(['diff', GLASGOW, `${GLASGOW}#nope`])).toMatchObject({ exitCode: 1 });
    expect(await a6(['diff', GLASGOW])).toMatchObject({ exitCode: 2 });
    expect(await a6(['diff', GLASGOW, AVERAGING, '--out', 'W.ndjson'])).toMatchObject({ exitCode: 2, stderr: 'error[cli.usage]: --out needs --witness\n' });
    expect(await a6(['diff', GLASGOW, AVERAGING, '--witness', '--budget', 'soon'])).toMatchObject({ exitCode: 2, stderr: "error[cli.usage]: --budget takes a duration such as 500ms, 30s or 2m, got 'soon'\n" });
    expect(await a6(['diff', GLASGOW, AVERAGING, '--witness', '--max-events', '0'])).toMatchObject({ exitCode: 2 });
    expect(await a6(['diff', GLASGOW, AVERAGING, '--json', '--html'])).toMatchObject({ exitCode: 2 });
    const missingDir = await a6(['diff', GLASGOW, AVERAGING, '--witness', ...SMALL, '--out', join(scratch, 'no', 'such', 'W.ndjson')]);
    expect(missingDir).toMatchObject({ exitCode: 3 });
    expect(missingDir.stderr).toContain('error[cli.write_failed]: cannot write');
  });
});
