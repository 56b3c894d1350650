export * from './types.ts';
export * from './context-schema.ts';
export * from './builtin-functions.ts';
export * from './suggest-names.ts';
export * from './resolved-model.ts';
export * from './check-program.ts';
