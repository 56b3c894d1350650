export * from './events/index.ts';
export * from './cli/index.ts';
