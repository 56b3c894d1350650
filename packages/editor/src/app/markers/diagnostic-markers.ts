import type { Diagnostic, Severity } from '@a6/dsl';

/** Monaco's `MarkerSeverity` values, repeated here so this mapping runs (and is tested) without a DOM. */
export const MARKER_SEVERITY = { Info: 2, Warning: 4, Error: 8 } as const;
export type MarkerSeverityValue = (typeof MARKER_SEVERITY)[keyof typeof MARKER_SEVERITY];

/** Monaco's `MarkerTag.Unnecessary`: faded rendering for unused / unreachable code. */
const UNNECESSARY = 1;

/** The fields of Monaco's `IMarkerData` the editor sets. */
export interface DiagnosticMarker {
  readonly severity: MarkerSeverityValue;
  readonly message: string;
  readonly code: string;
  readonly source: 'a6';
  readonly startLineNumber: number;
  readonly startColumn: number;
  readonly endLineNumber: number;
  readonly endColumn: number;
  readonly tags?: readonly number[];
}

const severities: Record<Severity, MarkerSeverityValue> = {
  error: MARKER_SEVERITY.Error,
  warning: MARKER_SEVERITY.Warning,
  info: MARKER_SEVERITY.Info,
};

/** Warnings that mean "this code has no effect": rendered faded, as VS Code does. */
const UNNECESSARY_CODES = new Set<string>(['dsl.unreachable', 'dsl.unused_let']);

/**
 * A diagnostic as a Monaco marker. Zero-width spans (a missing token at the end of a line) are
 * widened by one column so the squiggle is visible; Monaco clamps it at the line end.
 */
export function diagnosticToMarker(diagnostic: Diagnostic): DiagnosticMarker {
  const { start, end } = diagnostic;
  const empty = start.line === end.line && start.column === end.column;
  const marker: DiagnosticMarker = {
    severity: severities[diagnostic.severity],
    message: diagnostic.message,
    code: diagnostic.code,
    source: 'a6',
    startLineNumber: start.line,
    startColumn: start.column,
    endLineNumber: end.line,
    endColumn: empty ? end.column + 1 : end.column,
  };
  return UNNECESSARY_CODES.has(diagnostic.code) ? { ...marker, tags: [UNNECESSARY] } : marker;
}

export interface DiagnosticCounts {
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
}

export function countDiagnostics(diagnostics: Iterable<Diagnostic>): DiagnosticCounts {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const diagnostic of diagnostics) {
    if (diagnostic.severity === 'error') errors++;
    else if (diagnostic.severity === 'warning') warnings++;
    else infos++;
  }
  return { errors, warnings, infos };
}
