import type { Span } from '../ast/ast.ts';
import { makeDiagnostic, type Diagnostic, type DiagnosticCode, type DiagnosticData, type Severity } from '../diagnostics/diagnostic.ts';
import { LineIndex } from '../diagnostics/line-index.ts';
import type { ProgramFile } from '../program/load-program.ts';

/**
 * Collects diagnostics for all files of a program. Inherited members are checked once per rulebook that
 * inherits them, so the same finding can come up twice: it is kept once.
 */
export class DiagnosticSink {
  private readonly seen = new Set<string>();
  readonly diagnostics: Diagnostic[] = [];

  constructor(private readonly files: ReadonlyMap<string, ProgramFile>) {}

  add(diagnostic: Diagnostic): void {
    const key = `${diagnostic.file}\u0000${diagnostic.span.start}\u0000${diagnostic.span.end}\u0000${diagnostic.code}\u0000${diagnostic.message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.diagnostics.push(diagnostic);
  }

  report(file: string, code: DiagnosticCode, severity: Severity, span: Span, message: string, data?: DiagnosticData): void {
    const lines = this.files.get(file)?.lines ?? new LineIndex('');
    this.add(makeDiagnostic(lines, file, code, severity, span, message, data));
  }

  error(file: string, code: DiagnosticCode, span: Span, message: string, data?: DiagnosticData): void {
    this.report(file, code, 'error', span, message, data);
  }

  warning(file: string, code: DiagnosticCode, span: Span, message: string, data?: DiagnosticData): void {
    this.report(file, code, 'warning', span, message, data);
  }
}
