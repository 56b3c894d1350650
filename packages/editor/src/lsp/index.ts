export { runLspOverStdio } from './run-lsp-over-stdio.ts';
export { startLspServer } from './lsp-server.ts';
