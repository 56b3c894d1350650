export type {
  CodeActionInfo,
  CompletionEntry,
  CompletionKind,
  Diagnostic,
  DocumentSymbolInfo,
  FileDiagnostics,
  FileEdit,
  FileLocation,
  FoldingRangeInfo,
  HoverInfo,
  LineColumn,
  PageToWorker,
  PrepareRenameOutcome,
  RenameOutcome,
  SemanticTokensInfo,
  ServiceMethod,
  ServiceRequests,
  SymbolKind,
  TextChange,
  TextEdit,
  TextRange,
  WorkerToPage,
} from './protocol.ts';
export { LanguageSession } from './language-session.ts';
export { DiagnosticsScheduler } from './diagnostics-scheduler.ts';
export type { DiagnosticsPublisher } from './diagnostics-scheduler.ts';
export type { LanguageBackend, FileParser, ServiceContext, ServiceHandler, ServiceHandlers } from './language-backend.ts';
export { createDslBackend } from './dsl-backend.ts';
