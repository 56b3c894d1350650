import * as dsl from '@a6/dsl';
import { LineIndex, ParseCache, type Diagnostic } from '@a6/dsl';
import type { FileParser, LanguageBackend, ServiceContext, ServiceHandler } from './language-backend.ts';
import {
  SERVICE_METHODS,
  type CodeActionInfo,
  type CompletionEntry,
  type DocumentSymbolInfo,
  type FeatureAvailability,
  type FileEdit,
  type FileLocation,
  type LineColumn,
  type SemanticTokensLegend,
  type ServiceMethod,
  type TextEdit,
  type TextRange,
  type WorkerCapabilities,
} from './protocol.ts';

/**
 * The `@a6/dsl` exports the worker plugs in, looked up at run time: the language is built by other
 * engineers in parallel, and a piece that has not landed must show up as "not available" with its
 * reason — never as an empty, healthy-looking answer. Each entry names the export and the shape the
 * worker relies on (the shapes of `parse/`, `check/` and `format/` as they are in the repo).
 */
export interface DslExports {
  readonly IncrementalParser?: new (path: string) => FileParser;
  readonly checkProgram?: (
    host: { read(path: string): string | undefined },
    paths: readonly string[],
    options?: { readonly parse?: (text: string, path: string) => unknown },
  ) => { readonly diagnostics: readonly Diagnostic[] };
  readonly memorySourceHost?: (files: Readonly<Record<string, string>>) => { read(path: string): string | undefined };
  readonly formatRulebookFile?: (
    text: string,
    path: string,
  ) => { readonly ok: true; readonly text: string } | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };
  /** The language service (`dsl/src/service`): completion, hover, definition, … over a document set. */
  readonly DefaultLanguageService?: new () => ServiceInstance;
  readonly SEMANTIC_TOKEN_LEGEND?: SemanticTokensLegend;
  readonly encodeSemanticTokens?: (tokens: readonly unknown[], positions: ServicePositions) => number[];
}

interface Span {
  readonly start: number;
  readonly end: number;
}

/** The parts of the service's `TextPositions` the adapter uses (1-based line/column ↔ UTF-16 offsets). */
interface ServicePositions {
  offsetOfLineColumn(position: LineColumn): number;
  lineColumnRangeOf(span: Span): TextRange;
}

interface ServiceFileEdits {
  readonly path: string;
  readonly edits: readonly { readonly span: Span; readonly newText: string }[];
}

interface ServiceSymbol {
  readonly name: string;
  readonly kind: DocumentSymbolInfo['kind'];
  readonly detail?: string;
  readonly span: Span;
  readonly selectionSpan: Span;
  readonly children: readonly ServiceSymbol[];
}

/** The shape of `DefaultLanguageService` the worker relies on (dsl/src/service/language-service.ts). */
interface ServiceInstance {
  readonly documents: { sync(texts: ReadonlyMap<string, string>): void };
  positions(path: string): ServicePositions;
  completion(path: string, offset: number): readonly (Omit<CompletionEntry, 'range'> & { readonly span: Span })[];
  hover(path: string, offset: number): { readonly contents: string; readonly span: Span } | null;
  definition(path: string, offset: number): readonly { readonly path: string; readonly span: Span }[];
  references(path: string, offset: number, options: { includeDeclaration: boolean }): readonly { readonly path: string; readonly span: Span }[];
  prepareRename(path: string, offset: number): { readonly ok: true; readonly span: Span; readonly placeholder: string } | { readonly ok: false; readonly reason: string };
  rename(path: string, offset: number, newName: string): { readonly ok: true; readonly edits: readonly ServiceFileEdits[] } | { readonly ok: false; readonly reason: string };
  documentSymbols(path: string): readonly ServiceSymbol[];
  foldingRanges(path: string): readonly { readonly startLine: number; readonly endLine: number; readonly kind?: 'comment' | 'imports' | 'region' }[];
  semanticTokens(path: string): readonly unknown[];
  codeActions(path: string, span: Span, codes?: readonly string[]): readonly {
    readonly title: string;
    readonly kind: 'quickfix';
    readonly fixes: { readonly code: string; readonly span: Span };
    readonly edits: readonly ServiceFileEdits[];
    readonly preferred?: boolean;
  }[];
  format(path: string): readonly { readonly span: Span; readonly newText: string }[];
}

const AVAILABLE: FeatureAvailability = { available: true };

const missing = (what: string): FeatureAvailability => ({
  available: false,
  reason: `${what} is not available yet: @a6/dsl does not export it in this build`,
});

function found<K extends keyof DslExports>(exports: DslExports, name: K): DslExports[K] | undefined {
  return typeof exports[name] === 'function' ? exports[name] : undefined;
}

/** `a6 fmt` as one whole-document edit; a file with syntax errors is left alone (the formatter refuses it). */
function formatHandler(format: NonNullable<DslExports['formatRulebookFile']>): ServiceHandler<'format'> {
  return ({ files }, { path }) => {
    const text = files.get(path);
    if (text === undefined) return [];
    const result = format(text, path);
    if (!result.ok || result.text === text) return [];
    const end = new LineIndex(text).position(text.length);
    const edit: TextEdit = { range: { start: { line: 1, column: 1 }, end }, newText: result.text };
    return [edit];
  };
}

/**
 * The language service's features as worker handlers: the service speaks UTF-16 offsets into each
 * file, the protocol (and Monaco) 1-based line/column, so positions are converted here and nowhere else.
 * One service instance lives as long as the worker; every request first syncs it with the editor's
 * files, which costs nothing when nothing changed (the service keys its checked snapshot on that).
 */
function serviceHandlers(
  service: ServiceInstance,
  encode: NonNullable<DslExports['encodeSemanticTokens']>,
): { [M in ServiceMethod]?: ServiceHandler<M> } {
  const ready = (context: ServiceContext): ServiceInstance => {
    service.documents.sync(context.files);
    return service;
  };
  const offset = (path: string, position: LineColumn) => service.positions(path).offsetOfLineColumn(position);
  const range = (path: string, span: Span) => service.positions(path).lineColumnRangeOf(span);
  const location = (found: { readonly path: string; readonly span: Span }): FileLocation => ({ path: found.path, range: range(found.path, found.span) });
  const fileEdits = (edits: readonly ServiceFileEdits[]): FileEdit[] =>
    edits.map((file) => ({ path: file.path, edits: file.edits.map((edit) => ({ range: range(file.path, edit.span), newText: edit.newText })) }));
  const symbol = (path: string, found: ServiceSymbol): DocumentSymbolInfo => ({
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
    semanticTokens: (context, { path }) => ({ data: encode(ready(context).semanticTokens(path), service.positions(path)) }),
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

export function createDslBackend(module: object = dsl): LanguageBackend {
  const exports = module as DslExports;
  const Parser = found(exports, 'IncrementalParser');
  const checkProgram = found(exports, 'checkProgram');
  const memorySourceHost = found(exports, 'memorySourceHost');
  const formatRulebookFile = found(exports, 'formatRulebookFile');
  const LanguageService = found(exports, 'DefaultLanguageService');
  const encodeSemanticTokens = found(exports, 'encodeSemanticTokens');
  const legend = exports.SEMANTIC_TOKEN_LEGEND;

  const services: { [M in ServiceMethod]?: ServiceHandler<M> } = {};
  if (formatRulebookFile) services.format = formatHandler(formatRulebookFile);
  if (LanguageService && encodeSemanticTokens) {
    Object.assign(services, serviceHandlers(new LanguageService(), encodeSemanticTokens));
    // Without a legend Monaco cannot read the tokens: leave semantic highlighting out rather than guess.
    if (!legend) delete services.semanticTokens;
  }

  const serviceAvailability = Object.fromEntries(
    SERVICE_METHODS.map((method) => [
      method,
      services[method]
        ? AVAILABLE
        : missing(method === 'format' ? 'formatting (formatRulebookFile)' : `the language service's ${method}`),
    ]),
  ) as Record<ServiceMethod, FeatureAvailability>;

  const capabilities: WorkerCapabilities = {
    syntax: Parser ? AVAILABLE : missing('the parser (IncrementalParser)'),
    checking: checkProgram && memorySourceHost ? AVAILABLE : missing('the checker (checkProgram)'),
    services: serviceAvailability,
    ...(services.semanticTokens && legend ? { semanticTokensLegend: { tokenTypes: [...legend.tokenTypes], tokenModifiers: [...legend.tokenModifiers] } } : {}),
  };

  // The checker re-reads every file on each pass; incremental parsers make that cost the edit only.
  const checkParses = new ParseCache();
  return {
    capabilities,
    createParser: Parser ? (path) => new Parser(path) : undefined,
    check:
      checkProgram && memorySourceHost
        ? (files, paths) => checkProgram(memorySourceHost(Object.fromEntries(files)), paths, { parse: checkParses.parse }).diagnostics
        : undefined,
    services,
  };
}
