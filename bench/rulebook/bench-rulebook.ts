/**
 * A realistic large rulebook for the check benchmark: a negotiated variant that imports and extends
 * Glasgow (`import "glasgow-2021.a6"`, `extends glasgow_2021`), written the way the example rulebooks
 * are (a comment citing the clause, then the member), cycling through the shapes real variants use:
 * constant and context lets, rules with `where`, several `require`/`expect` with interpolated `else`
 * messages, built-in calls, `in` lists, and levies on every unit trigger. Every let is used and the
 * levies of each trigger stay far below 100%, so the file checks without errors or warnings.
 */
export const BENCH_RULEBOOK_NAME = 'negotiated_variant';

const SECTORS = ['energy', 'transport', 'waste', 'agriculture', 'forestry', 'cookstoves', 'industry', 'buildings'] as const;
const PARTIES = ['CHE', 'SGP', 'JPN', 'SWE', 'NOR', 'KOR', 'GHA', 'PER', 'THA', 'GUY'] as const;
const UNIT_LEVY_TRIGGERS = ['issuance', 'transfer', 'international_transfer', 'use', 'cancellation', 'first_transfer'] as const;

type ClauseWriter = (index: number) => readonly string[];

const pick = <T>(items: readonly T[], index: number): T => items[index % items.length]!;

const CLAUSES: readonly ClauseWriter[] = [
  (i) => [
    `  // Clause ${i}: a vintage floor for first transfers from the ${pick(SECTORS, i)} sector.`,
    `  let vintage_floor_${i} = ${2021 + (i % 4)}`,
    `  rule vintage_floor_rule_${i} "vintage floor for ${pick(SECTORS, i)} (${i})" on first_transfer`,
    `      where activity.sector == "${pick(SECTORS, i)}" and unit.type == "ITMO" {`,
    `    require unit.vintage >= vintage_floor_${i}`,
    `      else "{unit.serial} has vintage {unit.vintage}; clause ${i} needs {vintage_floor_${i}} or later"`,
    `    expect activity.in_ndc else "{activity.id} lies outside {activity.host}'s NDC coverage"`,
    '  }',
  ],
  (i) => [
    `  // Clause ${i}: ITMOs used toward an NDC are vintages of its period, banked at most a few years.`,
    `  let banking_years_${i} = ${2 + (i % 5)}`,
    `  rule use_in_period_${i} "NDC use within the period (${i})" on use`,
    `      where event.purpose == "NDC" and unit.vintage >= ${2015 + (i % 8)} {`,
    `    require unit.vintage >= party(event.by).ndc.from and unit.vintage <= party(event.by).ndc.to`,
    `      else "{unit.serial} (vintage {unit.vintage}) lies outside {event.by}'s NDC period"`,
    `    require event.year - unit.vintage <= banking_years_${i}`,
    `      else "{unit.serial} used in {event.year}: banked over {banking_years_${i}} years"`,
    '  }',
  ],
  (i) => [
    `  // Clause ${i}: large international transfers from ${pick(PARTIES, i)} stay within what it holds.`,
    `  rule transfer_cap_${i} "transfer cap for ${pick(PARTIES, i)} (${i})" on international_transfer`,
    `      where unit.itmo and event.from.party in ["${pick(PARTIES, i)}", "${pick(PARTIES, i + 3)}"] {`,
    `    require event.quantity <= max(${(i % 9) + 1}_000_000, holdings(event.from.party))`,
    `      else "{event.quantity} units from {event.from.id} exceed clause ${i}'s cap"`,
    `    expect event.to.party != event.from.party else "{event.to.id} and {event.from.id} belong to one Party"`,
    '  }',
  ],
  (i) => [
    `  // Clause ${i}: authorizations for ${pick(SECTORS, i + 1)} start in 2021 or later and name a cap.`,
    `  rule authorization_scope_${i} "authorization scope for ${pick(SECTORS, i + 1)} (${i})" on authorization`,
    `      where activity != none and activity.sector == "${pick(SECTORS, i + 1)}" {`,
    `    require authorization.vintage_from == none or authorization.vintage_from >= 2021`,
    `      else "authorization {authorization.id} covers vintages before 2021"`,
    `    expect authorization.cap != none and authorization.cap <= ${(i % 7) + 1}_000_000`,
    `      else "authorization {authorization.id} has no cap or a cap above clause ${i}'s"`,
    '  }',
  ],
  (i) => [
    `  // Clause ${i}: a share of proceeds for fund ${i} and a small OMGE at use.`,
    `  levy fund_share_${i} 0.1% on ${pick(UNIT_LEVY_TRIGGERS, i)} where unit.vintage >= ${2021 + (i % 5)} to fund_${i}`,
    `  levy omge_at_use_${i} 0.05% rounded up on ${pick(UNIT_LEVY_TRIGGERS, i + 2)} where unit.itmo cancel`,
  ],
  (i) => [
    `  // Clause ${i}: hosts report an inventory before their units are used, and the use year is recent.`,
    `  let host_ndc_${i} = party(unit.host).ndc`,
    `  rule host_reported_${i} "host inventory before use (${i})" on use where unit.itmo {`,
    `    expect inventory(unit.host, event.year - ${1 + (i % 2)}) != none`,
    `      else "{unit.host} reported no inventory for {event.year} before {unit.serial} was used"`,
    `    require host_ndc_${i} != none and year(event.at) >= host_ndc_${i}.from`,
    `      else "{unit.host} has no NDC in force when {unit.serial} is used"`,
    '  }',
  ],
  (i) => [
    `  // Clause ${i}: CDM transitions of ${pick(SECTORS, i + 2)} activities need host approval in time.`,
    `  rule transition_${i} "CDM transition for ${pick(SECTORS, i + 2)} (${i})" on transition`,
    `      where activity.sector == "${pick(SECTORS, i + 2)}" {`,
    `    require event.host_approved_on != none and event.host_approved_on <= 2026-06-30`,
    `      else "{activity.id}: host approval missing or after 30 June 2026"`,
    `    expect len(activity.approvals) >= ${i % 3} else "{activity.id} has {len(activity.approvals)} approvals"`,
    '  }',
  ],
  (i) => [
    `  // Clause ${i}: cancellations name a reason the registry knows.`,
    `  rule cancellation_reason_${i} "known cancellation reasons (${i})" on cancellation`,
    `      where unit.type in ["ITMO", "A6.4ER", "CER"] and event.quantity > ${i % 4} {`,
    `    expect event.reason in ["voluntary", "omge", "oimp", "administrative"]`,
    `      else "{unit.serial} cancelled for {event.reason}"`,
    '  }',
  ],
];

/**
 * A rulebook file of at least `targetLines` lines (the closing brace is the last one). The header sets
 * a few options; clauses follow, separated by blank lines, until the target is reached.
 */
export function generateBenchRulebook(targetLines = 1_000): string {
  const lines = [
    '// Generated for the check benchmark: a negotiated variant of Glasgow, about a thousand lines long.',
    'import "glasgow-2021.a6"',
    '',
    `rulebook ${BENCH_RULEBOOK_NAME} extends glasgow_2021 "a long negotiated variant" {`,
    '  cite "Generated clauses in the style of the seed paper options"',
    '  option adjustment.transferor = on_first_transfer',
    '  option adjustment.single_year = averaging',
    '  option a64.itmo = on_first_transfer',
  ];
  for (let i = 0; lines.length < targetLines - 1; i++) lines.push('', ...pick(CLAUSES, i)(i));
  lines.push('}');
  return lines.join('\n') + '\n';
}
