// The AEF (annual Article 6.2 information, docs/aef.md): pure and browser-safe; the workbook writer is Node-only (`../aef-xlsx/`).
export {
  AEF_COLUMNS,
  AEF_REPORT_FORMAT,
  AEF_TABLES,
  AEF_TABLE_TITLES,
  unitsOf,
  type AefActionRow,
  type AefActionType,
  type AefAuthorizationRow,
  type AefCell,
  type AefEntityRow,
  type AefFirstTransferredRange,
  type AefHoldingRow,
  type AefReconciliation,
  type AefReport,
  type AefSubmissionRow,
  type AefSummaryFigures,
  type AefTableName,
  type AefTables,
  type AefWarning,
} from './aef-report.ts';
export { buildAefReport, buildAefReportSync, type AefError, type AefErrorCode, type AefQuery, type AefResult } from './build-aef-report.ts';
export { aefActions, custodianOf, hostOf, type AefAction } from './aef-actions.ts';
export { aefHoldings } from './aef-holdings.ts';
export { aefWarnings } from './aef-warnings.ts';
export { aefCsvTables } from './aef-csv.ts';
export { renderAefJson } from './aef-json.ts';
export { checkAef, type AefCheckCode, type AefFinding } from './check-aef.ts';
