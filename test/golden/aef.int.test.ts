import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRulebook, type CompiledRulebook } from '@a6/dsl';
import { nodeSourceHost } from '@a6/dsl/node';
import type { CaToolExpectedSummary } from '../../packages/ledger/src/a62/ca-tool-expected-summary.ts';
import { aefCsvTables } from '../../packages/ledger/src/aef/aef-csv.ts';
import { renderAefJson } from '../../packages/ledger/src/aef/aef-json.ts';
import { AEF_TABLES, unitsOf, type AefReport } from '../../packages/ledger/src/aef/aef-report.ts';
import { buildAefReportSync } from '../../packages/ledger/src/aef/build-aef-report.ts';
import { checkAef } from '../../packages/ledger/src/aef/check-aef.ts';
import { readHistoryFile } from '@a6/ledger/node';
import type { HistoryEvent } from '../../packages/ledger/src/events/types.ts';
import { explainSync } from '../../packages/ledger/src/explain/explain.ts';
import { expectGolden } from './golden-file.test-support.ts';

/**
 * The AEF round trip on the real Article 6.2 data (issue 13 Deliver 4): the CA-tool snapshot, converted
 * by `a6 import-a62` (examples/histories/a62-ca-tool-2026-08-14.ndjson), replayed under glasgow_2021,
 * gives the AEF of 2025 for each of its 14 host Parties. Their T3 totals are held against the per-host
 * summary computed from the raw snapshot without the converter or the engine (ca-tool-expected-summary.ts),
 * the pre-consistency checks pass, and the reports are checked in under `reports/aef/` (the JSON of every
 * host, the five CSVs of Rwanda, docs/aef.md's example); `UPDATE_GOLDEN=1` rewrites them.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const REPORTS = join(import.meta.dirname, 'reports/aef/a62-2025');
const YEAR = 2025;

function golden(relative: string, content: string): void {
  expectGolden(REPORTS, relative, content);
}

const expected = JSON.parse(readFileSync(join(ROOT, 'examples/histories/a62-ca-tool-2026-08-14.expected.json'), 'utf8')) as CaToolExpectedSummary;
const hosts = Object.keys(expected.hosts).sort();

let loaded: { events: readonly HistoryEvent[]; rulebook: CompiledRulebook } | null = null;
async function inputs() {
  if (loaded === null) {
    const decoded = await readHistoryFile(join(ROOT, 'examples/histories/a62-ca-tool-2026-08-14.ndjson'));
    if (!decoded.ok) throw new Error(`the a62 history does not validate: ${decoded.issues[0]?.message}`);
    const compiled = loadRulebook(nodeSourceHost(ROOT), 'examples/rulebooks/glasgow-2021.a6', 'glasgow_2021');
    if (!compiled.ok) throw new Error('glasgow_2021 does not compile');
    loaded = { events: decoded.events, rulebook: compiled.rulebook };
  }
  return loaded;
}

const reports = new Map<string, AefReport>();
async function aef(party: string): Promise<AefReport> {
  let report = reports.get(party);
  if (report === undefined) {
    const { events, rulebook } = await inputs();
    const result = buildAefReportSync(events, rulebook, { party, year: YEAR });
    if (!result.ok) throw new Error(result.error.message);
    report = result.report;
    reports.set(party, report);
  }
  return report;
}

/** Σ of T3's first transfers by the host booked to the year, split as the summary's rows 5 and 6 are. */
function firstTransferred(report: AefReport) {
  const purposes = new Map(report.tables.T2.map((row) => [row.authorization, row.purposes]));
  let ndc = 0;
  let oimp = 0;
  for (const row of report.tables.T3) {
    if (row.action !== 'first_transfer' || row.summary_year !== YEAR) continue;
    if (purposes.get(row.authorization)!.split(';').includes('NDC')) ndc += unitsOf(row);
    else oimp += unitsOf(row);
  }
  return { first_transferred: ndc, oimp_first_transferred: oimp };
}

describe(`AEF ${YEAR} of the 14 host Parties of the real Article 6.2 data (glasgow_2021)`, () => {
  it('lists the 14 hosts of the snapshot', () => {
    expect(hosts).toEqual(['BEN', 'GMB', 'KHM', 'LAO', 'MAR', 'MDG', 'MWI', 'NGA', 'RWA', 'SLE', 'TGO', 'TZA', 'UZB', 'ZWE']);
  });

  for (const party of hosts) {
    it(`${party}: T3 reconciles with the independent per-host summary and with T4; the checks pass; reports/aef/a62-${YEAR}/${party}.json`, async () => {
      const report = await aef(party);
      const host = expected.hosts[party]!;
      const year = host.glasgow?.years[String(YEAR)];
      expect(firstTransferred(report)).toEqual({ first_transferred: year?.first_transferred ?? 0, oimp_first_transferred: year?.oimp_first_transferred ?? 0 });
      // The snapshot has no transfer, use or cancellation: every action is a first transfer in place.
      expect(new Set(report.tables.T3.map((row) => row.action))).toEqual(new Set(report.tables.T3.length === 0 ? [] : ['first_transfer']));
      // Nothing leaves: the ITMOs held at the end of 2025 are every first transfer up to then, the summary's cumulative net.
      const held = report.tables.T4.reduce((total, row) => total + (row.quantity_tco2e ?? 0), 0);
      const cumulative = Object.entries(host.glasgow?.years ?? {}).reduce((total, [row, figures]) => (Number(row) <= YEAR ? figures.cumulative : total), 0);
      expect(held).toBe(cumulative);
      expect(checkAef(report)).toEqual([]);
      golden(`${party}.json`, renderAefJson(report));
    });
  }

  it('the published totals: 2025 first transfers of all hosts add up to the snapshot’s 2025 figures', async () => {
    let total = 0;
    let snapshot = 0;
    for (const party of hosts) {
      const figures = firstTransferred(await aef(party));
      total += figures.first_transferred + figures.oimp_first_transferred;
      const year = expected.hosts[party]!.glasgow?.years[String(YEAR)];
      snapshot += (year?.first_transferred ?? 0) + (year?.oimp_first_transferred ?? 0);
    }
    expect(total).toBe(snapshot);
    expect(total).toBe(9_403_950);
  });

  it('RWA (docs/aef.md): the five CSVs; every unit behind first_transferred and oimp_first_transferred 2025 (a6 explain) lies in a T3 row of the same event', async () => {
    const report = await aef('RWA');
    const csv = aefCsvTables(report);
    for (const table of AEF_TABLES) golden(`RWA/${table}.csv`, csv[table]);
    const { events, rulebook } = await inputs();
    for (const field of ['first_transferred', 'oimp_first_transferred'] as const) {
      const explained = explainSync(events, rulebook, { party: 'RWA', year: YEAR, field });
      expect(explained.value).toBe(firstTransferred(report)[field]);
      for (const entry of explained.explanation.entries) {
        const row = report.tables.T3.find((candidate) => candidate.event === entry.event && candidate.underlying_ids === entry.unit);
        expect(row, `${entry.event} ${entry.unit}`).toBeDefined();
      }
    }
  });
});
