import type { ChangeReach, OptionReach } from './change-reach.ts';
import type {
  DeclaredAt,
  DiffRulebook,
  LevyDifference,
  LevyOrderDifference,
  LevyView,
  OptionDifference,
  RuleDifference,
  RuleView,
  RulebookDiff,
  RulebookDifference,
} from './rulebook-diff.ts';

/**
 * The structural diff for a terminal (`a6 diff`, text by default): the two rulebooks, then every
 * difference with both sides as written and where each is declared, the decision paragraph of a
 * changed option, and what each change can affect. Plain text, so it pastes into a negotiation note.
 */
export function renderRulebookDiffText(diff: RulebookDiff): string {
  const out: string[] = [];
  const [a, b] = diff.rulebooks;
  out.push(...rulebookLines(a), ...rulebookLines(b));
  out.push('', `Differences (${diff.differences.length})`);
  if (diff.differences.length === 0) {
    out.push(
      '  none: A and B resolve to the same rulebook (options, levies and rules after extends, import and',
      '  remove; layout, comments, the rulebooks’ names, titles and cites, and the names of lets do not count)',
    );
  }
  for (const difference of diff.differences) out.push(...differenceLines(difference));
  return out.join('\n') + '\n';
}

function rulebookLines(rulebook: DiffRulebook): string[] {
  const parents = rulebook.lineage.length > 1 ? ` extends ${rulebook.lineage.slice(1).join(' ← ')}` : '';
  const title = rulebook.title === null ? '' : `  “${rulebook.title}”`;
  return [`${rulebook.side.toUpperCase()}  ${rulebook.name}${parents}${title}`, `   ${rulebook.file}, sha256 ${rulebook.sha256.slice(0, 12)}…`];
}

export function differenceLines(difference: RulebookDifference): string[] {
  switch (difference.kind) {
    case 'option':
      return optionLines(difference);
    case 'levy':
      return levyLines(difference);
    case 'levy_order':
      return levyOrderLines(difference);
    case 'rule':
      return ruleLines(difference);
  }
}

function optionLines(difference: OptionDifference): string[] {
  const seed = difference.seed === null ? '' : ` — seed paper ${difference.seed}`;
  const out = [`  option ${difference.option}${seed}`, `    ${difference.decision}`];
  if (difference.seed_item !== null) out.push(`    Seed paper ${difference.seed}: ${difference.seed_item}`);
  const sides = [difference.a, difference.b];
  const labels = sides.map((side) => `${side.value}${side.default ? ' (default)' : ''}`);
  const width = Math.max(...labels.map((label) => label.length));
  sides.forEach((side, index) => {
    out.push(`    ${index === 0 ? 'A' : 'B'}  ${labels[index]!.padEnd(width)}  ${side.meaning}`);
    if (side.declared !== null) out.push(`    ${' '.repeat(width + 3)}  set in ${declaredText(side.declared)}`);
  });
  out.push(...reachLines(difference.affects));
  return out;
}

function levyLines(difference: LevyDifference): string[] {
  const out = [`  levy ${difference.name} — ${changeSummary(difference)}`];
  if (difference.a !== null) out.push(`    A  ${levyText(difference.a)}`, `       in ${declaredText(difference.a.declared)}`);
  if (difference.b !== null) out.push(`    B  ${levyText(difference.b)}`, `       in ${declaredText(difference.b.declared)}`);
  out.push(...reachLines(difference.affects));
  return out;
}

/** A levy as one line of source, in the canonical layout (`rounded down`, the default, is left out). */
export function levyText(levy: LevyView): string {
  const rounding = levy.rounding === 'down' ? '' : ` rounded ${levy.rounding}`;
  const where = levy.where === null ? '' : ` where ${levy.where}`;
  const destination = levy.destination === 'cancel' ? 'cancel' : `to ${levy.destination.slice('LEVY:'.length)}`;
  return `levy ${levy.name} ${levy.rate}${rounding} on ${levy.trigger}${where} ${destination}`;
}

function levyOrderLines(difference: LevyOrderDifference): string[] {
  return [
    `  levy order at ${difference.trigger} — levies take their units from the low end in declaration order`,
    `    A  ${difference.a.join(', ')}`,
    `    B  ${difference.b.join(', ')}`,
    ...reachLines(difference.affects),
  ];
}

function ruleLines(difference: RuleDifference): string[] {
  const reportsOnly = difference.observable ? '' : ' (what reports say only: no verdict can change)';
  const out = [`  rule ${difference.name} — ${changeSummary(difference)}${reportsOnly}`];
  for (const [label, rule] of [['A', difference.a], ['B', difference.b]] as const) {
    if (rule === null) continue;
    const [header, ...rest] = ruleSource(rule);
    out.push(`    ${label}  ${header}`, ...rest.map((line) => `       ${line}`), `       in ${declaredText(rule.declared)}`);
  }
  out.push(...reachLines(difference.affects));
  return out;
}

/** A rule as source lines in the canonical layout (docs/language.md grammar), from its view. */
export function ruleSource(rule: RuleView): string[] {
  const title = rule.title === null ? '' : ` ${JSON.stringify(rule.title)}`;
  const where = rule.where === null ? '' : ` where ${rule.where}`;
  const lines = [`rule ${rule.name}${title} on ${rule.triggers.join(', ')}${where} {`];
  for (const check of rule.checks) lines.push(`  ${check.mode} ${check.condition}${check.message === null ? '' : ` else ${check.message}`}`);
  lines.push('}');
  return lines;
}

/** How a levy or rule changed: `added`, `removed`, `renamed from X`, or `changed: ASPECTS`. */
export function changeSummary(difference: LevyDifference | RuleDifference): string {
  if (difference.change === 'changed') return `changed: ${difference.aspects.join(', ')}`;
  if (difference.change === 'renamed') return `renamed from ${difference.a?.name ?? ''}`;
  return difference.change;
}

function declaredText(declared: DeclaredAt): string {
  return `${declared.rulebook}, ${declared.file}:${declared.line}:${declared.col}`;
}

function reachLines(reach: ChangeReach | OptionReach): string[] {
  const parts: string[] = [];
  if (reach.triggers.length > 0) parts.push(`triggers ${reach.triggers.join(', ')}`);
  if (reach.events.length > 0) parts.push(`events ${reach.events.join(', ')}`);
  if ('fields' in reach && reach.fields.length > 0) parts.push(`fields ${reach.fields.join(', ')}`);
  return parts.length === 0 ? [] : [`    affects ${parts.join('; ')}`];
}
