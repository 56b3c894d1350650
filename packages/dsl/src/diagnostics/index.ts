export { makeDiagnostic, formatDiagnostic, DIAGNOSTIC_CODES, LineIndex } from './diagnostic.ts';
export type { DiagnosticCode, Severity, LineColumn, DiagnosticData, Diagnostic } from './diagnostic.ts';
