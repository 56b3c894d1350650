import { TRIGGERS, type LevyDecl, type RuleDecl, type Span } from '../ast/ast.ts';
import type { EffectiveMember, ResolvedRulebook } from '../check/resolved-model.ts';
import { transitiveImports } from '../compile/compile-rulebook.ts';
import { exactRate } from '../compile/exact-rate.ts';
import { printExpr } from '../format/print-expr.ts';
import { OPTION_SPECS, type OptionName } from '../options/options.ts';
import type { ProgramFile } from '../program/load-program.ts';
import { SEED_ITEMS } from '../service/language-docs.ts';
import { optionReach, triggerReach } from './change-reach.ts';
import { normalCheck, normalExpr, normalMessage, type LetTable } from './normal-form.ts';
import type {
  DeclaredAt,
  DiffRulebook,
  DiffSideName,
  LevyAspect,
  LevyDifference,
  LevyOrderDifference,
  LevyView,
  OptionDifference,
  OptionSide,
  RuleAspect,
  RuleDifference,
  RuleView,
  RulebookDiff,
  RulebookDifference,
} from './rulebook-diff.ts';

/** One side of a diff: a resolved rulebook of a checked program without errors, and that program's files. */
export interface DiffSide {
  readonly rulebook: ResolvedRulebook;
  readonly files: ReadonlyMap<string, ProgramFile>;
}

/**
 * The structural diff of two rulebooks, each resolved after `extends`, `import` and `remove`
 * (docs/negotiators.md "What two rulebooks differ in"). Options are compared by value, levies and
 * rules by name and by the normal form of what they evaluate (normal-form.ts), so layout, comments,
 * the rulebooks' own names, titles and cites, and the names of lets never count. A removed member and
 * an added one with the same normal form are one `renamed` difference (their codes and levy names
 * differ, so verdicts and levies do). The order of rules is not a difference: a rule's verdict does
 * not depend on the others, and compare compares the set of codes (docs/reports.md "The compare report").
 */
export function diffRulebooks(a: DiffSide, b: DiffSide): RulebookDiff {
  const differences: RulebookDifference[] = [...optionDifferences(a, b), ...levyDifferences(a, b), ...levyOrderDifferences(a, b), ...ruleDifferences(a, b)];
  return { rulebooks: [describeRulebook('a', a), describeRulebook('b', b)], differences };
}

function describeRulebook(side: DiffSideName, { rulebook, files }: DiffSide): DiffRulebook {
  const declaring = fileOf(files, rulebook.file);
  const imports: Record<string, string> = {};
  for (const path of transitiveImports(declaring, files)) imports[path] = fileOf(files, path).sha256;
  const lineage: string[] = [];
  for (let current: ResolvedRulebook | null = rulebook; current !== null; current = current.parent) lineage.push(current.name);
  return { side, name: rulebook.name, title: rulebook.decl.title?.value ?? null, file: rulebook.file, sha256: declaring.sha256, imports, lineage, cites: rulebook.cites };
}

function fileOf(files: ReadonlyMap<string, ProgramFile>, path: string): ProgramFile {
  const file = files.get(path);
  if (file === undefined) throw new Error(`diffRulebooks: file '${path}' is not part of the program`);
  return file;
}

function declaredAt(side: DiffSide, file: string, rulebook: string, span: Span): DeclaredAt {
  const { line, column } = fileOf(side.files, file).lines.position(span.start);
  return { file, line, col: column, rulebook };
}

// ——— Options ———

function optionDifferences(a: DiffSide, b: DiffSide): OptionDifference[] {
  const found: OptionDifference[] = [];
  for (const spec of OPTION_SPECS) {
    const name = spec.name as OptionName;
    const left = optionSide(a, name);
    const right = optionSide(b, name);
    if (left.value === right.value) continue;
    found.push({
      kind: 'option',
      option: name,
      seed: spec.seed,
      seed_item: spec.seed === null ? null : (SEED_ITEMS[spec.seed] ?? null),
      decision: spec.doc,
      a: left,
      b: right,
      observable: true,
      affects: optionReach(name),
    });
  }
  return found;
}

function optionSide(side: DiffSide, name: OptionName): OptionSide {
  const option = side.rulebook.options.get(name);
  const spec = OPTION_SPECS.find((candidate) => candidate.name === name)!;
  const value = option?.value ?? spec.values[0]!;
  const declared = option?.decl && option.file !== null && option.rulebook !== null ? declaredAt(side, option.file, option.rulebook, option.decl.span) : null;
  return { value, default: value === spec.values[0], meaning: spec.valueDocs[value] ?? '', declared };
}

// ——— Levies ———

interface LevyForm {
  readonly member: EffectiveMember<LevyDecl>;
  readonly view: LevyView;
  readonly parts: Readonly<Record<LevyAspect, string>>;
}

function levyForm(side: DiffSide, member: EffectiveMember<LevyDecl>): LevyForm {
  const { decl } = member;
  const text = fileOf(side.files, member.file).text;
  const lets = side.rulebook.lets;
  const rounding = decl.rounding?.mode ?? 'down';
  const destination = decl.destination.kind === 'cancel' ? 'cancel' : `LEVY:${decl.destination.account.name}`;
  const view: LevyView = {
    name: member.name,
    rate: text.slice(decl.rate.span.start, decl.rate.span.end),
    rounding,
    trigger: decl.trigger.name,
    where: decl.where === null ? null : printExpr(decl.where, text),
    destination,
    declared: declaredAt(side, member.file, member.rulebook, decl.span),
  };
  const parts: Record<LevyAspect, string> = {
    rate: rateForm(decl.rate.text),
    rounding,
    trigger: decl.trigger.name,
    where: decl.where === null ? 'true' : normalExpr(decl.where, lets),
    destination,
  };
  return { member, view, parts };
}

/** A levy rate as a reduced fraction, so `2%` and `2.0%` are one rate (levies compute exactly, docs/language.md "`levy`"). */
function rateForm(text: string): string {
  const { numerator, denominator } = exactRate(text);
  const divisor = gcd(numerator, denominator);
  return `${numerator / divisor}/${denominator / divisor}`;
}

function gcd(x: bigint, y: bigint): bigint {
  let [p, q] = [x < 0n ? -x : x, y];
  while (q !== 0n) [p, q] = [q, p % q];
  return p === 0n ? 1n : p;
}

const LEVY_ASPECTS: readonly LevyAspect[] = ['rate', 'rounding', 'trigger', 'where', 'destination'];

function levyDifferences(a: DiffSide, b: DiffSide): LevyDifference[] {
  const left = a.rulebook.levies.map((member) => levyForm(a, member));
  const right = b.rulebook.levies.map((member) => levyForm(b, member));
  const body = (form: LevyForm): string => LEVY_ASPECTS.map((aspect) => form.parts[aspect]).join('|');
  const reach = (...forms: (LevyForm | null)[]) => triggerReach(forms.flatMap((form) => (form === null ? [] : [form.view.trigger])));
  return matchMembers(left, right, (form) => form.member.name, body).map(({ change, a: from, b: to }): LevyDifference => {
    const aspects = change === 'changed' ? LEVY_ASPECTS.filter((aspect) => from!.parts[aspect] !== to!.parts[aspect]) : [];
    return { kind: 'levy', change, name: (to ?? from)!.member.name, aspects, a: from?.view ?? null, b: to?.view ?? null, observable: true, affects: reach(from, to) };
  });
}

function levyOrderDifferences(a: DiffSide, b: DiffSide): LevyOrderDifference[] {
  const found: LevyOrderDifference[] = [];
  for (const trigger of TRIGGERS) {
    const at = (side: DiffSide) => side.rulebook.levies.filter((member) => member.decl.trigger.name === trigger).map((member) => member.name);
    const leftNames = at(a);
    const rightNames = at(b);
    const shared = new Set(leftNames.filter((name) => rightNames.includes(name)));
    const left = leftNames.filter((name) => shared.has(name));
    const right = rightNames.filter((name) => shared.has(name));
    if (left.every((name, index) => name === right[index])) continue;
    found.push({ kind: 'levy_order', trigger, a: left, b: right, observable: true, affects: triggerReach([trigger]) });
  }
  return found;
}

// ——— Rules ———

interface RuleForm {
  readonly member: EffectiveMember<RuleDecl>;
  readonly view: RuleView;
  readonly parts: Readonly<Record<RuleAspect, string>>;
}

function ruleForm(side: DiffSide, member: EffectiveMember<RuleDecl>): RuleForm {
  const { decl } = member;
  const text = fileOf(side.files, member.file).text;
  const lets: LetTable = side.rulebook.lets;
  // `on a, b` and `on b, a, a` run the rule at the same triggers.
  const triggers = TRIGGERS.filter((trigger) => decl.triggers.some((ref) => ref.name === trigger));
  const view: RuleView = {
    name: member.name,
    title: decl.title?.value ?? null,
    triggers,
    where: decl.where === null ? null : printExpr(decl.where, text),
    checks: decl.checks.map((check) => ({ mode: check.mode, condition: printExpr(check.condition, text), message: check.message?.raw ?? null })),
    declared: declaredAt(side, member.file, member.rulebook, decl.span),
  };
  const parts: Record<RuleAspect, string> = {
    triggers: triggers.join(','),
    where: decl.where === null ? 'true' : normalExpr(decl.where, lets),
    checks: decl.checks.map((check) => normalCheck(check, lets)).join(' '),
    messages: decl.checks.map((check) => normalMessage(check.message, lets)).join(' '),
    title: JSON.stringify(view.title),
  };
  return { member, view, parts };
}

const RULE_ASPECTS: readonly RuleAspect[] = ['triggers', 'where', 'checks', 'messages', 'title'];
const VERDICT_ASPECTS: ReadonlySet<RuleAspect> = new Set(['triggers', 'where', 'checks']);

function ruleDifferences(a: DiffSide, b: DiffSide): RuleDifference[] {
  const left = a.rulebook.rules.map((member) => ruleForm(a, member));
  const right = b.rulebook.rules.map((member) => ruleForm(b, member));
  // A rename keeps what the rule decides and says; only its name (its code) changes.
  const body = (form: RuleForm): string => RULE_ASPECTS.map((aspect) => form.parts[aspect]).join('|');
  return matchMembers(left, right, (form) => form.member.name, body).map(({ change, a: from, b: to }): RuleDifference => {
    const aspects = change === 'changed' ? RULE_ASPECTS.filter((aspect) => from!.parts[aspect] !== to!.parts[aspect]) : [];
    const observable = change !== 'changed' || aspects.some((aspect) => VERDICT_ASPECTS.has(aspect));
    const affects = triggerReach([...(from?.view.triggers ?? []), ...(to?.view.triggers ?? [])]);
    return { kind: 'rule', change, name: (to ?? from)!.member.name, aspects, a: from?.view ?? null, b: to?.view ?? null, observable, affects };
  });
}

// ——— Matching members by name, then renames by body ———

interface Match<F> {
  readonly change: 'added' | 'removed' | 'changed' | 'renamed';
  readonly a: F | null;
  readonly b: F | null;
}

/**
 * Pairs members by name; of the rest, a member only A has and one only B has with the same body are a
 * rename. Order: A's members in A's order (a rename where A had it), then B's additions in B's order.
 */
function matchMembers<F>(left: readonly F[], right: readonly F[], nameOf: (form: F) => string, bodyOf: (form: F) => string): Match<F>[] {
  const rightByName = new Map(right.map((form) => [nameOf(form), form]));
  const leftNames = new Set(left.map(nameOf));
  const added = right.filter((form) => !leftNames.has(nameOf(form)));
  const renamedTo = new Set<F>();
  const matches: Match<F>[] = [];
  for (const form of left) {
    const other = rightByName.get(nameOf(form));
    if (other !== undefined) {
      if (bodyOf(form) !== bodyOf(other)) matches.push({ change: 'changed', a: form, b: other });
      continue;
    }
    const twin = added.find((candidate) => !renamedTo.has(candidate) && bodyOf(candidate) === bodyOf(form));
    if (twin !== undefined) {
      renamedTo.add(twin);
      matches.push({ change: 'renamed', a: form, b: twin });
    } else matches.push({ change: 'removed', a: form, b: null });
  }
  for (const form of added) if (!renamedTo.has(form)) matches.push({ change: 'added', a: null, b: form });
  return matches;
}
