export { registerLspCommand } from './register-lsp-command.ts';
export { runLspOverStdio } from './run-lsp-over-stdio.ts';
export { startLspServer } from './lsp-server.ts';
