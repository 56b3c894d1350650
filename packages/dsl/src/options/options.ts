/**
 * The engine's accounting elections (docs/language.md, "Options"). The first value of each option is its default.
 * `seed` names the item of the seed paper's option list (docs/domain.md §1) the option expresses.
 */
export interface OptionSpec {
  readonly name: string;
  readonly values: readonly string[];
  readonly seed: string | null;
  readonly doc: string;
  readonly valueDocs: Readonly<Record<string, string>>;
}

export const OPTION_SPECS: readonly OptionSpec[] = [
  {
    name: 'first_transfer.ndc',
    values: ['international_transfer', 'authorization', 'issuance'],
    seed: null,
    doc: 'When units authorized for NDC use are first transferred (Decision 2/CMA.3 annex para 2(b): for NDC use, the first international transfer).',
    valueDocs: {
      international_transfer: 'At the first international transfer (the adopted reading).',
      authorization: 'At authorization (or at issuance, if later).',
      issuance: 'At issuance (or at authorization, if later).',
    },
  },
  {
    name: 'first_transfer.oimp',
    values: ['per_authorization', 'authorization', 'issuance', 'use'],
    seed: null,
    doc: 'When units authorized for other international mitigation purposes are first transferred (2/CMA.3 annex para 2(b): as the authorizing Party specifies).',
    valueDocs: {
      per_authorization: "The authorization's own `firstTransfer` (absent: the first international transfer).",
      authorization: 'At authorization for every OIMP authorization.',
      issuance: 'At issuance for every OIMP authorization.',
      use: 'At use or voluntary cancellation for every OIMP authorization.',
    },
  },
  {
    name: 'adjustment.object',
    values: ['emissions_balance', 'ndc_target'],
    seed: '3(a)',
    doc: 'What the corresponding adjustment is applied to: the emissions balance (adopted, 2/CMA.3 annex para 8) or the NDC target level.',
    valueDocs: {
      emissions_balance: 'Adjust the inventory emissions covered by the NDC (`emissions_balance` = inventory + adjustment).',
      ndc_target: 'Adjust the NDC target level (`adjusted_target` = target − adjustment).',
    },
  },
  {
    name: 'adjustment.transferor',
    values: ['on_first_transfer', 'on_transfer', 'on_use'],
    seed: '3(b)',
    doc: "When the transferring Party adds ITMOs to its adjustment (2/CMA.3 annex para 8(a)).",
    valueDocs: {
      on_first_transfer: 'At first transfer, booked to the vintage year (adopted).',
      on_transfer: 'At first transfer, booked to the year of the first international transfer.',
      on_use: 'When the units are used, booked to the use year.',
    },
  },
  {
    name: 'adjustment.acquirer',
    values: ['on_use', 'on_acquisition'],
    seed: '3(b)',
    doc: 'When the acquiring Party subtracts ITMOs (2/CMA.3 annex para 8(b)).',
    valueDocs: {
      on_use: 'When the Party uses them toward its NDC, booked to the use year (adopted).',
      on_acquisition: 'When an international transfer delivers them; added back when transferred on.',
    },
  },
  {
    name: 'adjustment.single_year',
    values: ['party_method', 'trajectory', 'averaging', 'vintage_match', 'cumulative'],
    seed: '3(c)',
    doc: 'The method for Parties with single-year NDCs (2/CMA.3 annex para 7(a)); multi-year NDCs always use a trajectory.',
    valueDocs: {
      party_method: "Each Party's own `ndc.method` (trajectory when absent).",
      trajectory: 'Annual adjustments against an indicative trajectory (para 7(a)(i)).',
      averaging: 'Cumulative ITMOs divided by elapsed years of the NDC period (para 7(a)(ii)).',
      vintage_match: 'Only ITMOs of the NDC target-year vintage count, booked to the target year.',
      cumulative: 'The whole period sum booked to the target year.',
    },
  },
  {
    name: 'adjustment.outside_ndc',
    values: ['adjust', 'exempt'],
    seed: '3(d)',
    doc: 'Whether ITMOs from activities outside the NDC coverage are adjusted by the transferring Party.',
    valueDocs: {
      adjust: 'Adjust them like any other ITMO.',
      exempt: 'Skip ranges whose activity has `in_ndc = false`.',
    },
  },
  {
    name: 'adjustment.averaging_window',
    values: ['elapsed', 'period'],
    seed: '3(c)',
    doc: 'Which years the averaging method sums over.',
    valueDocs: {
      elapsed: 'Only the elapsed years of the NDC period (ITMOs of later years wait).',
      period: 'The whole NDC period, as the publishers’ CA workbook does.',
    },
  },
  {
    name: 'a64.itmo',
    values: ['on_first_transfer', 'on_second_transfer', 'separate'],
    seed: '5',
    doc: 'Whether and when authorized A6.4ERs become ITMOs (Decision 3/CMA.3 annex).',
    valueDocs: {
      on_first_transfer: 'Authorized A6.4ERs are ITMOs from their first transfer (adopted).',
      on_second_transfer: 'They become ITMOs only at their second international transfer.',
      separate: 'Never ITMOs; reported in `a64_first_transferred` / `a64_used`.',
    },
  },
];

export type OptionName =
  | 'first_transfer.ndc'
  | 'first_transfer.oimp'
  | 'adjustment.object'
  | 'adjustment.transferor'
  | 'adjustment.acquirer'
  | 'adjustment.single_year'
  | 'adjustment.outside_ndc'
  | 'adjustment.averaging_window'
  | 'a64.itmo';

/** Every option with its default value, in table order. */
export function defaultOptions(): Record<OptionName, string> {
  const options = {} as Record<OptionName, string>;
  for (const spec of OPTION_SPECS) options[spec.name as OptionName] = spec.values[0]!;
  return options;
}

export function findOption(name: string): OptionSpec | undefined {
  return OPTION_SPECS.find((spec) => spec.name === name);
}
