// The ledger's public face (Node-only: the store pulls in better-sqlite3). The pipeline in order:
// events → store → state → engine → accounting → report → compare / explain / aef → cli.
export * from './events/index.ts';
export * from './store/index.ts';
export * from './state/index.ts';
export * from './engine/index.ts';
export * from './accounting/index.ts';
export * from './report/index.ts';
export * from './compare/index.ts';
export * from './explain/index.ts';
export * from './report-html/index.ts';
export * from './aef/index.ts';
export * from './aef-xlsx/index.ts';
export * from './cli/index.ts';
