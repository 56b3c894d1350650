// The language service: pure, browser-safe features over a set of open documents (positions are UTF-16
// offsets; TextPositions converts to LSP's and Monaco's line/column).
export type { LanguageService } from './language-service.ts';
export { DefaultLanguageService } from './default-language-service.ts';
export { DocumentSet, type LanguageServiceHost, type OpenDocument, type DocumentChange } from './document-set.ts';
export { ProgramSnapshot } from './program-snapshot.ts';
export { TextPositions, type LspPosition, type LspRange, type LineColumnPosition } from './text-positions.ts';
export {
  SEMANTIC_TOKEN_LEGEND,
  encodeSemanticTokens,
  type SemanticToken,
  type SemanticTokenType,
  type SemanticTokenModifier,
} from './semantic-tokens.ts';
export { tokenizeSource, type SourceToken, type SourceTokenKind } from './source-tokens.ts';
export type {
  SpanLocation, SpanEdit, FileEdits, CompletionKind, CompletionItem, HoverInfo, SymbolKind, DocumentSymbol,
  FoldingRange, CodeAction, RenameResult, PrepareRenameResult, ReferenceOptions,
} from './service-types.ts';
