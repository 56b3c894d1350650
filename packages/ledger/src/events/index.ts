export * from './types.ts';
export * from './canonical-json.ts';
