export * from './cli-io.ts';
export * from './program.ts';
