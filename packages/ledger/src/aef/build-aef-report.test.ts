import { describe, expect, it } from 'vitest';
import { history, twoParties, type HistoryRow } from '../engine/testing/history-builder.ts';
import { testRulebook } from '../engine/testing/test-rulebook.ts';
import { bilateral, workedExampleHistory } from '../engine/testing/worked-example.ts';
import { canonicalJson, sha256Hex } from '../events/canonical-json.ts';
import { explainSync } from '../explain/explain.ts';
import type { AefActionRow, AefReport } from './aef-report.ts';
import { buildAefReport, buildAefReportSync, type AefQuery } from './build-aef-report.ts';
import { checkAef } from './check-aef.ts';

/**
 * A trade story under the default elections (NDC first transfer at the first international transfer;
 * OIMP as each authorization says), on twoParties (PER, SGP, CHE with national registries):
 *   A1 (PER, NDC, PE-001, vintages 2021–2025, cap 150); A2 (PER, OIMP only, PE-002, first transfer at use)
 *   2023 issue B:1–100 (vintage 2022, tCO2e) to PE-NR:dev
 *   2024 PER → SGP B:1–60: first transfer (PER), acquisition (SGP)
 *   2025 PER → SGP B:61–80 (first transfer); SGP → CHE B:1–20; SGP uses B:21–50 (NDC, 2025);
 *        issue O:1–40 (PE-002); PER uses O:1–10 for OIMP (first transferred by the use itself);
 *        SGP cancels B:51–55 voluntarily; issue M:1–50 MWh (PE-001) and PER → SGP M:1–50 (first transfer)
 *   2026-01-10 SGP uses B:56–60 toward its 2025 NDC (dated 2026, booked to 2025)
 */
const story: HistoryRow[] = [
  ['AuthorizationIssued', '2022-01-01', { authorization: 'A1', party: 'PER', activity: 'PE-001', purposes: ['NDC'], vintages: { from: 2021, to: 2025 }, cap: 150 }],
  ['ActivityRegistered', '2022-01-01', { activity: 'PE-002', host: 'PER', mechanism: '6.2' }],
  ['AuthorizationIssued', '2022-01-01', { authorization: 'A2', party: 'PER', activity: 'PE-002', purposes: ['OIMP'], firstTransfer: 'use' }],
  ['UnitsIssued', '2023-01-01', { account: 'PE-NR:dev', activity: 'PE-001', unitType: 'ITMO', block: 'B', from: 1, to: 100, vintage: 2022 }],
  ['UnitsTransferred', '2024-03-01', { from: 'PE-NR:dev', to: 'SG-NR:buyer', units: [{ block: 'B', from: 1, to: 60 }] }],
  ['UnitsTransferred', '2025-02-01', { from: 'PE-NR:dev', to: 'SG-NR:buyer', units: [{ block: 'B', from: 61, to: 80 }] }],
  ['UnitsTransferred', '2025-03-01', { from: 'SG-NR:buyer', to: 'CH-NR:fund', units: [{ block: 'B', from: 1, to: 20 }] }],
  ['UnitsUsed', '2025-06-01', { account: 'SG-NR:buyer', units: [{ block: 'B', from: 21, to: 50 }], purpose: 'NDC', by: 'SGP', year: 2025 }],
  ['UnitsIssued', '2025-07-01', { account: 'PE-NR:dev', activity: 'PE-002', unitType: 'ITMO', block: 'O', from: 1, to: 40, vintage: 2024 }],
  ['UnitsUsed', '2025-08-01T10:30:00+00:00', { account: 'PE-NR:dev', units: [{ block: 'O', from: 1, to: 10 }], purpose: 'OIMP', by: 'an airline' }],
  ['UnitsCancelled', '2025-09-01', { account: 'SG-NR:buyer', units: [{ block: 'B', from: 51, to: 55 }], reason: 'voluntary' }],
  ['UnitsIssued', '2025-10-01', { account: 'PE-NR:dev', activity: 'PE-001', unitType: 'ITMO', block: 'M', from: 1, to: 50, vintage: 2024, metric: 'MWh' }],
  ['UnitsTransferred', '2025-11-01', { from: 'PE-NR:dev', to: 'SG-NR:buyer', units: [{ block: 'M', from: 1, to: 50 }] }],
  ['UnitsUsed', '2026-01-10', { account: 'SG-NR:buyer', units: [{ block: 'B', from: 56, to: 60 }], purpose: 'NDC', by: 'SGP', year: 2025 }],
];

const events = history(...twoParties(), ...story);
const rulebook = testRulebook({});

function aef(query: AefQuery, from = events): AefReport {
  const result = buildAefReportSync(from, rulebook, query);
  if (!result.ok) throw new Error(result.error.message);
  return result.report;
}

/** The columns a reader checks first, one array per T3 row. */
const brief = (rows: readonly AefActionRow[]) =>
  rows.map((row) => [row.action, row.underlying_ids, row.quantity_tco2e ?? row.quantity_metric, row.transferring_party, row.acquiring_party, row.holding_change, row.event]);

describe('buildAefReport: the AEF tables of one Party and year from one replay', () => {
  it('PER 2025: its first transfers (at an international transfer, at an OIMP use, in MWh) and the OIMP use; it holds no ITMO', () => {
    const report = aef({ party: 'PER', year: 2025 });
    expect(report.verdicts).toEqual({ accepted: 26, rejected: 0, findings: 0 });
    expect(report.tables.T1).toEqual([{ reporting_party: 'PER', reported_year: 2025, version: 1 }]);
    expect(brief(report.tables.T3)).toEqual([
      ['first_transfer', 'B:61-80', 20, 'PER', 'SGP', 0, 'e17'],
      ['first_transfer', 'O:1-10', 10, 'PER', null, 0, 'e21'],
      ['use_oimp', 'O:1-10', 10, null, null, 0, 'e21'],
      ['first_transfer', 'M:1-50', 50, 'PER', 'SGP', 0, 'e24'],
    ]);
    const [, , use, mwh] = report.tables.T3;
    expect(use).toMatchObject({ date: '2025-08-01T10:30:00Z', purpose_of_use: 'OIMP', using_party_or_entity: 'an airline', year_of_use: 2025, account: 'PE-NR:dev', registry: 'PE-NR' });
    expect(mwh).toMatchObject({ metric: 'MWh', quantity_tco2e: null, quantity_metric: 50, first_serial: 'M:1', last_serial: 'M:50', vintage: 2024, gwp: null });
    // B:81–100 were never first transferred and O:11–40 wait for their use: not ITMOs, so no holdings.
    expect(report.tables.T4).toEqual([]);
    expect(report.tables.T2.map((row) => [row.authorization, row.purposes, row.metric, row.quantity, row.timeframe, row.first_transfer_oimp])).toEqual([
      // A1 has tCO2e and MWh units: no single metric, so its metric is left blank (and warned about).
      ['A1', 'NDC', null, 150, '2021-2025', null],
      ['A2', 'OIMP', 'tCO2e', null, null, 'use'],
    ]);
    expect(report.reconciliation.summary).toEqual({
      tCO2e: { first_transferred: 20, oimp_first_transferred: 10, used: 0 },
      MWh: { first_transferred: 50, oimp_first_transferred: 0, used: 0 },
    });
    // 2024's first transfer B:1–60 is what the checks hold this year's first transfers against.
    expect(report.reconciliation.first_transferred_before).toEqual([{ authorization: 'A1', block: 'B', from: 1, to: 60, metric: 'tCO2e' }]);
    expect(checkAef(report)).toEqual([]);
  });

  it('SGP 2025: acquisitions, an onward transfer, an NDC use and a voluntary cancellation reconcile opening holdings (60) with T4 (25 + 50 MWh)', () => {
    const report = aef({ party: 'SGP', year: 2025 });
    expect(brief(report.tables.T3)).toEqual([
      ['acquisition', 'B:61-80', 20, 'PER', 'SGP', 20, 'e17'],
      ['transfer', 'B:1-20', 20, 'SGP', 'CHE', -20, 'e18'],
      ['use_ndc', 'B:21-50', 30, null, null, -30, 'e19'],
      ['voluntary_cancellation', 'B:51-55', 5, null, null, -5, 'e22'],
      ['acquisition', 'M:1-50', 50, 'PER', 'SGP', 50, 'e24'],
    ]);
    expect(report.tables.T2).toEqual([]);
    expect(report.reconciliation.opening_holdings.map((row) => [row.account, row.authorization, row.vintage, row.quantity_tco2e])).toEqual([['SG-NR:buyer', 'A1', 2022, 60]]);
    // 60 + 20 − 20 − 30 − 5 = 25 (B:56–80), and the 50 MWh.
    expect(report.tables.T4).toEqual([
      { registry: 'SG-NR', account: 'SG-NR:buyer', holder: 'Singapore buyer', authorization: 'A1', vintage: 2022, metric: 'tCO2e', quantity_tco2e: 25, quantity_metric: null },
      { registry: 'SG-NR', account: 'SG-NR:buyer', holder: 'Singapore buyer', authorization: 'A1', vintage: 2024, metric: 'MWh', quantity_tco2e: null, quantity_metric: 50 },
    ]);
    // The use of 2026-01-10 toward 2025 is not a 2025 action, but the summary books it to 2025: used 30 + 5.
    expect(brief(report.reconciliation.other_years)).toEqual([['use_ndc', 'B:56-60', 5, null, null, -5, 'e25']]);
    expect(report.reconciliation.summary.tCO2e).toEqual({ first_transferred: 0, oimp_first_transferred: 0, used: 35 });
    expect(checkAef(report)).toEqual([]);
  });

  it('CHE 2025: the onward acquisition only', () => {
    const report = aef({ party: 'CHE', year: 2025 });
    expect(brief(report.tables.T3)).toEqual([['acquisition', 'B:1-20', 20, 'SGP', 'CHE', 20, 'e18']]);
    expect(report.tables.T4.map((row) => [row.account, row.quantity_tco2e])).toEqual([['CH-NR:fund', 20]]);
    expect(checkAef(report)).toEqual([]);
  });

  it('every T3 row traces to a6 explain: each booked entry behind PER’s first_transferred 2025 lies in a first-transfer row of the same event', () => {
    const report = aef({ party: 'PER', year: 2025 });
    for (const metric of ['tCO2e', 'MWh']) {
      const explained = explainSync(events, rulebook, { party: 'PER', year: 2025, field: 'first_transferred', metric });
      expect(explained.explanation.entries.length).toBeGreaterThan(0);
      for (const entry of explained.explanation.entries) {
        const [block, range] = [entry.unit.slice(0, entry.unit.lastIndexOf(':')), entry.unit.slice(entry.unit.lastIndexOf(':') + 1)];
        const [from, to] = range.split('-').map(Number) as [number, number];
        const row = report.tables.T3.find(
          (candidate) =>
            candidate.action === 'first_transfer' &&
            candidate.event === entry.event &&
            candidate.first_serial.startsWith(`${block}:`) &&
            Number(candidate.first_serial.slice(block.length + 1)) <= from &&
            Number(candidate.last_serial.slice(block.length + 1)) >= to,
        );
        expect(row, entry.unit).toBeDefined();
      }
    }
  });

  it('the worked example (bilateral): levied units are not ITMOs; PER 2023 first transfers 71–1000 at issuance and holds them', () => {
    const result = buildAefReportSync(workedExampleHistory(), bilateral(), { party: 'PER', year: 2023, version: 2 });
    if (!result.ok) throw new Error(result.error.message);
    const { report } = result;
    expect(report.tables.T1).toEqual([{ reporting_party: 'PER', reported_year: 2023, version: 2 }]);
    expect(report.tables.T3).toEqual([
      {
        action: 'first_transfer',
        date: '2023-03-01T00:00:00Z',
        authorization: 'PER-A1',
        first_transferring_party: 'PER',
        registry: 'PE-NR',
        account: 'PE-NR:dev',
        first_serial: 'PE-001-2022:71',
        last_serial: 'PE-001-2022:1000',
        underlying_registry: 'PE-NR',
        underlying_ids: 'PE-001-2022:71-1000',
        metric: 'tCO2e',
        quantity_tco2e: 930,
        quantity_metric: null,
        vintage: 2022,
        transferring_party: 'PER',
        acquiring_party: null,
        purpose_of_use: null,
        using_party_or_entity: null,
        year_of_use: null,
        mitigation_type: null,
        gwp: null,
        summary_year: 2023,
        holding_change: 930,
        seq: 10,
        event: 'e10',
      },
    ]);
    expect(report.tables.T4.map((row) => [row.account, row.quantity_tco2e])).toEqual([['PE-NR:dev', 930]]);
    expect(report.tables.T2).toEqual([
      {
        authorization: 'PER-A1',
        date: '2022-06-01',
        cooperative_approach: null,
        version: null,
        quantity: null,
        metric: 'tCO2e',
        sector: 'energy',
        activity_type: null,
        purposes: 'NDC;OIMP',
        authorized_parties: null,
        oimp: null,
        timeframe: null,
        terms: null,
        first_transfer_oimp: 'issuance',
      },
    ]);
    expect(report.warnings.map((warning) => `${warning.table}.${warning.column} ${warning.rows.join(',')} ← ${warning.fact}`)).toEqual([
      'T2.cooperative_approach 1 ← AuthorizationIssued.cooperativeApproach or ActivityRegistered.cooperativeApproach',
      'T2.version 1 ← AuthorizationIssued.version',
      'T2.quantity 1 ← AuthorizationIssued.cap',
      'T2.activity_type 1 ← AuthorizationIssued.activityType or ActivityRegistered.type',
      'T2.authorized_parties 1 ← AuthorizationIssued.acquirers',
      'T2.oimp 1 ← AuthorizationIssued.oimp',
      'T2.timeframe 1 ← AuthorizationIssued.vintages',
      'T2.terms 1 ← AuthorizationIssued.terms',
      'T3.mitigation_type 1 ← ActivityRegistered.mitigationType',
      'T3.gwp 1 ← ActivityRegistered.gwp',
    ]);
    expect(checkAef(report)).toEqual([]);
  });

  it('with every fact given, nothing is blank and nothing is warned; T5 lists the authorized entities with their accounts', () => {
    const facts: HistoryRow[] = [
      [
        'ActivityRegistered',
        '2021-06-01',
        { activity: 'PE-009', host: 'PER', mechanism: '6.2', sector: 'energy', type: 'solar', cooperativeApproach: 'PER-CHE', mitigationType: 'emission_reduction', gwp: 'AR5' },
      ],
      ['AccountOpened', '2021-06-01', { account: 'PE-NR:solar', kind: 'holding', holder: 'Solar SA', entity: 'solar-sa' }],
      [
        'AuthorizationIssued',
        '2021-07-01',
        {
          authorization: 'A9',
          party: 'PER',
          activity: 'PE-009',
          purposes: ['NDC', 'OIMP'],
          firstTransfer: 'issuance',
          acquirers: ['CHE', 'SGP'],
          cap: 1000,
          vintages: { from: 2021, to: 2030 },
          version: 3,
          metric: 'tCO2e',
          oimp: 'CORSIA',
          entities: ['solar-sa', 'klik'],
          terms: 'no use before 2025',
        },
      ],
      ['UnitsIssued', '2022-02-01', { account: 'PE-NR:solar', activity: 'PE-009', unitType: 'ITMO', block: 'S', from: 1, to: 400, vintage: 2021 }],
    ];
    const report = aef({ party: 'PER', year: 2022 }, history(...twoParties(), ...facts));
    expect(report.warnings).toEqual([]);
    expect(report.tables.T2).toEqual([
      {
        authorization: 'A9',
        date: '2021-07-01',
        cooperative_approach: 'PER-CHE',
        version: 3,
        quantity: 1000,
        metric: 'tCO2e',
        sector: 'energy',
        activity_type: 'solar',
        purposes: 'NDC;OIMP',
        authorized_parties: 'CHE;SGP',
        oimp: 'CORSIA',
        timeframe: '2021-2030',
        terms: 'no use before 2025',
        first_transfer_oimp: 'issuance',
      },
    ]);
    expect(report.tables.T3.map((row) => [row.action, row.underlying_ids, row.mitigation_type, row.gwp])).toEqual([['first_transfer', 'S:1-400', 'emission_reduction', 'AR5']]);
    expect(report.tables.T5).toEqual([
      { entity: 'solar-sa', authorization: 'A9', accounts: 'PE-NR:solar' },
      { entity: 'klik', authorization: 'A9', accounts: null },
    ]);
  });

  it('is pure: the same history and rulebook give the same digest, over an async history too; the digest covers the body', async () => {
    const sync = aef({ party: 'SGP', year: 2025 });
    async function* stream() {
      yield* events;
    }
    const asynchronous = await buildAefReport(stream(), rulebook, { party: 'SGP', year: 2025 });
    expect(asynchronous.ok && asynchronous.report).toEqual(sync);
    const { digest, ...body } = sync;
    expect(digest).toBe(sha256Hex(canonicalJson(body)));
    expect(sync.format).toBe('a6.aef/1');
  });

  it('an unknown Party, a year that is not a year, a version below 1 are errors with a code, not reports', () => {
    expect(buildAefReportSync(events, rulebook, { party: 'XYZ', year: 2025 })).toEqual({
      ok: false,
      error: { code: 'aef.unknown_party', message: 'Party XYZ has not joined this history (no accepted PartyJoined)' },
    });
    expect(buildAefReportSync(events, rulebook, { party: 'PER', year: 25 })).toMatchObject({ ok: false, error: { code: 'aef.bad_year' } });
    expect(buildAefReportSync(events, rulebook, { party: 'PER', year: 2025, version: 0 })).toMatchObject({ ok: false, error: { code: 'aef.bad_version' } });
  });
});
