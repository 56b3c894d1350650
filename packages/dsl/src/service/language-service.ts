import type { Span } from '../ast/ast.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { DocumentSet } from './document-set.ts';
import type { SemanticToken } from './semantic-tokens.ts';
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
import type { TextPositions } from './text-positions.ts';

/**
 * The language features of `.a6` files, for the browser editor's worker and for `a6 lsp`. Pure: no
 * editor or protocol types, no `node:` imports. Positions are UTF-16 **offsets** into the named file's
 * text; `positions(path)` converts to LSP's 0-based or Monaco's 1-based line/column.
 */
export interface LanguageService {
  /** The open documents (unsaved text wins over the host's files). Change them, then ask. */
  readonly documents: DocumentSet;
  /** Offset ↔ line/column for any file of the program (open or read through the host). */
  positions(path: string): TextPositions;
  /** The checker's diagnostics of one file (syntax, names, types, imports). */
  diagnostics(path: string): readonly Diagnostic[];
  completion(path: string, offset: number): CompletionItem[];
  hover(path: string, offset: number): HoverInfo | null;
  definition(path: string, offset: number): SpanLocation[];
  references(path: string, offset: number, options: ReferenceOptions): SpanLocation[];
  prepareRename(path: string, offset: number): PrepareRenameResult;
  rename(path: string, offset: number, newName: string): RenameResult;
  documentSymbols(path: string): DocumentSymbol[];
  foldingRanges(path: string): FoldingRange[];
  /** Classified tokens; `encodeSemanticTokens` turns them into LSP/Monaco's relative integers. */
  semanticTokens(path: string): SemanticToken[];
  /** Quick fixes for the diagnostics overlapping `span` (only those with one of `codes`, when given). */
  codeActions(path: string, span: Span, codes?: readonly string[]): CodeAction[];
  /** `a6 fmt`'s layout as edits; none for a file with syntax errors. */
  format(path: string): SpanEdit[];
}
