export * from './compare-report.ts';
export * from './compare.ts';
export * from './rulebook-keys.ts';
export * from './chain-head.ts';
