export * from './unit-ranges.ts';
export * from './ledger-state.ts';
