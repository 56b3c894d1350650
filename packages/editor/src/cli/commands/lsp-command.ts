import type { Command } from 'commander';
import { runLspOverStdio } from '../../lsp/run-lsp-over-stdio.ts';

/** `a6 lsp [--stdio]`: the language server over stdio (docs/cli.md). */
export function registerLspCommand(program: Command): void {
  program
    .command('lsp')
    .description('run the rulebook language server (LSP) over stdin/stdout')
    .option('--stdio', 'talk LSP over stdin/stdout (the only transport; accepted for editor clients)')
    .action(async () => {
      await runLspOverStdio();
    });
}
