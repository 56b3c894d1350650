export { diagnosticToMarker, countDiagnostics, MARKER_SEVERITY } from './diagnostic-markers.ts';
export type { DiagnosticMarker, DiagnosticCounts, MarkerSeverityValue } from './diagnostic-markers.ts';
