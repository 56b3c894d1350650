/** Test support: the worked example of docs/reports.md (a public test vector), history and rulebook. */
import { history } from './history-builder.ts';
import { read, testRulebook } from './test-rulebook.ts';

/** docs/reports.md "Worked example (a test vector)", event for event. */
export const workedExampleHistory = () =>
  history(
    ['PartyJoined', '2021-01-01', { party: 'PER', name: 'Peru' }],
    ['PartyJoined', '2021-01-01', { party: 'SGP', name: 'Singapore' }],
    ['NdcCommunicated', '2021-01-01', { party: 'PER', ndc: { kind: 'single-year', from: 2021, to: 2030, targetYear: 2030, metric: 'tCO2e', method: 'averaging' } }],
    ['NdcCommunicated', '2021-01-01', { party: 'SGP', ndc: { kind: 'single-year', from: 2021, to: 2030, targetYear: 2030, metric: 'tCO2e', method: 'trajectory' } }],
    ['RegistryOpened', '2021-01-01', { registry: 'PE-NR', kind: 'national', party: 'PER' }],
    ['RegistryOpened', '2021-01-01', { registry: 'SG-NR', kind: 'national', party: 'SGP' }],
    ['AccountOpened', '2021-01-01', { account: 'PE-NR:dev', kind: 'holding', holder: 'Peru developer' }],
    ['AccountOpened', '2021-01-01', { account: 'SG-NR:buyer', kind: 'holding', holder: 'Singapore buyer' }],
    ['ActivityRegistered', '2022-01-01', { activity: 'PE-001', host: 'PER', mechanism: '6.2', sector: 'energy', inNdc: true, registeredOn: '2022-01-01' }],
    ['AuthorizationIssued', '2022-06-01', { authorization: 'PER-A1', party: 'PER', activity: 'PE-001', purposes: ['NDC', 'OIMP'], firstTransfer: 'issuance' }],
    ['UnitsIssued', '2023-03-01', { account: 'PE-NR:dev', activity: 'PE-001', unitType: 'ITMO', block: 'PE-001-2022', from: 1, to: 1000, vintage: 2022 }],
    ['UnitsTransferred', '2024-02-01', { from: 'PE-NR:dev', to: 'SG-NR:buyer', units: [{ block: 'PE-001-2022', from: 71, to: 570 }] }],
    ['UnitsUsed', '2025-01-15', { account: 'SG-NR:buyer', units: [{ block: 'PE-001-2022', from: 71, to: 370 }], purpose: 'NDC', by: 'SGP', year: 2024 }],
    ['InventoryReported', '2025-04-15', { party: 'PER', year: 2022, emissions: 60000000 }],
    ['InventoryReported', '2025-04-15', { party: 'PER', year: 2023, emissions: 60000000 }],
  );

const isItmo = (context: Parameters<typeof read>[0]) => read(context, 'unit.type') === 'ITMO';

/** rulebook bilateral: 5% SOP to adaptation_fund and 2% OMGE rounded up (cancelled) at issuance of ITMOs. */
export const bilateral = () =>
  testRulebook({
    name: 'bilateral',
    options: { 'adjustment.single_year': 'party_method' },
    levies: [
      { name: 'sop', percent: '5', on: 'issuance', where: isItmo, to: 'adaptation_fund' },
      { name: 'omge', percent: '2', rounding: 'up', on: 'issuance', where: isItmo },
    ],
  });
