import type { CheckDecl, Rounding, Trigger } from '../ast/ast.ts';
import type { OptionName } from '../options/options.ts';
import type { ChangeReach, OptionReach } from './change-reach.ts';

/**
 * The structural difference of two resolved rulebooks A and B (the `differences` of `a6.diff/1`,
 * docs/negotiators.md "What two rulebooks differ in"). Plain JSON-friendly data; keys are snake_case
 * like every report. Each entry names what differs, shows both sides as written, says whether any
 * history can show it (`observable`) and which triggers and events it can affect.
 */
export const DIFF_FORMAT = 'a6.diff/1';

export type DiffSideName = 'a' | 'b';

/** Where a member or option is declared: the host's path, 1-based line and column, the declaring rulebook. */
export interface DeclaredAt {
  readonly file: string;
  readonly line: number;
  readonly col: number;
  readonly rulebook: string;
}

/** One of the two rulebooks, as the header of the diff shows it (names, titles and cites never count as differences). */
export interface DiffRulebook {
  readonly side: DiffSideName;
  readonly name: string;
  readonly title: string | null;
  /** The declaring file, as the host names it. */
  readonly file: string;
  /** sha256 of the declaring file's exact bytes. */
  readonly sha256: string;
  /** Every file the declaring file imports, transitively, as the host names it → sha256. */
  readonly imports: Readonly<Record<string, string>>;
  /** The rulebook and its ancestors, nearest first (`extends`). */
  readonly lineage: readonly string[];
  readonly cites: readonly string[];
}

export interface OptionSide {
  readonly value: string;
  /** The value is the option's default (declared or not). */
  readonly default: boolean;
  /** What the value means (the option's documentation, as hovers show it). */
  readonly meaning: string;
  /** `null` when the value is the default and nothing declares it. */
  readonly declared: DeclaredAt | null;
}

export interface OptionDifference {
  readonly kind: 'option';
  readonly option: OptionName;
  /** The seed paper's item (docs/domain.md §1) the option expresses, e.g. `3(c)`; `null` for none. */
  readonly seed: string | null;
  /** The seed paper item in a line; `null` for none. */
  readonly seed_item: string | null;
  /** The option's documentation with the decision paragraph it implements (2/CMA.3 annex para …). */
  readonly decision: string;
  readonly a: OptionSide;
  readonly b: OptionSide;
  readonly observable: true;
  readonly affects: OptionReach;
}

export type MemberChange = 'added' | 'removed' | 'changed' | 'renamed';

export interface LevyView {
  readonly name: string;
  /** The percent as written (`2%`, `2.5%`). */
  readonly rate: string;
  /** The rounding in force (`down` when the source says nothing). */
  readonly rounding: Rounding;
  readonly trigger: Trigger;
  /** The `where` condition on one line, `null` without one. */
  readonly where: string | null;
  /** `LEVY:NAME` or `cancel`. */
  readonly destination: string;
  readonly declared: DeclaredAt;
}

export type LevyAspect = 'rate' | 'rounding' | 'trigger' | 'where' | 'destination';

export interface LevyDifference {
  readonly kind: 'levy';
  readonly change: MemberChange;
  /** B's name (A's for a removed levy). */
  readonly name: string;
  /** For `changed`: what differs (empty for the other changes). */
  readonly aspects: readonly LevyAspect[];
  readonly a: LevyView | null;
  readonly b: LevyView | null;
  readonly observable: true;
  readonly affects: ChangeReach;
}

/** Levies of one trigger take their units from the low end of each range in declaration order (docs/language.md "`levy`"). */
export interface LevyOrderDifference {
  readonly kind: 'levy_order';
  readonly trigger: Trigger;
  /** The levies both rulebooks have at this trigger, in each one's order. */
  readonly a: readonly string[];
  readonly b: readonly string[];
  readonly observable: true;
  readonly affects: ChangeReach;
}

export interface CheckView {
  readonly mode: CheckDecl['mode'];
  readonly condition: string;
  /** The `else` string as written (quotes included), `null` without one. */
  readonly message: string | null;
}

export interface RuleView {
  readonly name: string;
  readonly title: string | null;
  readonly triggers: readonly Trigger[];
  readonly where: string | null;
  readonly checks: readonly CheckView[];
  readonly declared: DeclaredAt;
}

/**
 * `triggers`, `where`, `checks` (mode or condition of any check, or their number and order) change
 * verdicts; `messages` (an `else` text) and `title` change only what reports say.
 */
export type RuleAspect = 'triggers' | 'where' | 'checks' | 'messages' | 'title';

export interface RuleDifference {
  readonly kind: 'rule';
  readonly change: MemberChange;
  /** B's name (A's for a removed rule). */
  readonly name: string;
  readonly aspects: readonly RuleAspect[];
  readonly a: RuleView | null;
  readonly b: RuleView | null;
  /**
   * False when only messages or the title differ: no verdict, levy, holding or summary field can
   * change, so no history can show it and no witness is searched for it.
   */
  readonly observable: boolean;
  readonly affects: ChangeReach;
}

export type RulebookDifference = OptionDifference | LevyDifference | LevyOrderDifference | RuleDifference;

export interface RulebookDiff {
  readonly rulebooks: readonly [DiffRulebook, DiffRulebook];
  /** Options (docs/language.md's table order), then levies, levy order, then rules; empty when A and B resolve alike. */
  readonly differences: readonly RulebookDifference[];
}
