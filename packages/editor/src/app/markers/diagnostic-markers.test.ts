import type { Diagnostic } from '@a6/dsl';
import { describe, expect, it } from 'vitest';
import { countDiagnostics, diagnosticToMarker, MARKER_SEVERITY } from './diagnostic-markers.ts';

const diagnostic = (overrides: Partial<Diagnostic>): Diagnostic => ({
  code: 'dsl.unknown_field',
  severity: 'error',
  file: 'glasgow.a6',
  span: { start: 82, end: 88 },
  start: { line: 3, column: 18 },
  end: { line: 3, column: 24 },
  message: "unit has no field 'vintge' (did you mean 'vintage'?)",
  ...overrides,
});

describe('diagnosticToMarker', () => {
  it('keeps the code, the 1-based range and the message', () => {
    expect(diagnosticToMarker(diagnostic({}))).toMatchInlineSnapshot(`
      {
        "code": "dsl.unknown_field",
        "endColumn": 24,
        "endLineNumber": 3,
        "message": "unit has no field 'vintge' (did you mean 'vintage'?)",
        "severity": 8,
        "source": "a6",
        "startColumn": 18,
        "startLineNumber": 3,
      }
    `);
  });

  it('widens an empty range by one column so the squiggle shows', () => {
    const marker = diagnosticToMarker(
      diagnostic({ code: 'dsl.syntax', span: { start: 10, end: 10 }, start: { line: 2, column: 5 }, end: { line: 2, column: 5 } }),
    );
    expect([marker.startColumn, marker.endColumn]).toEqual([5, 6]);
  });

  it('maps severities and fades code that has no effect', () => {
    expect(diagnosticToMarker(diagnostic({ severity: 'warning', code: 'dsl.unused_let' }))).toMatchObject({
      severity: MARKER_SEVERITY.Warning,
      tags: [1],
    });
    expect(diagnosticToMarker(diagnostic({ severity: 'info' })).severity).toBe(MARKER_SEVERITY.Info);
    expect(diagnosticToMarker(diagnostic({ severity: 'warning', code: 'dsl.levy_over_100' })).tags).toBeUndefined();
  });
});

describe('countDiagnostics', () => {
  it('counts by severity', () => {
    const all = [diagnostic({}), diagnostic({ severity: 'warning' }), diagnostic({}), diagnostic({ severity: 'info' })];
    expect(countDiagnostics(all)).toEqual({ errors: 2, warnings: 1, infos: 1 });
  });
});
