import type { Expr, LetDecl } from '../ast/ast.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { loadProgram, type LoadProgramOptions } from '../program/load-program.ts';
import type { SourceHost } from '../program/source-host.ts';
import { RulebookChecker, type CheckState } from './check-rulebook.ts';
import { DiagnosticSink } from './diagnostic-sink.ts';
import { ResolvedProgram, type SymbolReference } from './resolved-model.ts';
import { resolveRulebooks } from './resolve-rulebooks.ts';
import type { StaticType } from './types.ts';

export interface CheckResult {
  /** Diagnostics of every file reached (each names its file), by file in load order, then by position. */
  readonly diagnostics: readonly Diagnostic[];
  readonly program: ResolvedProgram;
}

/**
 * Parses, resolves and type-checks the entry files and everything they import. Never throws: every
 * problem is a diagnostic, and the resolved model is complete enough for a language service even when
 * the source is broken.
 */
export function checkProgram(host: SourceHost, entryPaths: readonly string[], options: LoadProgramOptions = {}): CheckResult {
  const loaded = loadProgram(host, entryPaths, options);
  const sink = new DiagnosticSink(loaded.files);
  for (const diagnostic of loaded.diagnostics) sink.add(diagnostic);
  const references: SymbolReference[] = [];
  const { rulebooks, visible } = resolveRulebooks(loaded.files, sink, references);

  const state: CheckState = { files: loaded.files, sink, references, types: new Map<Expr, StaticType>(), usedLets: new Set<LetDecl>() };
  for (const rulebook of rulebooks) new RulebookChecker(rulebook, state).check();

  // Only lets that took effect can be unused: a duplicate already has its error.
  for (const reference of references) {
    const { target } = reference;
    if (!reference.isDeclaration || target.kind !== 'let' || state.usedLets.has(target.decl)) continue;
    sink.warning(reference.file, 'dsl.unused_let', target.span, `let '${target.name}' is never used`, { kind: 'remove' });
  }

  const order = [...loaded.files.keys()];
  const rank = (file: string): number => {
    const index = order.indexOf(file);
    return index < 0 ? -1 : index;
  };
  const diagnostics = [...sink.diagnostics].sort(
    (a, b) => rank(a.file) - rank(b.file) || a.span.start - b.span.start || a.span.end - b.span.end,
  );
  const program = new ResolvedProgram(entryPaths, loaded.files, rulebooks, visible, dedupeReferences(references), state.types);
  return { diagnostics, program };
}

/** Inherited members are checked once per inheriting rulebook: keep one occurrence per span and target. */
function dedupeReferences(references: readonly SymbolReference[]): SymbolReference[] {
  const seen = new Set<string>();
  const unique: SymbolReference[] = [];
  for (const reference of references) {
    const target = reference.target;
    const where = 'span' in target ? `${target.file}:${target.span.start}` : target.kind === 'import' ? target.file : '';
    const key = `${reference.file}:${reference.span.start}:${reference.span.end}:${reference.isDeclaration}:${target.kind}:${target.name}:${where}`;
    if (seen.has(key)) continue;
    seen.add(key);
    unique.push(reference);
  }
  return unique;
}
