export * from './protocol.ts';
export { LanguageSession, LanguageFeatureUnavailable, isLanguageFeatureUnavailable } from './language-session.ts';
export { DiagnosticsScheduler, DIAGNOSTICS_DEBOUNCE_MS } from './diagnostics-scheduler.ts';
export type { LanguageBackend, FileParser, ServiceContext, ServiceHandler } from './language-backend.ts';
export { createDslBackend } from './dsl-backend.ts';
