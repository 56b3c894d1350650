export { LanguageClient, startLanguageWorker } from './language-client.ts';
export type { DiagnosticsListener, WorkerEndpoint } from './language-client.ts';
