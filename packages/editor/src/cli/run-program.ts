import { CommanderError, type Command } from 'commander';
import { CliFailure, EXIT_INTERNAL, EXIT_USAGE, isCliFailure, reportFailure } from './cli-io.ts';

/** Runs the program with uniform error handling and exit codes (docs/cli.md). */
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
