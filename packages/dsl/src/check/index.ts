export { typeToString, isCompatible, type StaticType, type RecordKind } from './types.ts';
export * from './context-schema.ts';
export * from './builtin-functions.ts';
export { suggestNames, editDistance, didYouMean } from './suggest-names.ts';
export * from './resolved-model.ts';
export * from './check-program.ts';
