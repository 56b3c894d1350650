import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Diagnostic as A6Diagnostic } from '@a6/dsl';
import {
  CompletionItemKind,
  DiagnosticSeverity,
  InsertTextFormat,
  MarkupKind,
  SymbolKind,
  type CompletionItem,
  type Diagnostic,
  type DocumentSymbol,
  type Range,
} from 'vscode-languageserver/node';
import type { CompletionItem as A6CompletionItem, DocumentSymbol as A6DocumentSymbol, TextPositions } from '@a6/dsl';

/**
 * The LSP edge: the language service speaks file paths and UTF-16 offsets, LSP speaks URIs and 0-based
 * line/character (also UTF-16). Files on disk are their absolute paths; other documents (`untitled:`)
 * keep their URI as their path, so imports from them resolve to nothing rather than to a wrong file.
 */
export function uriToPath(uri: string): string {
  return uri.startsWith('file:') ? fileURLToPath(uri) : uri;
}

export function pathToUri(path: string): string {
  return path.startsWith('/') ? pathToFileURL(path).href : path;
}

export function toRange(positions: TextPositions, span: { start: number; end: number }): Range {
  return positions.rangeOf(span);
}

const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information } as const;

export function toLspDiagnostic(diagnostic: A6Diagnostic, positions: TextPositions): Diagnostic {
  return {
    range: toRange(positions, diagnostic.span),
    severity: SEVERITY[diagnostic.severity],
    code: diagnostic.code,
    source: 'a6',
    message: diagnostic.message,
    ...(diagnostic.data ? { data: diagnostic.data } : {}),
  };
}

const COMPLETION_KINDS: Record<A6CompletionItem['kind'], CompletionItemKind> = {
  keyword: CompletionItemKind.Keyword,
  trigger: CompletionItemKind.Event,
  option: CompletionItemKind.Property,
  option_value: CompletionItemKind.EnumMember,
  field: CompletionItemKind.Field,
  function: CompletionItemKind.Function,
  variable: CompletionItemKind.Variable,
  rulebook: CompletionItemKind.Module,
  rule: CompletionItemKind.Class,
  levy: CompletionItemKind.Constant,
  snippet: CompletionItemKind.Snippet,
};

export function toLspCompletion(item: A6CompletionItem, positions: TextPositions): CompletionItem {
  return {
    label: item.label,
    kind: COMPLETION_KINDS[item.kind],
    ...(item.detail ? { detail: item.detail } : {}),
    ...(item.documentation ? { documentation: { kind: MarkupKind.Markdown, value: item.documentation } } : {}),
    ...(item.sortText ? { sortText: item.sortText } : {}),
    textEdit: { range: toRange(positions, item.span), newText: item.insertText ?? item.label },
    insertTextFormat: item.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
  };
}

const SYMBOL_KINDS: Record<A6DocumentSymbol['kind'], SymbolKind> = {
  rulebook: SymbolKind.Class,
  rule: SymbolKind.Method,
  levy: SymbolKind.Constant,
  option: SymbolKind.Property,
  let: SymbolKind.Variable,
  cite: SymbolKind.String,
  import: SymbolKind.File,
};

export function toLspSymbol(symbol: A6DocumentSymbol, positions: TextPositions): DocumentSymbol {
  return {
    name: symbol.name,
    kind: SYMBOL_KINDS[symbol.kind],
    ...(symbol.detail ? { detail: symbol.detail } : {}),
    range: toRange(positions, symbol.span),
    selectionRange: toRange(positions, symbol.selectionSpan),
    children: symbol.children.map((child) => toLspSymbol(child, positions)),
  };
}
