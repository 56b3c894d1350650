import {
  DefaultLanguageService,
  IncrementalParser,
  ParseCache,
  checkProgram,
  encodeSemanticTokens,
  memorySourceHost,
  type DocumentSymbol,
  type FileEdits,
  type LanguageService,
  type Span,
  type SpanLocation,
} from '@a6/dsl';
import type { LanguageBackend, ServiceContext, ServiceHandlers } from './language-backend.ts';
import type { CodeActionInfo, CompletionEntry, DocumentSymbolInfo, FileEdit, FileLocation, LineColumn, TextEdit } from './protocol.ts';

/**
 * `@a6/dsl`'s language service as worker handlers: the service speaks UTF-16 offsets into each
 * file, the protocol (and Monaco) 1-based line/column, so positions are converted here and nowhere else.
 * One service instance lives as long as the worker; every request first syncs it with the editor's
 * files, which costs nothing when nothing changed (the service keys its checked snapshot on that).
 */
function serviceHandlers(service: LanguageService): ServiceHandlers {
  const ready = (context: ServiceContext): LanguageService => {
    service.documents.sync(context.files);
    return service;
  };
  const offset = (path: string, position: LineColumn) => service.positions(path).offsetOfLineColumn(position);
  const range = (path: string, span: Span) => service.positions(path).lineColumnRangeOf(span);
  const location = (found: SpanLocation): FileLocation => ({ path: found.path, range: range(found.path, found.span) });
  const fileEdits = (edits: readonly FileEdits[]): FileEdit[] =>
    edits.map((file) => ({ path: file.path, edits: file.edits.map((edit) => ({ range: range(file.path, edit.span), newText: edit.newText })) }));
  const symbol = (path: string, found: DocumentSymbol): DocumentSymbolInfo => ({
    name: found.name,
    kind: found.kind,
    ...(found.detail === undefined ? {} : { detail: found.detail }),
    range: range(path, found.span),
    selectionRange: range(path, found.selectionSpan),
    children: found.children.map((child) => symbol(path, child)),
  });

  return {
    completion: (context, { path, position }) =>
      ready(context)
        .completion(path, offset(path, position))
        .map(({ span, ...entry }): CompletionEntry => ({ ...entry, range: range(path, span) })),
    hover: (context, { path, position }) => {
      const hover = ready(context).hover(path, offset(path, position));
      return hover === null ? null : { contents: hover.contents, range: range(path, hover.span) };
    },
    definition: (context, { path, position }) => ready(context).definition(path, offset(path, position)).map(location),
    references: (context, { path, position, includeDeclaration }) =>
      ready(context).references(path, offset(path, position), { includeDeclaration }).map(location),
    prepareRename: (context, { path, position }) => {
      const prepared = ready(context).prepareRename(path, offset(path, position));
      return prepared.ok ? { ok: true, range: range(path, prepared.span), placeholder: prepared.placeholder } : prepared;
    },
    rename: (context, { path, position, newName }) => {
      const renamed = ready(context).rename(path, offset(path, position), newName);
      return renamed.ok ? { ok: true, edits: fileEdits(renamed.edits) } : renamed;
    },
    documentSymbols: (context, { path }) => ready(context).documentSymbols(path).map((found) => symbol(path, found)),
    // The service counts folding lines from 0 (as LSP does); the protocol from 1.
    foldingRanges: (context, { path }) =>
      ready(context).foldingRanges(path).map((folding) => ({ startLine: folding.startLine + 1, endLine: folding.endLine + 1, ...(folding.kind ? { kind: folding.kind } : {}) })),
    semanticTokens: (context, { path }) => ({ data: encodeSemanticTokens(ready(context).semanticTokens(path), service.positions(path)) }),
    codeActions: (context, { path, range: wanted, diagnosticCodes }) => {
      const positions = ready(context).positions(path);
      const span = { start: positions.offsetOfLineColumn(wanted.start), end: positions.offsetOfLineColumn(wanted.end) };
      return service.codeActions(path, span, diagnosticCodes).map(
        (action): CodeActionInfo => ({
          title: action.title,
          kind: action.kind,
          fixes: { code: action.fixes.code, range: range(path, action.fixes.span) },
          edits: fileEdits(action.edits),
          ...(action.preferred === undefined ? {} : { preferred: action.preferred }),
        }),
      );
    },
    format: (context, { path }) => ready(context).format(path).map((edit): TextEdit => ({ range: range(path, edit.span), newText: edit.newText })),
  };
}

/** The worker's language: `@a6/dsl`'s incremental parser, checker and language service. */
export function createDslBackend(): LanguageBackend {
  // The checker re-reads every file on each pass; incremental parsers make that cost the edit only.
  const checkParses = new ParseCache();
  return {
    createParser: (path) => new IncrementalParser(path),
    check: (files, paths) => checkProgram(memorySourceHost(Object.fromEntries(files)), paths, { parse: checkParses.parse }).diagnostics,
    services: serviceHandlers(new DefaultLanguageService()),
  };
}
