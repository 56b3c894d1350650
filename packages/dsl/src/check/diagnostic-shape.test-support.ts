import type { Diagnostic } from '../diagnostics/diagnostic.ts';

/** A diagnostic as tests pin it: where (`file:line:col-line:col`), what, and the quick-fix data if any. */
export function diagnosticShape(diagnostic: Diagnostic): Record<string, unknown> {
  const { code, severity, file, start, end, message, data } = diagnostic;
  const shape: Record<string, unknown> = {
    code,
    severity,
    range: `${file}:${start.line}:${start.column}-${end.line}:${end.column}`,
    message,
  };
  if (data) shape['data'] = data;
  return shape;
}
