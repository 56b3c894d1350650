export * from './types.ts';
export * from './canonical-json.ts';
export * from './hash-chain.ts';
