import type { Span } from '../ast/ast.ts';

/**
 * The shapes the language service answers with. Plain data (they cross a worker boundary); every range
 * is a `Span` of UTF-16 offsets into the file named next to it (convert with `TextPositions`). Kinds
 * use the same names as the editor worker's protocol, so its adapter maps ranges and nothing else.
 */

export interface SpanLocation {
  readonly path: string;
  readonly span: Span;
}

export interface SpanEdit {
  readonly span: Span;
  readonly newText: string;
}

export interface FileEdits {
  readonly path: string;
  /** Non-overlapping, in source order. */
  readonly edits: readonly SpanEdit[];
}

export type CompletionKind =
  | 'keyword'
  | 'trigger'
  | 'option'
  | 'option_value'
  | 'field'
  | 'function'
  | 'variable'
  | 'rulebook'
  | 'rule'
  | 'levy'
  | 'snippet';

export interface CompletionItem {
  readonly label: string;
  readonly kind: CompletionKind;
  /** One line: a type, a signature, a default. */
  readonly detail?: string;
  /** Markdown. */
  readonly documentation?: string;
  /** Defaults to `label`; snippet syntax (`${1:name}`) when `snippet` is set. */
  readonly insertText?: string;
  readonly snippet?: boolean;
  /** What the item replaces: the word being typed (empty at the cursor when none). */
  readonly span: Span;
  /** Orders items before the client's own filtering (lower first). */
  readonly sortText?: string;
}

export interface HoverInfo {
  /** Markdown. */
  readonly contents: string;
  readonly span: Span;
}

export type SymbolKind = 'rulebook' | 'rule' | 'levy' | 'option' | 'let' | 'cite' | 'import';

export interface DocumentSymbol {
  readonly name: string;
  readonly kind: SymbolKind;
  readonly detail?: string;
  /** The whole declaration. */
  readonly span: Span;
  /** The name inside it. */
  readonly selectionSpan: Span;
  readonly children: readonly DocumentSymbol[];
}

export interface FoldingRange {
  /** 0-based lines, as LSP counts (add one for Monaco). The closing brace's line stays visible. */
  readonly startLine: number;
  readonly endLine: number;
  readonly kind?: 'comment' | 'imports' | 'region';
}

export interface CodeAction {
  readonly title: string;
  readonly kind: 'quickfix';
  /** The diagnostic the action fixes. */
  readonly fixes: { readonly code: string; readonly span: Span };
  readonly edits: readonly FileEdits[];
  readonly preferred?: boolean;
}

export type RenameResult =
  | { readonly ok: true; readonly edits: readonly FileEdits[] }
  | { readonly ok: false; readonly reason: string };

export type PrepareRenameResult =
  | { readonly ok: true; readonly span: Span; readonly placeholder: string }
  | { readonly ok: false; readonly reason: string };

export interface ReferenceOptions {
  readonly includeDeclaration: boolean;
}
