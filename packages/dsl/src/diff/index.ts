export { diffRulebooks, type DiffSide } from './diff-rulebooks.ts';
export { normalExpr, normalCheck, normalMessage, type LetTable } from './normal-form.ts';
export { optionReach, triggerReach, type ChangeReach, type OptionReach } from './change-reach.ts';
export { renderRulebookDiffText, differenceLines, changeSummary, levyText, ruleSource } from './render-diff-text.ts';
export {
  DIFF_FORMAT,
  type CheckView,
  type DeclaredAt,
  type DiffRulebook,
  type DiffSideName,
  type LevyAspect,
  type LevyDifference,
  type LevyOrderDifference,
  type LevyView,
  type MemberChange,
  type OptionDifference,
  type OptionSide,
  type RuleAspect,
  type RuleDifference,
  type RuleView,
  type RulebookDiff,
  type RulebookDifference,
} from './rulebook-diff.ts';
