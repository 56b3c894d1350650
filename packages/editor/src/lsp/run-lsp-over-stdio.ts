import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startLspServer } from './lsp-server.ts';

/**
 * Serves LSP on stdin/stdout until the client says `exit` or closes stdin (the process then exits with
 * 0 after `shutdown`, else 1). Streams are given explicitly (clients pass `--stdio`, but nothing else is
 * supported), and console output goes to stderr: stdout is the protocol's.
 */
export function runLspOverStdio(): Promise<void> {
  console.log = console.error;
  console.info = console.error;
  const connection = createConnection(ProposedFeatures.all, process.stdin, process.stdout);
  startLspServer(connection);
  return new Promise((resolve) => connection.onExit(() => resolve()));
}
