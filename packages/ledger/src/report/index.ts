export { buildReplayReport } from './replay-report.ts';
export type { ReplayReport, ReportEntry } from './replay-report.ts';
export { renderReportTable } from './report-table.ts';
export { renderSummaryCsv } from './summary-csv.ts';
export { csvCell } from './csv-cell.ts';
