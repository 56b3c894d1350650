import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BILATERAL_A6, OPTION_DEFAULTS, SUMMARY_FIELDS, WORKED_EXAMPLE_EVENTS, WORKED_EXAMPLE_NDJSON } from './fixtures/worked-example.ts';
import { runA6 as a6 } from '../../packages/editor/src/cli/run-a6.test-support.ts';
import { scratchDir } from './acceptance-helpers.ts';
import { canonicalJson, chainHead, minifyJsonText, sha256 } from './spec-json.ts';

// docs/reports.md "Worked example (a test vector)": every number the spec states, and the report shape.
const scratch = scratchDir('worked');
afterAll(() => scratch.remove());
const rulebookFile = scratch.write('bilateral.a6', BILATERAL_A6);
const historyFile = scratch.write('worked-example.ndjson', WORKED_EXAMPLE_NDJSON);

type Row = Record<string, number | null>;
interface Report {
  format: string;
  rulebook: { name: string; file: string; sha256: string; imports: Record<string, string>; options: Record<string, string> };
  history: { events: number; head: string; as_of: string | null };
  verdicts: { accepted: number; rejected: number; findings: number };
  rejections: Record<string, unknown>[];
  findings: unknown[];
  levies: Record<string, number>;
  holdings: Record<string, Record<string, number>>;
  parties: Record<string, { method: string; years: Record<string, Row> }>;
  digest: string;
}

async function replayJson(...extra: string[]): Promise<{ text: string; report: Report }> {
  const result = await a6(['replay', '--history', historyFile, '--rulebook', rulebookFile, '--json', ...extra]);
  expect(result.stderr).toBe('');
  expect(result.exitCode).toBe(0);
  return { text: result.stdout, report: JSON.parse(result.stdout) as Report };
}

describe('a6 replay --json on the worked example', () => {
  it('prints exactly one JSON document with sorted keys and RFC 8785 numbers, citable by its digest', async () => {
    const { text, report } = await replayJson();
    expect(report.format).toBe('a6.replay/1');
    // Keys sorted at every level: the text without whitespace is the canonical form of the document.
    expect(minifyJsonText(text)).toBe(canonicalJson(report));
    const { digest, ...withoutDigest } = report;
    expect(digest).toMatch(/^[0-9a-f]{64}$/);
    expect(digest).toBe(sha256(canonicalJson(withoutDigest)));
  });

  it('is byte-identical across two runs', async () => {
    const first = await replayJson();
    const second = await replayJson();
    expect(second.text).toBe(first.text);
  });

  it('names the rulebook: file relative to the entry file, sha256 of its bytes, imports, every option with defaults', async () => {
    const { report } = await replayJson();
    expect(report.rulebook).toEqual({
      name: 'bilateral',
      file: 'bilateral.a6',
      sha256: sha256(readFileSync(rulebookFile, 'utf8')),
      imports: {},
      options: OPTION_DEFAULTS,
    });
  });

  it('history: 15 events, the hash-chain head of the file, as_of null; all accepted', async () => {
    const { report } = await replayJson();
    expect(report.history).toEqual({ events: 15, head: chainHead(WORKED_EXAMPLE_EVENTS), as_of: null });
    expect(report.verdicts).toEqual({ accepted: 15, rejected: 0, findings: 0 });
    expect(report.rejections).toEqual([]);
    expect(report.findings).toEqual([]);
  });

  it('levies: SOP floor(50) = 50, OMGE rounded up ceil(20) = 20', async () => {
    const { report } = await replayJson();
    expect(report.levies).toEqual({ omge: 20, sop: 50 });
  });

  it('holdings: PE-NR:dev 430, SG-NR:buyer 200, LEVY:adaptation_fund 50 — and nothing else (zero holdings omitted)', async () => {
    const { report } = await replayJson();
    expect(report.holdings).toEqual({
      'LEVY:adaptation_fund': { ITMO: 50 },
      'PE-NR:dev': { ITMO: 430 },
      'SG-NR:buyer': { ITMO: 200 },
    });
    // Conservation: issued = held + used + cancelled (levy cancellations included).
    const held = Object.values(report.holdings).reduce((sum, byType) => sum + (byType.ITMO ?? 0), 0);
    expect(held + 300 + 20).toBe(1000);
  });

  it('PER: first transferred at issuance in 2023 (930), booked to vintage 2022, averaged over 2021–2023', async () => {
    const { report } = await replayJson();
    const per = report.parties.PER!;
    expect(per.method).toBe('averaging');
    expect(Object.keys(per.years)).toEqual(['2021', '2022', '2023']);
    expect(per.years['2023']).toMatchObject({ first_transferred: 930, oimp_first_transferred: 0, used: 0, net: 930, cumulative: 930 });
    expect(per.years['2022']).toMatchObject({ annual_adjustment: 930, first_transferred: 0, net: 0 });
    for (const year of ['2021', '2022', '2023']) expect(per.years[year]).toMatchObject({ average: 310, adjustment: 310 });
    expect(per.years['2021']).toMatchObject({ inventory: null, emissions_balance: null });
    expect(per.years['2022']).toMatchObject({ inventory: 60_000_000, emissions_balance: 60_000_310 });
    expect(per.years['2023']).toMatchObject({ inventory: 60_000_000, emissions_balance: 60_000_310 });
  });

  it('SGP: acquisition triggers nothing; use in 2024 subtracts 300 on trajectory; no inventory, no balance', async () => {
    const { report } = await replayJson();
    const sgp = report.parties.SGP!;
    expect(sgp.method).toBe('trajectory');
    // Listed from its NDC period start (2021) to its last entry (2024).
    expect(Object.keys(sgp.years)).toEqual(['2021', '2022', '2023', '2024']);
    expect(sgp.years['2024']).toMatchObject({
      acquired: 500,
      used: 300,
      net: -300,
      annual_adjustment: -300,
      adjustment: -300,
      average: null,
      emissions_balance: null,
      inventory: null,
      first_transferred: 0,
    });
    for (const year of ['2021', '2022', '2023']) expect(sgp.years[year]).toMatchObject({ adjustment: 0, acquired: 0, used: 0 });
  });

  it('every summary field is present in every year row, null where it does not apply', async () => {
    const { report } = await replayJson();
    expect(Object.keys(report.parties).sort()).toEqual(['PER', 'SGP']);
    for (const party of Object.values(report.parties)) {
      for (const row of Object.values(party.years)) {
        expect(Object.keys(row).sort()).toEqual([...SUMMARY_FIELDS].sort());
        // emissions_balance object: no adjusted target; a64 fields only under a64.itmo = separate.
        expect(row).toMatchObject({ adjusted_target: null, a64_first_transferred: null, a64_used: null });
      }
    }
    expect(report.parties.SGP!.years['2022']!.average).toBeNull();
  });

  it('--as-of includes the day given: up to e11, PER averages 930 over 2021–2024 (no inventory yet)', async () => {
    const { report } = await replayJson('--as-of', '2024-02-01');
    expect(report.history).toEqual({ events: 12, head: chainHead(WORKED_EXAMPLE_EVENTS.slice(0, 12)), as_of: '2024-02-01' });
    expect(report.verdicts).toEqual({ accepted: 12, rejected: 0, findings: 0 });
    expect(report.parties.SGP!.years['2024']).toMatchObject({ acquired: 500, used: 0, adjustment: 0 });
    const per = report.parties.PER!;
    expect(Object.keys(per.years)).toEqual(['2021', '2022', '2023', '2024']);
    for (const year of ['2021', '2022', '2023', '2024']) expect(per.years[year]).toMatchObject({ average: 232.5, adjustment: 232.5 });
    const { digest, ...withoutDigest } = report;
    expect(digest).toBe(sha256(canonicalJson(withoutDigest)));

    const dayBefore = await replayJson('--as-of', '2024-01-31');
    expect(dayBefore.report.history.events).toBe(11);
    expect(dayBefore.report.parties.SGP?.years['2024']).toBeUndefined();
  });

  it('--name picks the rulebook by name; an unknown name is invalid input', async () => {
    const named = await replayJson('--name', 'bilateral');
    expect(named.report.rulebook.name).toBe('bilateral');
    const unknown = await a6(['replay', '--history', historyFile, '--rulebook', rulebookFile, '--name', 'nope', '--json']);
    expect(unknown.exitCode).not.toBe(0);
    const body = JSON.parse(unknown.stdout) as { error: { code: string; message: string } };
    expect(body.error).toMatchObject({ code: expect.any(String), message: expect.any(String) });
    expect(JSON.stringify(body.error)).toContain('nope');
  });

  it('--format csv: the structured summary, one row per Party and year', async () => {
    const result = await a6(['replay', '--history', historyFile, '--rulebook', rulebookFile, '--format', 'csv']);
    expect(result.exitCode).toBe(0);
    const lines = result.stdout.trim().split(/\r?\n/);
    const header = lines[0]!.split(',');
    expect(header).toEqual(expect.arrayContaining(['party', 'year', ...SUMMARY_FIELDS]));
    const rows = lines.slice(1).map((line) => Object.fromEntries(line.split(',').map((cell, index) => [header[index]!, cell])));
    expect(rows.map((row) => `${row.party} ${row.year}`)).toEqual(['PER 2021', 'PER 2022', 'PER 2023', 'SGP 2021', 'SGP 2022', 'SGP 2023', 'SGP 2024']);
    expect(rows[2]).toMatchObject({ first_transferred: '930', adjustment: '310', emissions_balance: '60000310' });
    expect(rows[6]).toMatchObject({ acquired: '500', used: '300', adjustment: '-300' });
  });

  it('--format html: one self-contained page with SVG charts; --out writes the file instead of stdout', async () => {
    const out = join(scratch.dir, 'report.html');
    const result = await a6(['replay', '--history', historyFile, '--rulebook', rulebookFile, '--format', 'html', '--out', out]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe('');
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).toContain('<svg');
    // No network fetches: no external scripts, styles, images or fonts.
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)="(https?:)?\/\//i);
    expect(html).not.toMatch(/url\((['"]?)(https?:)?\/\//i);
    expect(html).not.toMatch(/@import/i);
  });

  it('exit 0 with rejections: a rejected use is a result, with seq, event, type, code, rule, source, unit and values', async () => {
    const strict = scratch.write(
      'strict.a6',
      `${BILATERAL_A6}
rulebook strict extends bilateral {
  rule recent_vintages "only vintages from 2023" on use {
    require unit.vintage >= 2023 else "{unit.serial} has vintage {unit.vintage}"
  }
}
`,
    );
    const result = await a6(['replay', '--history', historyFile, '--rulebook', strict, '--json']);
    expect(result.exitCode).toBe(0);
    const report = JSON.parse(result.stdout) as Report;
    expect(report.rulebook.name).toBe('strict');
    expect(report.verdicts).toEqual({ accepted: 14, rejected: 1, findings: 0 });
    expect(report.rejections).toHaveLength(1);
    expect(report.rejections[0]).toMatchObject({
      seq: 12,
      event: 'e12',
      type: 'UnitsUsed',
      code: 'rule.recent_vintages',
      rule: 'recent_vintages',
      message: 'PE-001-2022:71-370 has vintage 2022',
      source: { file: 'strict.a6', line: 9, col: 5 },
      unit: 'PE-001-2022:71-370',
      values: { 'unit.vintage': 2022 },
    });
    // The rejected use never happened: SGP used nothing, the buyer still holds 500.
    expect(report.parties.SGP!.years['2024']).toMatchObject({ used: 0, adjustment: 0, acquired: 500 });
    expect(report.holdings['SG-NR:buyer']).toEqual({ ITMO: 500 });
  });
});
