/**
 * The message protocol between the page and the language worker. Plain structured-clone data only:
 * positions are 1-based line/column pairs in UTF-16 code units, exactly as `Diagnostic.start/end`
 * (and Monaco) count them, so neither side converts offsets.
 */
import type { CompletionKind, Diagnostic, FoldingRange, LineColumn, SymbolKind } from '@a6/dsl';

export type { CompletionKind, Diagnostic, LineColumn, SymbolKind };

export interface TextRange {
  readonly start: LineColumn;
  readonly end: LineColumn;
}

/** One edit of a file, as Monaco reports content changes: replace `length` UTF-16 units at `offset`. */
export interface TextChange {
  readonly offset: number;
  readonly length: number;
  readonly text: string;
}

export interface TextEdit {
  readonly range: TextRange;
  readonly newText: string;
}

export interface FileLocation {
  readonly path: string;
  readonly range: TextRange;
}

export interface FileEdit {
  readonly path: string;
  readonly edits: readonly TextEdit[];
}

export interface CompletionEntry {
  readonly label: string;
  readonly kind: CompletionKind;
  readonly detail?: string;
  /** Markdown. */
  readonly documentation?: string;
  /** Text to insert (snippet syntax when `snippet` is true); defaults to `label`. */
  readonly insertText?: string;
  readonly snippet?: boolean;
  /** The range the entry replaces; defaults to the word at the cursor. */
  readonly range?: TextRange;
  /** Orders entries before the editor's own filtering (lower first). */
  readonly sortText?: string;
}

export interface HoverInfo {
  /** Markdown; cites the decision text where the language service knows it. */
  readonly contents: string;
  readonly range?: TextRange;
}

export interface DocumentSymbolInfo {
  readonly name: string;
  readonly kind: SymbolKind;
  readonly detail?: string;
  readonly range: TextRange;
  readonly selectionRange: TextRange;
  readonly children?: readonly DocumentSymbolInfo[];
}

export interface FoldingRangeInfo {
  /** 1-based lines. */
  readonly startLine: number;
  readonly endLine: number;
  readonly kind?: FoldingRange['kind'];
}

export interface SemanticTokensInfo {
  /** LSP-style relative encoding (deltaLine, deltaStartChar, length, type, modifiers) against the legend. */
  readonly data: readonly number[];
}

export interface CodeActionInfo {
  readonly title: string;
  readonly kind: 'quickfix' | 'refactor' | 'source';
  /** The diagnostic (code + range) the action fixes, when it is a quick fix. */
  readonly fixes?: { readonly code: string; readonly range: TextRange };
  readonly edits: readonly FileEdit[];
  readonly preferred?: boolean;
}

/** Whether the cursor is on a renamable name, and the text the rename box starts with. */
export type PrepareRenameOutcome =
  | { readonly ok: true; readonly range: TextRange; readonly placeholder: string }
  | { readonly ok: false; readonly reason: string };

export type RenameOutcome =
  | { readonly ok: true; readonly edits: readonly FileEdit[] }
  | { readonly ok: false; readonly reason: string };

/** Every language-service request: its parameters and its result. */
export interface ServiceRequests {
  completion: { params: { path: string; position: LineColumn }; result: readonly CompletionEntry[] };
  hover: { params: { path: string; position: LineColumn }; result: HoverInfo | null };
  definition: { params: { path: string; position: LineColumn }; result: readonly FileLocation[] };
  references: {
    params: { path: string; position: LineColumn; includeDeclaration: boolean };
    result: readonly FileLocation[];
  };
  prepareRename: { params: { path: string; position: LineColumn }; result: PrepareRenameOutcome };
  rename: { params: { path: string; position: LineColumn; newName: string }; result: RenameOutcome };
  documentSymbols: { params: { path: string }; result: readonly DocumentSymbolInfo[] };
  foldingRanges: { params: { path: string }; result: readonly FoldingRangeInfo[] };
  semanticTokens: { params: { path: string }; result: SemanticTokensInfo };
  format: { params: { path: string }; result: readonly TextEdit[] };
  codeActions: {
    params: { path: string; range: TextRange; diagnosticCodes: readonly string[] };
    result: readonly CodeActionInfo[];
  };
}

export type ServiceMethod = keyof ServiceRequests;

export type PageToWorker =
  /** Adds or replaces a file with its full text. */
  | { readonly type: 'open'; readonly path: string; readonly text: string; readonly version: number }
  /** Applies edits in order to the worker's copy; `version` is the model version after them. */
  | { readonly type: 'edit'; readonly path: string; readonly changes: readonly TextChange[]; readonly version: number }
  | { readonly type: 'close'; readonly path: string }
  /**
   * A stored file the open ones may import (`import "glasgow-2021.a6"`) but the user has not opened:
   * readable by the checker and the service, never checked as an entry nor given diagnostics.
   */
  | { readonly type: 'library'; readonly path: string; readonly text: string }
  | {
      readonly type: 'request';
      readonly id: number;
      readonly method: ServiceMethod;
      readonly params: ServiceRequests[ServiceMethod]['params'];
    };

export interface FileDiagnostics {
  readonly path: string;
  /** The file version the diagnostics were computed against; older than the editor's means stale. */
  readonly version: number;
  readonly diagnostics: readonly Diagnostic[];
}

export type WorkerToPage =
  /** The worker has loaded the language and answers from now on. */
  | { readonly type: 'ready' }
  | {
      readonly type: 'diagnostics';
      readonly files: readonly FileDiagnostics[];
      /** Wall time of the parse + check pass, for the status bar. */
      readonly durationMs: number;
    }
  | { readonly type: 'response'; readonly id: number; readonly ok: true; readonly result: unknown }
  | {
      readonly type: 'response';
      readonly id: number;
      readonly ok: false;
      readonly error: { readonly code: string; readonly message: string };
    };
