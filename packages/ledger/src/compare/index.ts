export * from './compare-report.ts';
export * from './compare.ts';
export * from './rulebook-keys.ts';
export * from './compare-table.ts';
export * from './compare-csv.ts';
export * from './text-columns.ts';
export * from './recorded-verdicts.ts';
export * from './verify-recorded-verdicts.ts';
