export { makeDiagnostic, formatDiagnostic, DIAGNOSTIC_CODES } from './diagnostic.ts';
export { LineIndex } from './line-index.ts';
export type { LspPosition, LspRange } from './line-index.ts';
export type { DiagnosticCode, Severity, LineColumn, DiagnosticData, Diagnostic } from './diagnostic.ts';
