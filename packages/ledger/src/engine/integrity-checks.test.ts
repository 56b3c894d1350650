import { describe, expect, it } from 'vitest';
import type { HistoryEvent } from '../events/types.ts';
import { history, twoParties, type HistoryRow } from './testing/history-builder.ts';
import { given } from './testing/replay-spec.ts';
import { testRulebook } from './testing/test-rulebook.ts';

const at = '2023-01-01';
const issue = (block: string, from = 1, to = 100, extra: Partial<{ account: string; activity: string; unitType: string; vintage: number; authorization: string }> = {}): HistoryRow => [
  'UnitsIssued',
  at,
  { account: 'PE-NR:dev', activity: 'PE-001', unitType: 'ITMO', block, from, to, vintage: 2022, ...extra },
];

/** The code(s) of the last event's rejection, or `accepted`. */
function verdictOfLast(rows: HistoryRow[]): { codes: string[]; entries: number } {
  const events: HistoryEvent[] = history(...twoParties(), ...rows);
  const result = given(events).when(testRulebook({}));
  const last = events.length - 1;
  const entries = result.report.rejections.filter((entry) => entry.seq === last);
  return { codes: entries.length === 0 ? ['accepted'] : entries.map((entry) => entry.code), entries: entries.length };
}

describe('built-in integrity checks (docs/language.md)', () => {
  it('the setup itself is accepted', () => {
    expect(verdictOfLast([])).toEqual({ codes: ['accepted'], entries: 0 });
  });

  it.each<[string, HistoryRow[], string]>([
    ['ledger.duplicate_party: a Party joins twice', [['PartyJoined', at, { party: 'PER', name: 'Peru again' }]], 'ledger.duplicate_party'],
    ['ledger.unknown_party: an NDC of a Party that has not joined', [['NdcCommunicated', at, { party: 'XXX', ndc: { kind: 'multi-year', from: 2021, to: 2025, metric: 'tCO2e' } }]], 'ledger.unknown_party'],
    ['ledger.unknown_party: an inventory of a Party that has not joined', [['InventoryReported', at, { party: 'XXX', year: 2022, emissions: 1 }]], 'ledger.unknown_party'],
    ['ledger.unknown_party: NDC use by a Party that has not joined', [issue('B1'), ['UnitsUsed', at, { account: 'PE-NR:dev', units: [{ block: 'B1', from: 1, to: 10 }], purpose: 'NDC', by: 'XXX' }]], 'ledger.unknown_party'],
    ['ledger.duplicate_registry', [['RegistryOpened', at, { registry: 'PE-NR', kind: 'national', party: 'PER' }]], 'ledger.duplicate_registry'],
    ['ledger.reserved_registry: LEVY cannot be opened', [['RegistryOpened', at, { registry: 'LEVY', kind: 'international' }]], 'ledger.reserved_registry'],
    ['ledger.reserved_registry: LEVY accounts exist implicitly', [['AccountOpened', at, { account: 'LEVY:fund', kind: 'holding', holder: 'x' }]], 'ledger.reserved_registry'],
    ['ledger.unknown_registry: an account in a registry nobody opened', [['AccountOpened', at, { account: 'XX-NR:a', kind: 'holding', holder: 'x' }]], 'ledger.unknown_registry'],
    ['ledger.duplicate_account', [['AccountOpened', at, { account: 'PE-NR:dev', kind: 'holding', holder: 'x' }]], 'ledger.duplicate_account'],
    ['ledger.unknown_party: an account of a Party that has not joined', [['AccountOpened', at, { account: 'PE-NR:x', kind: 'holding', holder: 'x', party: 'XXX' }]], 'ledger.unknown_party'],
    ['ledger.duplicate_activity', [['ActivityRegistered', at, { activity: 'PE-001', host: 'PER', mechanism: '6.2' }]], 'ledger.duplicate_activity'],
    ['ledger.unknown_party: an activity hosted by a Party that has not joined', [['ActivityRegistered', at, { activity: 'X-1', host: 'XXX', mechanism: '6.2' }]], 'ledger.unknown_party'],
    ['ledger.unknown_activity: a transition of an unregistered activity', [['ActivityTransitioned', at, { activity: 'NOPE', to: '6.4', requestedOn: at }]], 'ledger.unknown_activity'],
    ['ledger.not_cdm: only CDM activities transition', [['ActivityTransitioned', at, { activity: 'PE-001', to: '6.4', requestedOn: at }]], 'ledger.not_cdm'],
    ['ledger.duplicate_authorization', [['AuthorizationIssued', at, { authorization: 'A1', party: 'PER', activity: 'PE-001', purposes: ['NDC'] }], ['AuthorizationIssued', at, { authorization: 'A1', party: 'PER', activity: 'PE-001', purposes: ['NDC'] }]], 'ledger.duplicate_authorization'],
    ['ledger.unknown_activity: an authorization of an unregistered activity', [['AuthorizationIssued', at, { authorization: 'A1', party: 'PER', activity: 'NOPE', purposes: ['NDC'] }]], 'ledger.unknown_activity'],
    ['ledger.unknown_authorization: revoking one never issued', [['AuthorizationRevoked', at, { authorization: 'NOPE' }]], 'ledger.unknown_authorization'],
    ['ledger.authorization_revoked: revoking twice', [['AuthorizationIssued', at, { authorization: 'A1', party: 'PER', activity: 'PE-001', purposes: ['NDC'] }], ['AuthorizationRevoked', at, { authorization: 'A1' }], ['AuthorizationRevoked', at, { authorization: 'A1' }]], 'ledger.authorization_revoked'],
    ['ledger.unknown_account: issuance into an account never opened', [issue('B1', 1, 100, { account: 'PE-NR:nope' })], 'ledger.unknown_account'],
    ['ledger.unknown_activity: issuance for an unregistered activity', [issue('B1', 1, 100, { activity: 'NOPE' })], 'ledger.unknown_activity'],
    ['ledger.bad_range: an issuance whose end is below its start', [issue('B1', 100, 1)], 'ledger.bad_range'],
    ['ledger.duplicate_block: a block id issued twice', [issue('B1'), issue('B1', 101, 200)], 'ledger.duplicate_block'],
    ['ledger.unknown_authorization: issuance naming an authorization never issued', [issue('B1', 1, 100, { authorization: 'NOPE' })], 'ledger.unknown_authorization'],
    ['ledger.authorization_mismatch: issuance naming another activity’s authorization', [['ActivityRegistered', at, { activity: 'PE-002', host: 'PER', mechanism: '6.2' }], ['AuthorizationIssued', at, { authorization: 'A2', party: 'PER', activity: 'PE-002', purposes: ['NDC'] }], issue('B1', 1, 100, { authorization: 'A2' })], 'ledger.authorization_mismatch'],
    ['ledger.not_transitioned: A6.4ERs for a CDM activity without an accepted transition', [['ActivityRegistered', at, { activity: 'CDM-1', host: 'PER', mechanism: 'CDM' }], issue('B1', 1, 100, { activity: 'CDM-1', unitType: 'A6.4ER' })], 'ledger.not_transitioned'],
    ['ledger.unknown_account: transfer to an account never opened', [issue('B1'), ['UnitsTransferred', at, { from: 'PE-NR:dev', to: 'SG-NR:nope', units: [{ block: 'B1', from: 1, to: 10 }] }]], 'ledger.unknown_account'],
    ['ledger.unknown_block', [['UnitsTransferred', at, { from: 'PE-NR:dev', to: 'SG-NR:buyer', units: [{ block: 'NOPE', from: 1, to: 10 }] }]], 'ledger.unknown_block'],
    ['ledger.bad_range: a range beyond its block', [issue('B1'), ['UnitsTransferred', at, { from: 'PE-NR:dev', to: 'SG-NR:buyer', units: [{ block: 'B1', from: 90, to: 110 }] }]], 'ledger.bad_range'],
    ['ledger.bad_range: the same units listed twice in one event', [issue('B1'), ['UnitsTransferred', at, { from: 'PE-NR:dev', to: 'SG-NR:buyer', units: [{ block: 'B1', from: 1, to: 10 }, { block: 'B1', from: 5, to: 15 }] }]], 'ledger.bad_range'],
    ['ledger.units_not_held: moving units another account holds', [issue('B1'), ['UnitsTransferred', at, { from: 'SG-NR:buyer', to: 'PE-NR:dev', units: [{ block: 'B1', from: 1, to: 10 }] }]], 'ledger.units_not_held'],
    ['ledger.units_used: used units never move again', [issue('B1'), ['UnitsUsed', at, { account: 'PE-NR:dev', units: [{ block: 'B1', from: 1, to: 10 }], purpose: 'voluntary', by: 'someone' }], ['UnitsTransferred', at, { from: 'PE-NR:dev', to: 'SG-NR:buyer', units: [{ block: 'B1', from: 5, to: 20 }] }]], 'ledger.units_used'],
    ['ledger.units_cancelled: cancelled units never move again', [issue('B1'), ['UnitsCancelled', at, { account: 'PE-NR:dev', units: [{ block: 'B1', from: 1, to: 10 }], reason: 'other' }], ['UnitsUsed', at, { account: 'PE-NR:dev', units: [{ block: 'B1', from: 1, to: 1 }], purpose: 'voluntary', by: 'x' }]], 'ledger.units_cancelled'],
  ])('%s', (_title, rows, code) => {
    expect(verdictOfLast(rows)).toEqual({ codes: [code], entries: 1 });
  });

  it('a failing integrity check gives one entry with rule and source null, and the event has no effect', () => {
    const events = history(...twoParties(), issue('B1'), [
      'UnitsTransferred',
      '2024-01-01',
      { from: 'PE-NR:dev', to: 'SG-NR:buyer', units: [{ block: 'B1', from: 1, to: 10 }, { block: 'B1', from: 95, to: 120 }] },
    ]);
    given(events)
      .when(testRulebook({}))
      .then(({ report }) => {
        expect(report.rejections).toMatchInlineSnapshot(`
          [
            {
              "code": "ledger.bad_range",
              "event": "e13",
              "message": "B1:95-120 is not a range of block B1 (1-100)",
              "rule": null,
              "seq": 13,
              "source": null,
              "type": "UnitsTransferred",
              "unit": "B1:95-120",
              "values": {
                "from": 95,
                "to": 120,
              },
            },
          ]
        `);
        expect(report.holdings).toEqual({ 'PE-NR:dev': { ITMO: 100 } });
      });
  });

  it('ledger.overlapping_authorization is a finding: the event still takes effect, units fall under the earlier one', () => {
    const events = history(
      ...twoParties(),
      ['AuthorizationIssued', '2022-01-01', { authorization: 'A1', party: 'PER', activity: 'PE-001', purposes: ['NDC'], vintages: { from: 2021, to: 2023 } }],
      ['AuthorizationIssued', '2022-02-01', { authorization: 'A2', party: 'PER', activity: 'PE-001', purposes: ['OIMP'], vintages: { from: 2023, to: 2025 } }],
      ['AuthorizationIssued', '2022-03-01', { authorization: 'A3', party: 'PER', activity: 'PE-001', purposes: ['OIMP'], vintages: { from: 2026, to: 2027 } }],
      ['UnitsIssued', '2024-01-01', { account: 'PE-NR:dev', activity: 'PE-001', unitType: 'ITMO', block: 'B23', from: 1, to: 10, vintage: 2023 }],
    );
    given(events)
      .when(testRulebook({}))
      .then(({ report, outcome }) => {
        expect(report.verdicts).toEqual({ accepted: 16, rejected: 0, findings: 1 });
        expect(report.findings.map(({ seq, code, rule, source, values }) => ({ seq, code, rule, source, values }))).toEqual([
          { seq: 13, code: 'ledger.overlapping_authorization', rule: null, source: null, values: { authorization: 'A2', overlaps: 'A1', activity: 'PE-001' } },
        ]);
        const segment = outcome.state.blocks.get('B23')!.units.all()[0]!;
        expect(outcome.state.authorizations.items[segment.authorization]!.code).toBe('A1');
      });
  });

  it('events no trigger covers are accepted: accepted + rejected = events', () => {
    const events = history(...twoParties(), ['RulebookAdopted', at, { name: 'x', sha256: 'a'.repeat(64) }], ['PartyJoined', at, { party: 'PER', name: 'again' }]);
    given(events)
      .when(testRulebook({}))
      .then(({ report }) => {
        expect(report.verdicts.accepted + report.verdicts.rejected).toBe(report.history.events);
        expect(report.verdicts).toEqual({ accepted: 13, rejected: 1, findings: 0 });
      });
  });
});
