export * from './replay-report.ts';
export * from './report-table.ts';
export * from './summary-csv.ts';
export { csvCell } from './csv-cell.ts';
