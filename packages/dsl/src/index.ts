// The browser-safe face of the language: nothing here imports node:*. Node-only pieces (a file-system
// source host) are under the `@a6/dsl/node` entry.
export * from './ast/index.ts';
export * from './diagnostics/index.ts';
export * from './options/index.ts';
export * from './parse/index.ts';
export * from './check/index.ts';
export * from './compile/index.ts';
export * from './program/index.ts';
export * from './format/index.ts';
export * from './service/index.ts';
export * from './diff/index.ts';
