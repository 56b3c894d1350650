import { Command, CommanderError } from 'commander';
import { CliFailure, EXIT_INTERNAL, EXIT_USAGE, isCliFailure, reportFailure } from './cli-io.ts';
import { registerCheckCommand } from './commands/check-command.ts';
import { registerCompareCommand } from './commands/compare-command.ts';
import { registerExplainCommand } from './commands/explain-command.ts';
import { registerExportCommand } from './commands/export-command.ts';
import { registerFmtCommand } from './commands/fmt-command.ts';
import { registerGenCommand } from './commands/gen-command.ts';
import { registerImportA62Command } from './commands/import-a62-command.ts';
import { registerImportCommand } from './commands/import-command.ts';
import { registerReplayCommand } from './commands/replay-command.ts';
import { registerVerifyCommand } from './commands/verify-command.ts';

/**
 * The `a6` command line: every command registers itself here. The editor package adds `serve` and
 * `lsp` on top (it is the one package that sees dsl, ledger and editor).
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
  registerVerifyCommand(program);
  registerGenCommand(program);
  registerImportA62Command(program);
  return program;
}

/** Runs the program with uniform error handling and exit codes. */
export async function runProgram(program: Command, argv: readonly string[]): Promise<void> {
  const json = argv.includes('--json');
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return;
      reportFailure(new CliFailure(EXIT_USAGE, { code: 'cli.usage', message: error.message }), json);
      return;
    }
    if (isCliFailure(error)) {
      reportFailure(error, json);
      return;
    }
    const message = error instanceof Error ? error.message : String(error);
    reportFailure(new CliFailure(EXIT_INTERNAL, { code: 'cli.internal', message }), json);
    if (process.env.A6_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  }
}
