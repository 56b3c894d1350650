import { defaultOptions } from '@a6/dsl';

/**
 * The rulebook's accounting elections (docs/language.md "Options"), read once into typed fields so the hot path
 * never looks an option up by name. Unknown values cannot reach here: the checker rejects them
 * (`dsl.bad_option_value`); a missing option takes its default.
 */
export interface AccountingElections {
  readonly firstTransferNdc: 'international_transfer' | 'authorization' | 'issuance';
  readonly firstTransferOimp: 'per_authorization' | 'authorization' | 'issuance' | 'use';
  readonly object: 'emissions_balance' | 'ndc_target';
  readonly transferor: 'on_first_transfer' | 'on_transfer' | 'on_use';
  readonly acquirer: 'on_use' | 'on_acquisition';
  readonly singleYear: 'party_method' | 'trajectory' | 'averaging' | 'vintage_match' | 'cumulative';
  readonly outsideNdc: 'adjust' | 'exempt';
  readonly averagingWindow: 'elapsed' | 'period';
  readonly a64Itmo: 'on_first_transfer' | 'on_second_transfer' | 'separate';
}

export function accountingElections(options: Readonly<Record<string, string>>): AccountingElections {
  const all: Record<string, string> = { ...defaultOptions(), ...options };
  return {
    firstTransferNdc: all['first_transfer.ndc'] as AccountingElections['firstTransferNdc'],
    firstTransferOimp: all['first_transfer.oimp'] as AccountingElections['firstTransferOimp'],
    object: all['adjustment.object'] as AccountingElections['object'],
    transferor: all['adjustment.transferor'] as AccountingElections['transferor'],
    acquirer: all['adjustment.acquirer'] as AccountingElections['acquirer'],
    singleYear: all['adjustment.single_year'] as AccountingElections['singleYear'],
    outsideNdc: all['adjustment.outside_ndc'] as AccountingElections['outsideNdc'],
    averagingWindow: all['adjustment.averaging_window'] as AccountingElections['averagingWindow'],
    a64Itmo: all['a64.itmo'] as AccountingElections['a64Itmo'],
  };
}
