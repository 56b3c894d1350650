import type { EventPayloads, EventType, HistoryEvent } from '../../events/types.ts';

/**
 * Test support: small histories written as `[type, at, data]` rows; ids are `e0`, `e1`, … by position
 * (so `seq` and id agree), unless a row gives its own as a fourth element.
 */
export type HistoryRow = {
  [T in EventType]: readonly [T, string, EventPayloads[T]] | readonly [T, string, EventPayloads[T], string];
}[EventType];

export function history(...rows: readonly HistoryRow[]): HistoryEvent[] {
  return rows.map((row, index) => ({ type: row[0], at: row[1], data: row[2], id: row[3] ?? `e${index}` }) as HistoryEvent);
}

/**
 * Two Parties with national registries and one holding account each, plus a third Party without a
 * registry, all on 2021-01-01: PER (`PE-NR:dev`, single-year NDC 2021–2030 on averaging), SGP
 * (`SG-NR:buyer`, single-year NDC 2021–2030 on trajectory), CHE (`CH-NR:fund`, no NDC).
 */
export function twoParties(): HistoryRow[] {
  const at = '2021-01-01';
  return [
    ['PartyJoined', at, { party: 'PER', name: 'Peru' }],
    ['PartyJoined', at, { party: 'SGP', name: 'Singapore' }],
    ['PartyJoined', at, { party: 'CHE', name: 'Switzerland' }],
    ['NdcCommunicated', at, { party: 'PER', ndc: { kind: 'single-year', from: 2021, to: 2030, targetYear: 2030, metric: 'tCO2e', method: 'averaging' } }],
    ['NdcCommunicated', at, { party: 'SGP', ndc: { kind: 'single-year', from: 2021, to: 2030, targetYear: 2030, metric: 'tCO2e', method: 'trajectory' } }],
    ['RegistryOpened', at, { registry: 'PE-NR', kind: 'national', party: 'PER' }],
    ['RegistryOpened', at, { registry: 'SG-NR', kind: 'national', party: 'SGP' }],
    ['RegistryOpened', at, { registry: 'CH-NR', kind: 'national', party: 'CHE' }],
    ['AccountOpened', at, { account: 'PE-NR:dev', kind: 'holding', holder: 'Peru developer' }],
    ['AccountOpened', at, { account: 'SG-NR:buyer', kind: 'holding', holder: 'Singapore buyer' }],
    ['AccountOpened', at, { account: 'CH-NR:fund', kind: 'holding', holder: 'Swiss fund' }],
    ['ActivityRegistered', at, { activity: 'PE-001', host: 'PER', mechanism: '6.2', inNdc: true }],
  ];
}
