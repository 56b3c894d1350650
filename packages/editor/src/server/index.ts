export { createServer, type A6Server, type ListeningServer, type ServerOptions } from './create-server.ts';
export * from './auth/index.ts';
export { ApiError, isApiError, type ApiErrorBody } from './http/api-error.ts';
export { LiveLedger, type AppendOutcome, type AppendedEvent } from './live/index.ts';
export { WorkspaceCompiler } from './rulebooks/workspace-compiler.ts';
