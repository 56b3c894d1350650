import type { Span } from '../ast/ast.ts';
import type { LineIndex } from './line-index.ts';

/** Every stable diagnostic code of docs/language.md ("Diagnostics"). Codes never change meaning. */
export const DIAGNOSTIC_CODES = [
  'dsl.syntax',
  'dsl.unknown_name',
  'dsl.unknown_field',
  'dsl.type_mismatch',
  'dsl.unknown_option',
  'dsl.bad_option_value',
  'dsl.duplicate',
  'dsl.unknown_parent',
  'dsl.extends_cycle',
  'dsl.remove_unknown',
  'dsl.import_not_found',
  'dsl.import_cycle',
  'dsl.let_cycle',
  'dsl.levy_trigger',
  'dsl.levy_over_100',
  'dsl.unreachable',
  'dsl.unused_let',
  'dsl.too_large',
  'dsl.too_deep',
  'dsl.not_utf8',
] as const;
export type DiagnosticCode = (typeof DIAGNOSTIC_CODES)[number];

export type Severity = 'error' | 'warning' | 'info';

/** 1-based line and column; columns count UTF-16 code units, as editors do. */
export interface LineColumn {
  readonly line: number;
  readonly column: number;
}

/** Data a quick fix can act on without re-deriving it. */
export type DiagnosticData =
  | { readonly kind: 'replace'; readonly suggestions: readonly string[] }
  | { readonly kind: 'remove' };

export interface Diagnostic {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  /** The file the diagnostic is in, as the host names it. */
  readonly file: string;
  readonly span: Span;
  readonly start: LineColumn;
  readonly end: LineColumn;
  readonly message: string;
  readonly data?: DiagnosticData;
}

export function makeDiagnostic(
  lines: LineIndex,
  file: string,
  code: DiagnosticCode,
  severity: Severity,
  span: Span,
  message: string,
  data?: DiagnosticData,
): Diagnostic {
  const diagnostic: Diagnostic = {
    code,
    severity,
    file,
    span,
    start: lines.position(span.start),
    end: lines.position(span.end),
    message,
  };
  return data ? { ...diagnostic, data } : diagnostic;
}

/** `FILE:LINE:COL: severity[code]: message`, the format the CLI and the editor share (docs/language.md). */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  const { file, start, severity, code, message } = diagnostic;
  return `${file}:${start.line}:${start.column}: ${severity}[${code}]: ${message}`;
}
