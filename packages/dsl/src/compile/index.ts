export { DateValue, RecordValue } from './compiled-rulebook.ts';
export type {
  Value, JsonValue, RootName, EvalContext, SourceLocation, CheckFailure, CompiledRule, ExactRate,
  CompiledLevy, CompiledRulebook,
} from './compiled-rulebook.ts';
export { ExpressionCompiler, type Evaluator, type LetBinding } from './compile-expression.ts';
export { EvalScope, type RecordedValue } from './eval-scope.ts';
export { Stuck, isStuck } from './stuck.ts';
export { exactRate, levyAmount, ratesExceedWhole } from './exact-rate.ts';
export { valuesEqual, toJsonValue, renderValue } from './runtime-values.ts';
export { compileRulebook } from './compile-rulebook.ts';
export { loadRulebook, type LoadRulebookResult } from './load-rulebook.ts';
