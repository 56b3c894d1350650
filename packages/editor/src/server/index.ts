export { createServer, type A6Server, type ListeningServer, type ServerOptions } from './create-server.ts';
export {
  parseRole, formatRole, ROLE_SYNTAX, hashToken, mintToken, principalOf, ANONYMOUS_READER, authenticate,
  requireRole, requirePrincipal, ensureAdminToken, tokenRoutes,
} from './auth/index.ts';
export type {
  Role, RoleKind, MintedToken, Principal, AnonymousAccess, AdminTokenBootstrap,
} from './auth/index.ts';
export { ApiError, isApiError, type ApiErrorBody } from './http/api-error.ts';
export { LiveLedger, type AppendOutcome, type AppendedEvent } from './live/index.ts';
export { WorkspaceCompiler } from './rulebooks/workspace-compiler.ts';
