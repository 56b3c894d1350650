export * from './ast/index.ts';
export * from './diagnostics/index.ts';
export * from './options/index.ts';
export * from './compile/compiled-rulebook.ts';
