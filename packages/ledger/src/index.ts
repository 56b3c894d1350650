// The ledger's browser-safe face: no Node built-in and no driver, transitively (test/boundaries checks
// it). The pipeline in order: events → state → engine → accounting → report → compare / explain / witness / aef.
// Node-only parts have their own entries: `@a6/ledger/node` (history files), `@a6/ledger/store` (the
// port, the memory store, `openStore`) and `@a6/ledger/store/sqlite|postgres|kurrentdb`, and
// `@a6/ledger/aef-xlsx` (the AEF workbook, exceljs).
export * from './events/index.ts';
export * from './state/index.ts';
export * from './engine/index.ts';
export * from './accounting/index.ts';
export * from './report/index.ts';
export * from './compare/index.ts';
export * from './explain/index.ts';
export * from './witness/index.ts';
export * from './report-html/index.ts';
export * from './renderings/index.ts';
export * from './gen/index.ts';
export * from './a62/index.ts';
export * from './aef/index.ts';
