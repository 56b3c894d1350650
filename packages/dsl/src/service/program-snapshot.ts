import type { RulebookDecl } from '../ast/ast.ts';
import { checkProgram } from '../check/check-program.ts';
import type { ResolvedProgram, ResolvedRulebook } from '../check/resolved-model.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { ProgramFile } from '../program/load-program.ts';
import type { ParseFunction } from '../parse/parse-cache.ts';
import type { SourceHost } from '../program/source-host.ts';
import { tokenizeSource, type SourceToken } from './source-tokens.ts';
import { TextPositions } from './text-positions.ts';

/**
 * One checked state of every document: parsed and checked once, then every feature reads it until a
 * document changes. Tokens and positions are computed lazily per file and kept with the snapshot.
 */
export class ProgramSnapshot {
  readonly program: ResolvedProgram;
  private readonly diagnosticsByFile = new Map<string, Diagnostic[]>();
  private readonly tokenCache = new Map<string, SourceToken[]>();
  private readonly positionCache = new Map<string, TextPositions>();

  constructor(host: SourceHost, entryPaths: readonly string[], parse?: ParseFunction) {
    const result = checkProgram(host, entryPaths, parse === undefined ? {} : { parse });
    this.program = result.program;
    const seen = new Set<string>();
    for (const diagnostic of result.diagnostics) {
      // A file imported by two entries is reached twice; its findings are reported once.
      const key = `${diagnostic.file}|${diagnostic.code}|${diagnostic.span.start}|${diagnostic.span.end}|${diagnostic.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const list = this.diagnosticsByFile.get(diagnostic.file) ?? [];
      list.push(diagnostic);
      this.diagnosticsByFile.set(diagnostic.file, list);
    }
  }

  file(path: string): ProgramFile | undefined {
    return this.program.files.get(path);
  }

  text(path: string): string | undefined {
    return this.program.files.get(path)?.text;
  }

  diagnostics(path: string): readonly Diagnostic[] {
    return this.diagnosticsByFile.get(path) ?? [];
  }

  tokens(path: string): readonly SourceToken[] {
    let tokens = this.tokenCache.get(path);
    if (!tokens) {
      tokens = tokenizeSource(this.text(path) ?? '');
      this.tokenCache.set(path, tokens);
    }
    return tokens;
  }

  positions(path: string): TextPositions {
    let positions = this.positionCache.get(path);
    if (!positions) {
      positions = new TextPositions(this.text(path) ?? '');
      this.positionCache.set(path, positions);
    }
    return positions;
  }

  /** The rulebook declaration of `path` whose span holds `offset`. */
  rulebookDeclAt(path: string, offset: number): RulebookDecl | undefined {
    return this.file(path)?.ast.rulebooks.find((decl) => decl.span.start <= offset && offset <= decl.span.end);
  }

  resolvedRulebook(path: string, name: string): ResolvedRulebook | undefined {
    return this.program.rulebooks.find((rulebook) => rulebook.file === path && rulebook.name === name);
  }
}
