export { typeToString, isCompatible, type StaticType, type RecordKind } from './types.ts';
export { findContextField, findContextRoot, CONTEXT_ROOTS, RECORD_FIELDS } from './context-schema.ts';
export type { ContextField, ContextRoot } from './context-schema.ts';
export { findBuiltinFunction, BUILTIN_FUNCTIONS } from './builtin-functions.ts';
export type { BuiltinParameter, BuiltinFunction } from './builtin-functions.ts';
export { suggestNames, didYouMean } from './suggest-names.ts';
export { ResolvedProgram } from './resolved-model.ts';
export type {
  EffectiveMember, EffectiveOption, ResolvedRulebook, SymbolTarget, SymbolReference,
} from './resolved-model.ts';
export { checkProgram } from './check-program.ts';
export type { CheckResult } from './check-program.ts';
