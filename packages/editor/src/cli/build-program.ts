import { Command } from 'commander';
import { registerAefCommand } from './commands/aef-command.ts';
import { registerCheckCommand } from './commands/check-command.ts';
import { registerCompareCommand } from './commands/compare-command.ts';
import { registerDiffCommand } from './commands/diff-command.ts';
import { registerExplainCommand } from './commands/explain-command.ts';
import { registerExportCommand } from './commands/export-command.ts';
import { registerFmtCommand } from './commands/fmt-command.ts';
import { registerGenCommand } from './commands/gen-command.ts';
import { registerImportA62Command } from './commands/import-a62-command.ts';
import { registerImportCommand } from './commands/import-command.ts';
import { registerLspCommand } from './commands/lsp-command.ts';
import { registerReplayCommand } from './commands/replay-command.ts';
import { registerServeCommand } from './commands/serve-command.ts';
import { registerTokenCommand } from './commands/token-command.ts';
import { registerVerifyCommand } from './commands/verify-command.ts';

/**
 * The `a6` command line (cli.md), built in one place: it lives in the editor package because that is
 * the one package that sees dsl, ledger and editor, which `serve` and `lsp` need.
 */
export function buildProgram(): Command {
  const program = new Command('a6')
    .description('A6 Ledger: executable Article 6 rulebooks over an event-sourced carbon-unit ledger')
    .showHelpAfterError()
    .exitOverride();
  registerCheckCommand(program);
  registerFmtCommand(program);
  registerImportCommand(program);
  registerExportCommand(program);
  registerReplayCommand(program);
  registerCompareCommand(program);
  registerExplainCommand(program);
  registerDiffCommand(program);
  registerAefCommand(program);
  registerVerifyCommand(program);
  registerGenCommand(program);
  registerImportA62Command(program);
  registerServeCommand(program);
  registerTokenCommand(program);
  registerLspCommand(program);
  return program;
}
