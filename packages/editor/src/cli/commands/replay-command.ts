import type { Command } from 'commander';
import { REPLAY_RENDERINGS, buildReplayReport, replay } from '@a6/ledger';
import {
  checkAsOf,
  checkHistoryInput,
  compileRulebookChoice,
  historyInputOptions,
  resolveOutputFormat,
  withHistoryInput,
  withProgressBar,
  writeOutput,
  type HistoryInput,
} from '../shared-options.ts';

interface ReplayCommandOptions extends HistoryInput {
  readonly rulebook: string;
  readonly name?: string;
  readonly asOf?: string;
  readonly json?: boolean;
  readonly format?: string;
  readonly out?: string;
}

/**
 * `a6 replay (--history FILE.ndjson | --store URL) --rulebook FILE.a6 [--name RULEBOOK] [--as-of DATE]
 * [--json | --format table|csv|html] [--out FILE]` (cli.md): replays a history under one rulebook and
 * prints the `a6.replay/1` report. Rejections are results (exit 0); an invalid rulebook or history
 * exits 1 with `FILE:LINE:COL` / `FILE:LINE:` diagnostics on stderr.
 */
export function registerReplayCommand(program: Command): void {
  historyInputOptions(program.command('replay').description('replay a history under one rulebook: verdicts, levies, holdings, structured summary'))
    .requiredOption('--rulebook <file>', 'rulebook file (.a6)')
    .option('--name <rulebook>', 'the rulebook to use when the file (or its imports) declares several; default: the last one the file declares')
    .option('--as-of <date>', 'replay events up to and including this UTC day (YYYY-MM-DD)')
    .option('--json', 'print the a6.replay/1 report as JSON (same as --format json)')
    .option('--format <format>', `output format: ${Object.keys(REPLAY_RENDERINGS).join(', ')}`)
    .option('--out <file>', 'write the output to FILE instead of stdout')
    .action(async (options: ReplayCommandOptions) => {
      const format = resolveOutputFormat(options, Object.keys(REPLAY_RENDERINGS));
      // Usage errors come before the rulebook is compiled (exit 2, not 1, when both are wrong).
      checkHistoryInput(options);
      checkAsOf(options.asOf);
      const rulebook = compileRulebookChoice(options.name === undefined ? { file: options.rulebook } : { file: options.rulebook, name: options.name });
      const outcome = await withHistoryInput(options, (events, total) =>
        withProgressBar('replay', total, (onProgress) =>
          replay(events, rulebook, {
            ...(options.asOf === undefined ? {} : { asOf: options.asOf }),
            ...(onProgress === undefined ? {} : { onProgress }),
          }),
        ),
      );
      writeOutput(REPLAY_RENDERINGS[format]!(buildReplayReport(outcome)), options.out);
    });
}
