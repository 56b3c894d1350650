import { describe, expect, it } from 'vitest';
import type { Purpose } from '../events/types.ts';
import type { FirstTransferDefinition } from '../events/types.ts';
import { history, twoParties, type HistoryRow } from './testing/history-builder.ts';
import { given } from './testing/replay-spec.ts';
import { testRulebook } from './testing/test-rulebook.ts';

type Options = Parameters<typeof testRulebook>[0]['options'];

const authorize = (at: string, purposes: Purpose[], firstTransfer?: FirstTransferDefinition): HistoryRow => [
  'AuthorizationIssued',
  at,
  { authorization: 'A1', party: 'PER', activity: 'PE-001', purposes, ...(firstTransfer === undefined ? {} : { firstTransfer }) },
];
const issue = (at: string): HistoryRow => ['UnitsIssued', at, { account: 'PE-NR:dev', activity: 'PE-001', unitType: 'ITMO', block: 'B', from: 1, to: 100, vintage: 2022 }];
const domestic: HistoryRow = ['AccountOpened', '2021-01-01', { account: 'PE-NR:other', kind: 'holding', holder: 'another' }];
const transferDomestic = (at: string): HistoryRow => ['UnitsTransferred', at, { from: 'PE-NR:dev', to: 'PE-NR:other', units: [{ block: 'B', from: 1, to: 10 }] }];
const transferAbroad = (at: string): HistoryRow => ['UnitsTransferred', at, { from: 'PE-NR:dev', to: 'SG-NR:buyer', units: [{ block: 'B', from: 11, to: 30 }] }];
const use = (at: string, year?: number): HistoryRow => ['UnitsUsed', at, { account: 'PE-NR:dev', units: [{ block: 'B', from: 31, to: 35 }], purpose: 'OIMP', by: 'an airline', ...(year === undefined ? {} : { year }) }];
const cancelVoluntarily = (at: string): HistoryRow => ['UnitsCancelled', at, { account: 'PE-NR:dev', units: [{ block: 'B', from: 36, to: 37 }], reason: 'voluntary' }];

/** PER's first transfers as `{year: [first_transferred, oimp_first_transferred]}` (zero years left out). */
function firstTransfers(rows: HistoryRow[], options: Options = {}): Record<string, [number, number]> {
  const { report } = given(history(...twoParties(), domestic, ...rows)).when(testRulebook({ options }));
  expect(report.verdicts.rejected).toBe(0);
  const result: Record<string, [number, number]> = {};
  for (const [year, row] of Object.entries(report.parties.PER?.years ?? {})) {
    if (row.first_transferred !== 0 || row.oimp_first_transferred !== 0) result[year] = [row.first_transferred, row.oimp_first_transferred];
  }
  return result;
}

const allMoves = [transferDomestic('2024-01-01'), transferAbroad('2025-01-01'), use('2026-01-01', 2027), cancelVoluntarily('2028-01-01')];

describe('first transfer (docs/language.md Options)', () => {
  it('NDC, first_transfer.ndc = international_transfer (default): only the international transfer, in its year', () => {
    // 20 units (11–30) go abroad in 2025; the domestic transfer, the use and the cancellation do not count.
    expect(firstTransfers([authorize('2022-01-01', ['NDC']), issue('2023-01-01'), ...allMoves])).toEqual({ '2025': [20, 0] });
  });

  it('NDC, first_transfer.ndc = authorization: authorized before issuance → the issuance is the moment', () => {
    expect(firstTransfers([authorize('2022-01-01', ['NDC']), issue('2023-01-01'), ...allMoves], { 'first_transfer.ndc': 'authorization' })).toEqual({ '2023': [100, 0] });
  });

  it('NDC, first_transfer.ndc = issuance: issued before the authorization → the authorization is the moment', () => {
    expect(firstTransfers([issue('2023-01-01'), authorize('2024-06-01', ['NDC']), ...allMoves], { 'first_transfer.ndc': 'issuance' })).toEqual({ '2024': [100, 0] });
  });

  it('OIMP per_authorization with firstTransfer use: any use (its data year) and a voluntary cancellation', () => {
    // 5 units used with year 2027 (at 2026) and 2 cancelled voluntarily in 2028.
    expect(firstTransfers([authorize('2022-01-01', ['OIMP'], 'use'), issue('2023-01-01'), ...allMoves])).toEqual({ '2027': [0, 5], '2028': [0, 2] });
  });

  it('OIMP per_authorization without firstTransfer means the international transfer', () => {
    expect(firstTransfers([authorize('2022-01-01', ['OIMP']), issue('2023-01-01'), ...allMoves])).toEqual({ '2025': [0, 20] });
  });

  it('first_transfer.oimp = issuance overrides the authorization’s own definition', () => {
    expect(firstTransfers([authorize('2022-01-01', ['OIMP'], 'use'), issue('2023-01-01'), ...allMoves], { 'first_transfer.oimp': 'issuance' })).toEqual({ '2023': [0, 100] });
  });

  it('first_transfer.oimp = use and = authorization', () => {
    expect(firstTransfers([authorize('2022-01-01', ['OIMP'], 'issuance'), issue('2023-01-01'), ...allMoves], { 'first_transfer.oimp': 'use' })).toEqual({ '2027': [0, 5], '2028': [0, 2] });
    expect(firstTransfers([issue('2023-01-01'), authorize('2024-01-01', ['OIMP'], 'use'), ...allMoves], { 'first_transfer.oimp': 'authorization' })).toEqual({ '2024': [0, 100] });
  });

  it('NDC and OIMP: the earlier of the two definitions, booked as first_transferred (row 5)', () => {
    // NDC at international transfer (2025), OIMP at use (2027 for 31–35, 2028 for 36–37): 11–30 go abroad first.
    expect(firstTransfers([authorize('2022-01-01', ['NDC', 'OIMP'], 'use'), issue('2023-01-01'), ...allMoves])).toEqual({ '2025': [20, 0], '2027': [5, 0], '2028': [2, 0] });
  });

  it('a defining transfer or use counts only after the units are both issued and authorized', () => {
    // The transfer abroad (2025) and the use (2026) come before the authorization of 2029: nothing is first transferred.
    expect(firstTransfers([issue('2023-01-01'), ...allMoves, authorize('2029-01-01', ['NDC', 'OIMP'], 'use')])).toEqual({});
  });

  it('a revocation un-authorizes units not yet first transferred; first-transferred units stay so', () => {
    const rows: HistoryRow[] = [authorize('2022-01-01', ['NDC']), issue('2023-01-01'), transferAbroad('2024-01-01'), ['AuthorizationRevoked', '2024-06-01', { authorization: 'A1' }], [
      'UnitsTransferred',
      '2025-01-01',
      { from: 'PE-NR:dev', to: 'SG-NR:buyer', units: [{ block: 'B', from: 50, to: 59 }] },
    ]];
    const { outcome, report } = given(history(...twoParties(), domestic, ...rows)).when(testRulebook({}));
    expect(report.parties.PER!.years['2024']!.first_transferred).toBe(20);
    expect(report.parties.PER!.years['2025']!.first_transferred).toBe(0);
    const segments = outcome.state.blocks.get('B')!.units.all();
    expect(segments.filter((segment) => segment.authorization >= 0).map(({ from, to }) => [from, to])).toEqual([[11, 30]]);
    expect(outcome.state.authorizations.get('A1')!.firstTransferred).toBe(20);
  });

  it('an issuance naming its authorization uses it even when another one covers the activity', () => {
    const rows: HistoryRow[] = [
      authorize('2022-01-01', ['NDC']),
      ['AuthorizationIssued', '2022-02-01', { authorization: 'CA-7', party: 'PER', cooperativeApproach: 'PER-SGP', purposes: ['OIMP'], firstTransfer: 'issuance' }],
      ['UnitsIssued', '2023-01-01', { account: 'PE-NR:dev', activity: 'PE-001', unitType: 'ITMO', block: 'B', from: 1, to: 100, vintage: 2022, authorization: 'CA-7' }],
    ];
    expect(firstTransfers(rows)).toEqual({ '2023': [0, 100] });
  });
});
