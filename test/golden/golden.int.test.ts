import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkProgram, loadRulebook, type CompiledRulebook } from '@a6/dsl';
import { nodeSourceHost } from '@a6/dsl/node';
import type { SummaryYear } from '../../packages/ledger/src/accounting/structured-summary.ts';
import { compareSync, type CompareOutcome } from '../../packages/ledger/src/compare/compare.ts';
import { renderCompareTable } from '../../packages/ledger/src/compare/compare-table.ts';
import { replaySync } from '../../packages/ledger/src/engine/replay.ts';
import { sortedJson } from '../../packages/ledger/src/events/canonical-json.ts';
import { readHistoryFile } from '../../packages/ledger/src/events/history-file.ts';
import type { HistoryEvent } from '../../packages/ledger/src/events/types.ts';
import { generateHistory } from '../../packages/ledger/src/gen/generate-history.ts';
import { renderCompareHtml } from '../../packages/ledger/src/report-html/compare-html.ts';
import { renderReplayHtml } from '../../packages/ledger/src/report-html/replay-html.ts';
import { buildReplayReport, type ReplayReport } from '../../packages/ledger/src/report/replay-report.ts';
import { expectGolden } from './golden-file.test-support.ts';

/**
 * Golden replays (one process, no CLI spawn per case): every rulebook the example files declare over
 * every small example history, each report checked in under `reports/` and diffed byte for byte;
 * `UPDATE_GOLDEN=1` rewrites them. The big histories run only under the rulebooks that matter. The key
 * figures of the small histories are derived by hand (docs/examples.md) and asserted beside the reports,
 * so a golden file can never silently bless a wrong number.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const REPORTS = join(import.meta.dirname, 'reports');
const host = nodeSourceHost(ROOT);

function golden(relative: string, content: string): void {
  expectGolden(REPORTS, relative, content);
}

const RULEBOOK_DIR = 'examples/rulebooks';
const HISTORY_DIR = 'examples/histories';
const BIG_HISTORIES = new Set(['a62-ca-tool-2026-08-14.ndjson']);

/** Every rulebook each example file declares (imported ones are counted where they are declared). */
const rulebooks: { file: string; name: string }[] = readdirSync(join(ROOT, RULEBOOK_DIR))
  .filter((file) => file.endsWith('.a6'))
  .sort()
  .flatMap((file) => {
    const entry = `${RULEBOOK_DIR}/${file}`;
    return checkProgram(host, [entry]).program.rulebooks.filter((rulebook) => rulebook.file === entry).map((rulebook) => ({ file: entry, name: rulebook.name }));
  });

const compiled = new Map<string, CompiledRulebook>();
function rulebook(name: string): CompiledRulebook {
  let found = compiled.get(name);
  if (found === undefined) {
    const { file } = rulebooks.find((entry) => entry.name === name)!;
    const loaded = loadRulebook(host, file, name);
    if (!loaded.ok) throw new Error(`${file}#${name} does not compile: ${loaded.diagnostics.map((diagnostic) => diagnostic.message).join('; ')}`);
    found = loaded.rulebook;
    compiled.set(name, found);
  }
  return found;
}

const smallHistories = readdirSync(join(ROOT, HISTORY_DIR))
  .filter((file) => file.endsWith('.ndjson') && !BIG_HISTORIES.has(file))
  .sort();

const histories = new Map<string, readonly HistoryEvent[]>();
async function history(file: string): Promise<readonly HistoryEvent[]> {
  let events = histories.get(file);
  if (events === undefined) {
    const decoded = await readHistoryFile(join(ROOT, HISTORY_DIR, file));
    if (!decoded.ok) throw new Error(`${file} does not validate: ${decoded.issues[0]?.message}`);
    events = decoded.events;
    histories.set(file, events);
  }
  return events;
}

const reports = new Map<string, ReplayReport>();
async function replayed(historyFile: string, name: string): Promise<ReplayReport> {
  const key = `${historyFile}|${name}`;
  let report = reports.get(key);
  if (report === undefined) {
    report = buildReplayReport(replaySync(await history(historyFile), rulebook(name)));
    reports.set(key, report);
  }
  return report;
}

/** `{year: value}` of one field of a Party, zero and null years left out. */
function column(report: ReplayReport, party: string, field: keyof SummaryYear): Record<string, number> {
  const result: Record<string, number> = {};
  for (const [year, row] of Object.entries(report.parties[party]?.years ?? {})) {
    const value = row[field];
    if (value !== null && value !== 0) result[year] = value;
  }
  return result;
}

const years = (report: ReplayReport, party: string) => Object.keys(report.parties[party]?.years ?? {});
const stem = (file: string) => file.replace(/\.ndjson$/, '');

describe('golden replays: every example rulebook over every small example history', () => {
  it('finds the example rulebooks (one per seed-paper option value and more)', () => {
    expect(rulebooks.length).toBeGreaterThanOrEqual(30);
    expect(smallHistories).toEqual(['a64-issuance.ndjson', 'cdm-transition.ndjson', 'ghana-switzerland.ndjson', 'guyana-art.ndjson', 'ndc-methods.ndjson', 'thailand-switzerland.ndjson', 'worked-example.ndjson']);
  });

  for (const historyFile of smallHistories) {
    it(`${historyFile}: every rulebook's a6.replay/1 report matches reports/replay/${stem(historyFile)}/`, async () => {
      for (const { name } of rulebooks) {
        const report = await replayed(historyFile, name);
        expect(report.verdicts.accepted + report.verdicts.rejected).toBe(report.history.events);
        golden(`replay/${stem(historyFile)}/${name}.json`, sortedJson(report) + '\n');
      }
    });
  }
});

describe('key figures derived by hand (docs/examples.md)', () => {
  it('worked-example under bilateral (docs/reports.md test vector): levies 50 + 20; PER 930 first transferred, averaged 930 / 3 = 310; SGP −300', async () => {
    const report = await replayed('worked-example.ndjson', 'bilateral');
    expect(report.verdicts).toEqual({ accepted: 15, rejected: 0, findings: 0 });
    // SOP ⌊5% × 1,000⌋ = 50, OMGE ⌈2% × 1,000⌉ = 20.
    expect(report.levies).toEqual({ omge: 20, sop: 50 });
    // 1,000 − 50 − 20 = 930 first transferred at issuance (2023), added to the vintage year 2022.
    expect(column(report, 'PER', 'first_transferred')).toEqual({ '2023': 930 });
    expect(column(report, 'PER', 'annual_adjustment')).toEqual({ '2022': 930 });
    // Averaging over 2021–2023 (inventories through 2023): 930 / 3 = 310 in each elapsed year.
    expect(column(report, 'PER', 'adjustment')).toEqual({ '2021': 310, '2022': 310, '2023': 310 });
    expect(column(report, 'PER', 'emissions_balance')).toEqual({ '2022': 60_000_310, '2023': 60_000_310 });
    expect(column(report, 'SGP', 'acquired')).toEqual({ '2024': 500 });
    expect(column(report, 'SGP', 'used')).toEqual({ '2024': 300 });
    expect(column(report, 'SGP', 'adjustment')).toEqual({ '2024': -300 });
    // Conservation: 430 + 200 + 50 held, 300 used, 20 cancelled = 1,000.
    expect(report.holdings).toEqual({ 'LEVY:adaptation_fund': { ITMO: 50 }, 'PE-NR:dev': { ITMO: 430 }, 'SG-NR:buyer': { ITMO: 200 } });
  });

  it('thailand-switzerland under glasgow_2021: 1,916 first transferred at the transfer of 2023-12-15, adjusted to vintage 2022', async () => {
    const report = await replayed('thailand-switzerland.ndjson', 'glasgow_2021');
    expect(report.verdicts).toEqual({ accepted: 12, rejected: 0, findings: 0 });
    expect(report.levies).toEqual({ omge: 0, share_of_proceeds: 0 });
    expect(column(report, 'THA', 'first_transferred')).toEqual({ '2023': 1916 });
    expect(column(report, 'THA', 'cumulative')).toEqual({ '2023': 1916 });
    expect(column(report, 'THA', 'adjustment')).toEqual({ '2022': 1916 });
    expect(column(report, 'CHE', 'acquired')).toEqual({ '2023': 1916 });
    expect(column(report, 'CHE', 'adjustment')).toEqual({});
    expect(report.holdings).toEqual({ 'CH-NR:klik': { ITMO: 1916 } });
    expect([years(report, 'THA'), years(report, 'CHE')]).toEqual([
      ['2021', '2022', '2023'],
      ['2021', '2022', '2023'],
    ]);
  });

  it('ghana-switzerland under glasgow_2021: 11,973 − ⌈2% × 11,973⌉ = 11,733 first transferred in 2025, adjusted to vintage 2023', async () => {
    const report = await replayed('ghana-switzerland.ndjson', 'glasgow_2021');
    expect(report.verdicts).toEqual({ accepted: 13, rejected: 0, findings: 0 });
    expect(column(report, 'GHA', 'first_transferred')).toEqual({ '2025': 11_733 });
    expect(column(report, 'GHA', 'adjustment')).toEqual({ '2023': 11_733 });
    expect(column(report, 'CHE', 'acquired')).toEqual({ '2025': 11_733 });
    expect(report.holdings).toEqual({ 'CH-NR:klik': { ITMO: 11_733 } });
    expect(years(report, 'GHA')).toEqual(['2020', '2021', '2022', '2023', '2024', '2025']);
    expect(years(report, 'CHE')).toEqual(['2021', '2022', '2023', '2024', '2025']);
  });

  it('guyana-art under glasgow_2021: OIMP-only first transfers at issuance; the buffer and the CORSIA use book nothing', async () => {
    const report = await replayed('guyana-art.ndjson', 'glasgow_2021');
    expect(report.verdicts).toEqual({ accepted: 13, rejected: 0, findings: 0 });
    expect(column(report, 'GUY', 'oimp_first_transferred')).toEqual({ '2024': 7_144_362, '2025': 9_085_923 });
    expect(column(report, 'GUY', 'adjustment')).toEqual({ '2021': 7_144_362, '2023': 9_085_923 });
    // cumulative 2025 = 7,144,362 + 9,085,923.
    expect(column(report, 'GUY', 'cumulative')).toEqual({ '2024': 7_144_362, '2025': 16_230_285 });
    expect(column(report, 'GUY', 'used')).toEqual({});
    // ART:guyana 7,144,362 − 100,000 + 9,085,923; ART:mercuria 100,000 − 1,000.
    expect(report.holdings).toEqual({ 'ART:buffer': { ART: 446_714 }, 'ART:guyana': { ART: 16_130_285 }, 'ART:mercuria': { ART: 99_000 } });
    expect(years(report, 'GUY')).toEqual(['2021', '2022', '2023', '2024', '2025']);
  });

  it('a64-issuance under glasgow_2021: SOP 500 + 250, OMGE 200 + 100; KEN 9,300 first transferred at issuance; SGP uses 1,500', async () => {
    const report = await replayed('a64-issuance.ndjson', 'glasgow_2021');
    expect(report.verdicts).toEqual({ accepted: 19, rejected: 0, findings: 0 });
    expect(report.levies).toEqual({ omge: 300, share_of_proceeds: 750 });
    expect(column(report, 'KEN', 'first_transferred')).toEqual({ '2026': 9300 });
    expect(column(report, 'KEN', 'adjustment')).toEqual({ '2025': 9300 });
    expect(column(report, 'SGP', 'acquired')).toEqual({ '2026': 4000 });
    expect(column(report, 'SGP', 'used')).toEqual({ '2026': 1500 });
    expect(column(report, 'SGP', 'adjustment')).toEqual({ '2026': -1500 });
    // A64:ken-participants (10,000 − 700 − 4,000) + (5,000 − 350 − 1,000) = 8,950; SG-NR:nccs 4,000 − 1,500.
    expect(report.holdings).toEqual({ 'A64:ken-participants': { 'A6.4ER': 8950 }, 'LEVY:adaptation_fund': { 'A6.4ER': 750 }, 'SG-NR:nccs': { 'A6.4ER': 2500 } });
    expect([years(report, 'KEN').at(0), years(report, 'KEN').at(-1), years(report, 'SGP').at(0), years(report, 'SGP').at(-1)]).toEqual(['2021', '2026', '2021', '2026']);
  });

  it('cdm-transition: glasgow_2021 rejects 3 (late request, untransitioned issuance, pre-2013 CERs); cdm_ldc_sids_africa 6', async () => {
    const glasgow = await replayed('cdm-transition.ndjson', 'glasgow_2021');
    expect(glasgow.verdicts).toEqual({ accepted: 24, rejected: 3, findings: 0 });
    expect(glasgow.rejections.map((entry) => [entry.seq, entry.event, entry.code])).toEqual([
      [18, 'cdm-transition-5403', 'rule.cdm_window'],
      [23, 'cdm-a64-5403-2022', 'ledger.not_transitioned'],
      [26, 'cdm-cer-0987-use', 'rule.cer_first_ndc'],
    ]);
    // SOP ⌊5% × 20,000⌋ + ⌊5% × 8,000⌋; OMGE ⌈2% × 20,000⌉ + ⌈2% × 8,000⌉.
    expect(glasgow.levies).toEqual({ omge: 560, share_of_proceeds: 1400 });
    expect(glasgow.holdings).toEqual({
      'A64:ind-participants': { 'A6.4ER': 18_600 },
      'A64:uga-participants': { 'A6.4ER': 7440 },
      'CDM:ind-participants': { CER: 50_000 },
      'CDM:uga-participants': { CER: 15_000 },
      'LEVY:adaptation_fund': { 'A6.4ER': 1400 },
    });
    const regional = await replayed('cdm-transition.ndjson', 'cdm_ldc_sids_africa');
    expect(regional.verdicts).toEqual({ accepted: 21, rejected: 6, findings: 0 });
    expect(regional.levies).toEqual({ omge: 160, share_of_proceeds: 400 });
    expect(regional.holdings['A64:ind-participants']).toBeUndefined();
  });

  it('ndc-methods under glasgow_2021: SEN averages (3,000 + 6,000) / 3 = 3,000; CHE on a trajectory subtracts its uses', async () => {
    const report = await replayed('ndc-methods.ndjson', 'glasgow_2021');
    expect(report.verdicts).toEqual({ accepted: 22, rejected: 0, findings: 0 });
    expect(column(report, 'SEN', 'first_transferred')).toEqual({ '2022': 3000, '2023': 6000 });
    expect(column(report, 'SEN', 'annual_adjustment')).toEqual({ '2021': 3000, '2022': 6000 });
    expect(column(report, 'SEN', 'adjustment')).toEqual({ '2021': 3000, '2022': 3000, '2023': 3000 });
    expect(column(report, 'SEN', 'emissions_balance')).toEqual({ '2021': 25_003_000, '2022': 25_503_000, '2023': 26_003_000 });
    expect(column(report, 'SEN', 'cumulative')).toEqual({ '2022': 3000, '2023': 9000 });
    expect(column(report, 'CHE', 'acquired')).toEqual({ '2022': 3000, '2023': 6000 });
    expect(column(report, 'CHE', 'used')).toEqual({ '2022': 2000, '2023': 5000 });
    expect(column(report, 'CHE', 'adjustment')).toEqual({ '2022': -2000, '2023': -5000 });
    expect(column(report, 'CHE', 'cumulative')).toEqual({ '2022': -2000, '2023': -7000 });
    expect(column(report, 'CHE', 'emissions_balance')).toEqual({ '2021': 45_000_000, '2022': 43_998_000, '2023': 42_995_000 });
    expect(report.holdings).toEqual({ 'CH-NR:confederation': { ITMO: 2000 } });
  });
});

describe('golden compares: glasgow_2021 against every other example rulebook', () => {
  const seedOptions = () => rulebooks.map((entry) => entry.name).filter((name) => name !== 'glasgow_2021');
  const outcomes = new Map<string, CompareOutcome>();
  async function compared(historyFile: string): Promise<CompareOutcome> {
    let outcome = outcomes.get(historyFile);
    if (outcome === undefined) {
      outcome = compareSync(await history(historyFile), [rulebook('glasgow_2021'), ...seedOptions().map(rulebook)]);
      outcomes.set(historyFile, outcome);
    }
    return outcome;
  }

  for (const historyFile of smallHistories) {
    it(`${historyFile}: the a6.compare/1 report of all rulebooks at once matches reports/compare/`, async () => {
      const { report } = await compared(historyFile);
      golden(`compare/${stem(historyFile)}.json`, sortedJson(report) + '\n');
    });
  }

  it('flips.md: per history, glasgow_2021 against each rulebook alone: which transactions flip and whose adjustments move', async () => {
    const lines = [
      '# Glasgow vs each example rulebook over the example histories',
      '',
      'Generated by `test/golden/golden.int.test.ts` (`UPDATE_GOLDEN=1` rewrites it) from one two-rulebook compare per',
      'history and rulebook (`a6 compare --rulebook examples/rulebooks/glasgow-2021.a6 --rulebook FILE.a6#NAME`). A rulebook is',
      'listed under a history when anything differs: the first divergence (seq), the verdicts that flip (seq:event, **direct**',
      'with the rulebook\'s codes, or cascade), the levies when they differ, and the Parties whose `adjustment` moves: the',
      'change summed over the years (sums of averages shown to 6 decimals), or "moved between years" when that sum is 0.',
      '',
    ];
    for (const historyFile of smallHistories) {
      const events = await history(historyFile);
      lines.push(`## ${historyFile}`, '', '| rulebook | first divergence | flips | levies | adjustment moves |', '|---|---|---|---|---|');
      let listed = 0;
      for (const name of seedOptions()) {
        const { report } = compareSync(events, [rulebook('glasgow_2021'), rulebook(name)]);
        if (report.first_divergence === null && report.summary_diffs.length === 0) continue;
        listed += 1;
        const moves = new Map<string, { total: number; years: number }>();
        for (const diff of report.summary_diffs) {
          if (diff.field !== 'adjustment' || diff.metric !== undefined) continue;
          const change = (diff.values[name] ?? 0) - (diff.values.glasgow_2021 ?? 0);
          if (change === 0) continue;
          const move = moves.get(diff.party) ?? { total: 0, years: 0 };
          moves.set(diff.party, { total: move.total + change, years: move.years + 1 });
        }
        const [base, mine] = report.rulebooks as [(typeof report.rulebooks)[0], (typeof report.rulebooks)[0]];
        const levies = sortedJson(mine.levies, 0) === sortedJson(base.levies, 0) ? 'same' : Object.entries(mine.levies).map(([levy, units]) => `${levy} ${units}`).join(', ') || 'none';
        // Averages are doubles: their sums are shown to 6 decimals here (the reports themselves are exact).
        const shown = (value: number) => Number(value.toFixed(6)) + 0;
        const movesText = [...moves].map(([party, move]) => (shown(move.total) === 0 ? `${party} moved between years` : `${party} ${move.total > 0 ? '+' : ''}${shown(move.total)}`)).join(', ');
        const flips = report.verdict_diffs.map((diff) => `${diff.seq}:${diff.event} ${diff.cause === 'direct' ? `**direct** ${(diff.verdicts[name]!.codes ?? ['accepted']).join(' ')}` : 'cascade'}`).join('; ');
        lines.push(`| \`${name}\` | ${report.first_divergence ?? '—'} | ${flips || '—'} | ${levies} | ${movesText || '—'} |`);
      }
      if (listed === 0) lines.push('| (every rulebook agrees with glasgow_2021) | | | | |');
      lines.push('');
    }
    golden('compare/flips.md', lines.join('\n'));
  });

  it('an HTML and a table compare report for negotiators (cdm-transition: glasgow_2021 vs the CDM transition options), and an HTML replay report', async () => {
    const cdm = ['cdm_automatic', 'cdm_reassessment', 'cdm_ldc_sids_africa', 'cdm_shortened_crediting', 'cdm_first_ndc_period'];
    const outcome = compareSync(await history('cdm-transition.ndjson'), [rulebook('glasgow_2021'), ...cdm.map(rulebook)]);
    golden('compare/cdm-transition.html', renderCompareHtml(outcome.report, outcome.replays));
    golden('compare/cdm-transition.txt', renderCompareTable(outcome.report));
    golden('replay/ndc-methods.glasgow_2021.html', renderReplayHtml(await replayed('ndc-methods.ndjson', 'glasgow_2021')));
  });
});

describe('big histories, only under the rulebooks that matter', () => {
  it('the real Article 6.2 data under glasgow_2021: all 914 events accepted; under scope_accounting_only its authorizations are refused (no approvals in the data)', async () => {
    const events = (await readHistoryFile(join(ROOT, HISTORY_DIR, 'a62-ca-tool-2026-08-14.ndjson'))) as { ok: true; events: readonly HistoryEvent[] };
    const glasgow = buildReplayReport(replaySync(events.events, rulebook('glasgow_2021')));
    expect(glasgow.verdicts).toEqual({ accepted: 914, rejected: 0, findings: 0 });
    const scoped = buildReplayReport(replaySync(events.events, rulebook('scope_accounting_only')));
    expect(scoped.verdicts.rejected).toBeGreaterThan(0);
    expect(new Set(scoped.rejections.filter((entry) => entry.type === 'AuthorizationIssued').map((entry) => entry.code)).size).toBeGreaterThan(0);
    golden('big/a62-ca-tool.json', sortedJson({ glasgow_2021: digestOf(glasgow), scope_accounting_only: digestOf(scoped) }) + '\n');
  });

  it('a generated history (a6 gen --events 10000, seed 1) under glasgow_2021: 9,910 accepted, 90 rejected, all deliberate (docs/examples.md)', () => {
    const report = buildReplayReport(replaySync(generateHistory({ events: 10_000, seed: '1', parties: 20 }), rulebook('glasgow_2021')));
    expect(report.verdicts.accepted).toBe(9910);
    expect(report.verdicts.rejected).toBe(90);
    golden('big/gen-10000-seed-1.json', sortedJson({ glasgow_2021: digestOf(report) }) + '\n');
  });
});

/** What a big report is pinned by: its digest (citable), counts, levies and the rejection codes. */
function digestOf(report: ReplayReport) {
  const codes: Record<string, number> = {};
  for (const entry of report.rejections) codes[entry.code] = (codes[entry.code] ?? 0) + 1;
  return { digest: report.digest, history: report.history, verdicts: report.verdicts, levies: report.levies, rejection_codes: codes, parties: Object.keys(report.parties).length };
}
