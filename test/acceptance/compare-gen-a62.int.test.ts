import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BILATERAL_A6, WORKED_EXAMPLE_EVENTS, WORKED_EXAMPLE_NDJSON } from './fixtures/worked-example.ts';
import { runA6 as a6 } from '../../packages/editor/src/cli/run-a6.test-support.ts';
import { scratchDir } from './acceptance-helpers.ts';
import { canonicalJson, chainHead, minifyJsonText, sha256 } from './spec-json.ts';

// docs/cli.md `a6 compare`, `a6 gen`, `a6 import-a62`; docs/reports.md "The compare report".
const scratch = scratchDir('compare');
afterAll(() => scratch.remove());
const history = scratch.write('worked.ndjson', WORKED_EXAMPLE_NDJSON);
const bilateral = scratch.write('bilateral.a6', BILATERAL_A6);
const variants = scratch.write(
  'variants.a6',
  `${BILATERAL_A6}
rulebook strict extends bilateral {
  rule recent "only vintages from 2023" on use {
    require unit.vintage >= 2023
  }
}

rulebook no_transfers extends bilateral {
  rule young "transfers of vintages from 2023 only" on transfer {
    require unit.vintage >= 2023
  }
}

rulebook on_acquisition extends bilateral {
  option adjustment.acquirer = on_acquisition
}
`,
);

interface CompareReport {
  format: string;
  history: { events: number; head: string };
  rulebooks: { key: string; name: string; sha256: string; verdicts: Record<string, number>; levies: Record<string, number> }[];
  first_divergence: number | null;
  verdict_diffs: { seq: number; event: string; type: string; cause: string; verdicts: Record<string, { verdict: string; codes?: string[] }> }[];
  summary_diffs: { party: string; year: number; field: string; values: Record<string, number | null> }[];
  digest: string;
}

async function compareJson(...args: string[]): Promise<{ text: string; report: CompareReport }> {
  const result = await a6(['compare', '--history', history, ...args, '--json']);
  expect(result.exitCode).toBe(0);
  return { text: result.stdout, report: JSON.parse(result.stdout) as CompareReport };
}

describe('a6 compare --json', () => {
  it('a rulebook with itself: no diffs, keys NAME#N, format a6.compare/1, sorted keys and a recomputable digest', async () => {
    const { text, report } = await compareJson('--rulebook', bilateral, '--rulebook', bilateral);
    expect(report.format).toBe('a6.compare/1');
    expect(report.history).toEqual({ events: 15, head: chainHead(WORKED_EXAMPLE_EVENTS) });
    expect(report.rulebooks.map((rulebook) => rulebook.key)).toEqual(['bilateral#1', 'bilateral#2']);
    expect(report.rulebooks[0]).toMatchObject({ name: 'bilateral', sha256: sha256(BILATERAL_A6), levies: { omge: 20, sop: 50 } });
    expect(report.first_divergence).toBeNull();
    expect(report.verdict_diffs).toEqual([]);
    expect(report.summary_diffs).toEqual([]);
    expect(minifyJsonText(text)).toBe(canonicalJson(report));
    const { digest, ...withoutDigest } = report;
    expect(digest).toBe(sha256(canonicalJson(withoutDigest)));
  });

  it('FILE.a6#NAME and --name bound to the --rulebook before it select the same rulebooks', async () => {
    const shorthand = await compareJson('--rulebook', bilateral, '--rulebook', `${variants}#strict`);
    const named = await compareJson('--rulebook', bilateral, '--rulebook', variants, '--name', 'strict');
    expect(shorthand.text).toBe(named.text);
    expect(shorthand.report.rulebooks.map((rulebook) => rulebook.key)).toEqual(['bilateral', 'strict']);
  });

  it('a rejected use: a direct verdict diff at its seq, and the moved summary figures ordered by party, year, table order', async () => {
    const { report } = await compareJson('--rulebook', bilateral, '--rulebook', `${variants}#strict`);
    expect(report.first_divergence).toBe(12);
    expect(report.verdict_diffs).toEqual([
      {
        seq: 12,
        event: 'e12',
        type: 'UnitsUsed',
        cause: 'direct',
        verdicts: { bilateral: { verdict: 'accepted' }, strict: { verdict: 'rejected', codes: ['rule.recent'] } },
      },
    ]);
    const diffs = report.summary_diffs.map((diff) => `${diff.party} ${diff.year} ${diff.field}`);
    expect(diffs).toEqual(['SGP 2024 used', 'SGP 2024 net', 'SGP 2024 annual_adjustment', 'SGP 2024 adjustment', 'SGP 2024 cumulative']);
    expect(report.summary_diffs[0]!.values).toEqual({ bilateral: 300, strict: 0 });
  });

  it('a rejected transfer makes the later use fail too: direct, then cascade; NAME#N only for shared names', async () => {
    const { report } = await compareJson('--rulebook', bilateral, '--rulebook', bilateral, '--rulebook', `${variants}#no_transfers`);
    expect(report.rulebooks.map((rulebook) => rulebook.key)).toEqual(['bilateral#1', 'bilateral#2', 'no_transfers']);
    expect(report.first_divergence).toBe(11);
    expect(report.verdict_diffs.map((diff) => `${diff.seq} ${diff.cause}`)).toEqual(['11 direct', '12 cascade']);
    expect(report.verdict_diffs[1]!.verdicts).toEqual({
      'bilateral#1': { verdict: 'accepted' },
      'bilateral#2': { verdict: 'accepted' },
      no_transfers: { verdict: 'rejected', codes: ['ledger.units_not_held'] },
    });
    // Under no_transfers SGP has no entry at all (an NDC and `years: {}`): its missing values are null.
    expect(report.summary_diffs).toContainEqual({ party: 'SGP', year: 2024, field: 'acquired', values: { 'bilateral#1': 500, 'bilateral#2': 500, no_transfers: null } });
  });

  it('an options-only variant diverges too (first_divergence at the first differing booking)', async () => {
    const { report } = await compareJson('--rulebook', bilateral, '--rulebook', `${variants}#on_acquisition`);
    expect(report.verdict_diffs).toEqual([]);
    expect(report.first_divergence).toBe(11);
    expect(report.summary_diffs).toContainEqual({ party: 'SGP', year: 2024, field: 'annual_adjustment', values: { bilateral: -300, on_acquisition: -500 } });
  });
});

describe('a6 gen', () => {
  it('exactly N lines, deterministic for a seed, different for another, and a valid history', async () => {
    const first = await a6(['gen', '--events', '500', '--seed', '7']);
    const again = await a6(['gen', '--events', '500', '--seed', '7']);
    const other = await a6(['gen', '--events', '500', '--seed', '8']);
    expect(first.exitCode).toBe(0);
    const lines = first.stdout.split('\n').filter((line) => line !== '');
    expect(lines).toHaveLength(500);
    expect(first.stdout.endsWith('\n')).toBe(true);
    for (const line of lines) expect(Object.keys(JSON.parse(line) as object)).toEqual(expect.arrayContaining(['type', 'id', 'at', 'data']));
    expect(again.stdout).toBe(first.stdout);
    expect(other.stdout).not.toBe(first.stdout);

    const file = scratch.write('gen.ndjson', first.stdout);
    const imported = await a6(['import', file, '--store', `sqlite:${join(scratch.dir, 'gen.db')}`]);
    expect(imported.stderr).toBe('');
    expect(imported.exitCode).toBe(0);
    const replayed = await a6(['replay', '--history', file, '--rulebook', bilateral, '--json']);
    expect(replayed.exitCode).toBe(0);
    expect(JSON.parse(replayed.stdout).history.events).toBe(500);
  });

  it('--events 0 prints nothing; a non-number is a usage error (exit 2)', async () => {
    expect(await a6(['gen', '--events', '0'])).toMatchObject({ exitCode: 0, stdout: '' });
    expect((await a6(['gen', '--events', 'many'])).exitCode).toBe(2);
  });
});

describe('a6 import-a62', () => {
  const snapshot = join(import.meta.dirname, '../../examples/data/a62-ca-tool-snapshot-2026-08-14.json');

  it('deterministic NDJSON, a valid history of the 601 blocks and 23,240,850 units', async () => {
    const first = await a6(['import-a62', snapshot]);
    const again = await a6(['import-a62', snapshot]);
    expect(first.exitCode).toBe(0);
    expect(again.stdout).toBe(first.stdout);
    const events = first.stdout
      .split('\n')
      .filter((line) => line.trim() !== '' && !line.startsWith('//'))
      .map((line) => JSON.parse(line) as { type: string; data: { from: number; to: number } });
    const issued = events.filter((event) => event.type === 'UnitsIssued');
    expect(issued.reduce((sum, event) => sum + event.data.to - event.data.from + 1, 0)).toBe(23_240_850);
    const file = scratch.write('a62.ndjson', first.stdout);
    const imported = await a6(['import', file, '--store', `sqlite:${join(scratch.dir, 'a62.db')}`]);
    expect(imported.exitCode).toBe(0);
  });

  it('a file that is not the snapshot is invalid input (exit 1)', async () => {
    const result = await a6(['import-a62', scratch.write('not-a-snapshot.json', '{"foo": 1}\n')]);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toBe('');
  });

  it('the converted snapshot in examples/ is what the converter prints', async () => {
    const result = await a6(['import-a62', snapshot]);
    expect(result.stdout).toBe(readFileSync('examples/histories/a62-ca-tool-2026-08-14.ndjson', 'utf8'));
  });
});
