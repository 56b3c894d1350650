import type { Span } from '../ast/ast.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { ParseCache } from '../parse/parse-cache.ts';
import { codeActions } from './code-actions.ts';
import { DeclaredSymbols } from './declared-symbols.ts';
import { DocumentSet, type LanguageServiceHost } from './document-set.ts';
import { documentSymbols } from './document-symbols.ts';
import { findDefinition } from './find-definition.ts';
import { findReferences } from './find-references.ts';
import { foldingRanges } from './folding-ranges.ts';
import { formatDocument } from './format-document.ts';
import { hoverAt } from './hover-info.ts';
import type { LanguageService } from './language-service.ts';
import { ProgramSnapshot } from './program-snapshot.ts';
import { provideCompletion } from './provide-completion.ts';
import { prepareRename, renameSymbol } from './rename-symbol.ts';
import { semanticTokens, type SemanticToken } from './semantic-tokens.ts';
import type {
  CodeAction,
  CompletionItem,
  DocumentSymbol,
  FoldingRange,
  HoverInfo,
  PrepareRenameResult,
  ReferenceOptions,
  RenameResult,
  SpanLocation,
  SpanEdit,
} from './service-types.ts';
import { TextPositions } from './text-positions.ts';

/**
 * The language service over a document set. The program is parsed and checked once per generation of
 * the documents (any open document changing, or `documents.invalidate()`), and every feature reads that
 * snapshot: typing in one file costs one check, however many features the editor asks for.
 */
export class DefaultLanguageService implements LanguageService {
  readonly documents: DocumentSet;
  private snapshotCache: { generation: number; snapshot: ProgramSnapshot; symbols: DeclaredSymbols | null } | null = null;
  // One incremental parser per recently checked file: a re-check after typing re-parses only the edit.
  private readonly parses = new ParseCache();

  constructor(host?: LanguageServiceHost | DocumentSet) {
    this.documents = host instanceof DocumentSet ? host : new DocumentSet(host);
  }

  /** The checked program for the current documents (computed on first use after a change). */
  snapshot(): ProgramSnapshot {
    const generation = this.documents.generation;
    if (this.snapshotCache?.generation !== generation) {
      this.snapshotCache = { generation, snapshot: new ProgramSnapshot(this.documents, this.documents.entryPaths(), this.parses.parse), symbols: null };
    }
    return this.snapshotCache.snapshot;
  }

  private symbols(): DeclaredSymbols {
    const snapshot = this.snapshot();
    this.snapshotCache!.symbols ??= new DeclaredSymbols(snapshot.program);
    return this.snapshotCache!.symbols;
  }

  positions(path: string): TextPositions {
    const snapshot = this.snapshot();
    return snapshot.file(path) ? snapshot.positions(path) : new TextPositions(this.documents.read(path) ?? '');
  }

  diagnostics(path: string): readonly Diagnostic[] {
    return this.snapshot().diagnostics(path);
  }

  completion(path: string, offset: number): CompletionItem[] {
    return this.snapshot().file(path) ? provideCompletion(this.snapshot(), path, offset) : [];
  }

  hover(path: string, offset: number): HoverInfo | null {
    return this.snapshot().file(path) ? hoverAt(this.snapshot(), path, offset) : null;
  }

  definition(path: string, offset: number): SpanLocation[] {
    return findDefinition(this.snapshot(), path, offset);
  }

  references(path: string, offset: number, options: ReferenceOptions): SpanLocation[] {
    return findReferences(this.snapshot(), this.symbols(), path, offset, options);
  }

  prepareRename(path: string, offset: number): PrepareRenameResult {
    return prepareRename(this.snapshot(), path, offset);
  }

  rename(path: string, offset: number, newName: string): RenameResult {
    return renameSymbol(this.snapshot(), this.symbols(), path, offset, newName);
  }

  documentSymbols(path: string): DocumentSymbol[] {
    const file = this.snapshot().file(path);
    return file ? documentSymbols(file.ast, file.text) : [];
  }

  foldingRanges(path: string): FoldingRange[] {
    const snapshot = this.snapshot();
    const file = snapshot.file(path);
    return file ? foldingRanges(file.ast, snapshot.positions(path)) : [];
  }

  semanticTokens(path: string): SemanticToken[] {
    return this.snapshot().file(path) ? semanticTokens(this.snapshot(), path) : [];
  }

  codeActions(path: string, span: Span, codes?: readonly string[]): CodeAction[] {
    return codeActions(this.snapshot(), path, span, codes);
  }

  format(path: string): SpanEdit[] {
    const text = this.documents.read(path);
    return text === undefined ? [] : formatDocument(text, path);
  }
}
