import { nodeSourceHost } from '@a6/dsl/node';
import {
  CodeActionKind,
  LSPErrorCodes,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type Connection,
  type InitializeResult,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  DefaultLanguageService,
  encodeSemanticTokens,
  SEMANTIC_TOKEN_LEGEND,
  type FileEdits,
} from '@a6/dsl';
import { pathToUri, toLspCompletion, toLspDiagnostic, toLspSymbol, toRange, uriToPath } from './lsp-conversions.ts';
import { listRulebookFiles } from './workspace-files.ts';

/** How long diagnostics wait for typing to pause before the program is checked and pushed. */
const DIAGNOSTICS_DELAY_MS = 50;

/**
 * `a6 lsp`: the language service behind the Language Server Protocol. Open documents are synced
 * incrementally and win over the disk; other files (imports, and every `.a6` of the workspace folders,
 * so references and rename reach them) are read from disk. Diagnostics of every open document are
 * pushed after each change, since one file's edit can break another.
 */
export function startLspServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  let workspaceFolders: string[] = [];
  let workspaceFiles: string[] | null = null;
  const diskHost = nodeSourceHost('/');
  const service = new DefaultLanguageService({
    read: (path) => diskHost.read(path),
    listFiles: () => (workspaceFiles ??= listRulebookFiles(workspaceFolders)),
  });
  const refreshWorkspace = (): void => {
    workspaceFiles = null;
    service.documents.invalidate();
  };

  connection.onInitialize((params): InitializeResult => {
    const folders = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
    workspaceFolders = folders.filter((uri) => uri.startsWith('file:')).map(uriToPath);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: true },
        completionProvider: { triggerCharacters: ['.', ' ', '=', ',', '{'] },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        semanticTokensProvider: {
          legend: { tokenTypes: [...SEMANTIC_TOKEN_LEGEND.tokenTypes], tokenModifiers: [...SEMANTIC_TOKEN_LEGEND.tokenModifiers] },
          full: true,
        },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        documentFormattingProvider: true,
      },
      serverInfo: { name: 'a6 lsp' },
    };
  });

  // Fire-and-forget: a failed write means the client went away (vscode-jsonrpc logs it and closes the
  // connection, which ends the server); it must not also surface as an unhandled rejection.
  const publish = (params: Parameters<typeof connection.sendDiagnostics>[0]): void => {
    connection.sendDiagnostics(params).catch(() => undefined);
  };

  let pending: ReturnType<typeof setTimeout> | null = null;
  const scheduleDiagnostics = (): void => {
    if (pending) clearTimeout(pending);
    pending = setTimeout(() => {
      pending = null;
      for (const document of documents.all()) {
        const path = uriToPath(document.uri);
        const positions = service.positions(path);
        const diagnostics = service.diagnostics(path).map((diagnostic) => toLspDiagnostic(diagnostic, positions));
        publish({ uri: document.uri, version: document.version, diagnostics });
      }
    }, DIAGNOSTICS_DELAY_MS);
  };

  documents.onDidOpen(() => refreshWorkspace());
  documents.onDidChangeContent(({ document }) => {
    service.documents.set(uriToPath(document.uri), document.getText(), document.version);
    scheduleDiagnostics();
  });
  documents.onDidClose(({ document }) => {
    service.documents.close(uriToPath(document.uri));
    publish({ uri: document.uri, diagnostics: [] });
    scheduleDiagnostics();
  });
  documents.onDidSave(() => refreshWorkspace());
  connection.onDidChangeWatchedFiles(() => {
    refreshWorkspace();
    scheduleDiagnostics();
  });

  /** The path and offset of a request's position. */
  const at = (params: { textDocument: { uri: string }; position: { line: number; character: number } }) => {
    const path = uriToPath(params.textDocument.uri);
    return { path, offset: service.positions(path).offsetAt(params.position) };
  };
  const location = (path: string, span: { start: number; end: number }) => ({ uri: pathToUri(path), range: toRange(service.positions(path), span) });
  const workspaceEdit = (files: readonly FileEdits[]): WorkspaceEdit => ({
    changes: Object.fromEntries(
      files.map((file) => {
        const positions = service.positions(file.path);
        return [pathToUri(file.path), file.edits.map((edit): TextEdit => ({ range: toRange(positions, edit.span), newText: edit.newText }))];
      }),
    ),
  });

  connection.onCompletion((params) => {
    const { path, offset } = at(params);
    const positions = service.positions(path);
    return service.completion(path, offset).map((item) => toLspCompletion(item, positions));
  });
  connection.onHover((params) => {
    const { path, offset } = at(params);
    const hover = service.hover(path, offset);
    return hover ? { contents: { kind: 'markdown', value: hover.contents }, range: toRange(service.positions(path), hover.span) } : null;
  });
  connection.onDefinition((params) => {
    const { path, offset } = at(params);
    return service.definition(path, offset).map((found) => location(found.path, found.span));
  });
  connection.onReferences((params) => {
    const { path, offset } = at(params);
    return service.references(path, offset, { includeDeclaration: params.context.includeDeclaration }).map((found) => location(found.path, found.span));
  });
  connection.onPrepareRename((params) => {
    const { path, offset } = at(params);
    const prepared = service.prepareRename(path, offset);
    if (!prepared.ok) throw new ResponseError(LSPErrorCodes.RequestFailed, prepared.reason);
    return { range: toRange(service.positions(path), prepared.span), placeholder: prepared.placeholder };
  });
  connection.onRenameRequest((params) => {
    const { path, offset } = at(params);
    const result = service.rename(path, offset, params.newName);
    if (!result.ok) throw new ResponseError(LSPErrorCodes.RequestFailed, result.reason);
    return workspaceEdit(result.edits);
  });
  connection.onDocumentSymbol((params) => {
    const path = uriToPath(params.textDocument.uri);
    const positions = service.positions(path);
    return service.documentSymbols(path).map((symbol) => toLspSymbol(symbol, positions));
  });
  connection.onFoldingRanges((params) =>
    service.foldingRanges(uriToPath(params.textDocument.uri)).map((range) => ({ startLine: range.startLine, endLine: range.endLine, ...(range.kind ? { kind: range.kind } : {}) })),
  );
  connection.languages.semanticTokens.on((params) => {
    const path = uriToPath(params.textDocument.uri);
    return { data: encodeSemanticTokens(service.semanticTokens(path), service.positions(path)) };
  });
  connection.onCodeAction((params): CodeAction[] => {
    const path = uriToPath(params.textDocument.uri);
    const positions = service.positions(path);
    const codes = params.context.diagnostics.flatMap((diagnostic) => (typeof diagnostic.code === 'string' ? [diagnostic.code] : []));
    return service.codeActions(path, positions.spanOf(params.range), codes).map((action) => {
      const range = toRange(positions, action.fixes.span);
      const fixed = params.context.diagnostics.filter(
        (diagnostic) =>
          diagnostic.code === action.fixes.code &&
          diagnostic.range.start.line === range.start.line &&
          diagnostic.range.start.character === range.start.character,
      );
      return {
        title: action.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: fixed,
        edit: workspaceEdit(action.edits),
        ...(action.preferred ? { isPreferred: true } : {}),
      };
    });
  });
  connection.onDocumentFormatting((params) => {
    const path = uriToPath(params.textDocument.uri);
    const positions = service.positions(path);
    return service.format(path).map((edit) => ({ range: toRange(positions, edit.span), newText: edit.newText }));
  });

  documents.listen(connection);
  connection.listen();
}
