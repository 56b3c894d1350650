import type { ImportDecl, RulebookFile } from '../ast/ast.ts';
import { makeDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { LineIndex } from '../diagnostics/line-index.ts';
import { parseRulebookFile, type ParseFunction } from '../parse/index.ts';
import { resolveImportPath } from './resolve-import-path.ts';
import { sha256Text } from './sha256-text.ts';
import type { SourceHost } from './source-host.ts';

/** One `import` of a file, resolved to the path the host names. */
export interface ResolvedImport {
  readonly decl: ImportDecl;
  /** The imported file's path (resolved relative to the importing file). */
  readonly path: string;
  /** False when the host has no such file (`dsl.import_not_found`). */
  readonly found: boolean;
}

/** A parsed source file of a program. */
export interface ProgramFile {
  readonly path: string;
  readonly text: string;
  /** sha256 of the file's exact text (UTF-8). */
  readonly sha256: string;
  readonly ast: RulebookFile;
  readonly lines: LineIndex;
  readonly imports: readonly ResolvedImport[];
}

export interface LoadedProgram {
  readonly entryPaths: readonly string[];
  /** Every file reached from the entries, in load order (depth first, entries first). */
  readonly files: ReadonlyMap<string, ProgramFile>;
  /** Syntax diagnostics of every file plus import errors. */
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Reads and parses the entry files and everything they import, through the host. Never throws: a
 * missing entry or import is a `dsl.import_not_found` diagnostic, a cycle a `dsl.import_cycle`.
 */
export interface LoadProgramOptions {
  /** How to parse a file: pass a `ParseCache`'s `parse` so a re-check re-parses only what changed. */
  readonly parse?: ParseFunction;
}

/** Longest chain of imports (docs/reliability.md): beyond it `dsl.too_deep`. */
export const MAX_IMPORT_DEPTH = 64;

export function loadProgram(host: SourceHost, entryPaths: readonly string[], options: LoadProgramOptions = {}): LoadedProgram {
  const parse = options.parse ?? parseRulebookFile;
  const files = new Map<string, ProgramFile>();
  const diagnostics: Diagnostic[] = [];
  const onStack: string[] = [];
  // Each path is read once: a Node host hits the disk, and the text hashed must be the text parsed.
  const texts = new Map<string, string | undefined>();
  const read = (path: string): string | undefined => {
    if (!texts.has(path)) texts.set(path, host.read(path));
    return texts.get(path);
  };

  const visit = (path: string): void => {
    const file = files.get(path) ?? parseFile(path);
    if (!file) return;
    onStack.push(path);
    for (const entry of file.imports) {
      if (!entry.found) continue;
      const cycleStart = onStack.indexOf(entry.path);
      if (cycleStart >= 0) {
        const chain = [...onStack.slice(cycleStart), entry.path].join(' → ');
        diagnostics.push(
          makeDiagnostic(file.lines, path, 'dsl.import_cycle', 'error', entry.decl.path.span, `import cycle: ${chain}`),
        );
        continue;
      }
      if (files.has(entry.path)) continue;
      // `visit` recurses along import chains: bound them before the stack does.
      if (onStack.length >= MAX_IMPORT_DEPTH) {
        diagnostics.push(makeDiagnostic(file.lines, path, 'dsl.too_deep', 'error', entry.decl.path.span, `imports are chained more than ${MAX_IMPORT_DEPTH} files deep here`));
        continue;
      }
      visit(entry.path);
    }
    onStack.pop();
  };

  const parseFile = (path: string): ProgramFile | undefined => {
    const text = read(path);
    if (text === undefined) return undefined;
    const parsed = parse(text, path);
    const lines = new LineIndex(text);
    diagnostics.push(...parsed.diagnostics);
    const imports = parsed.file.imports.map((decl): ResolvedImport => {
      const target = resolveImportPath(path, decl.path.value);
      const found = read(target) !== undefined;
      if (!found) {
        const refusal = host.refusal?.(target);
        diagnostics.push(
          refusal === undefined
            ? makeDiagnostic(lines, path, 'dsl.import_not_found', 'error', decl.path.span, `cannot find imported file '${decl.path.value}' (looked for ${target})`)
            : makeDiagnostic(lines, path, refusal.code, 'error', decl.path.span, `cannot import '${decl.path.value}': ${refusal.message}`),
        );
      }
      return { decl, path: target, found };
    });
    const file: ProgramFile = { path, text, sha256: sha256Text(text), ast: parsed.file, lines, imports };
    files.set(path, file);
    return file;
  };

  for (const entryPath of entryPaths) {
    if (files.has(entryPath)) continue;
    if (read(entryPath) === undefined) {
      const refusal = host.refusal?.(entryPath);
      diagnostics.push(
        makeDiagnostic(new LineIndex(''), entryPath, refusal?.code ?? 'dsl.import_not_found', 'error', { start: 0, end: 0 }, refusal?.message ?? `cannot read file '${entryPath}'`),
      );
      continue;
    }
    visit(entryPath);
  }
  return { entryPaths, files, diagnostics };
}
