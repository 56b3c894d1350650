import type { Command } from 'commander';
import { COMPARE_RENDERINGS, compareDetailed } from '@a6/ledger';
import {
  bindRulebookChoices,
  checkAsOf,
  compileRulebookChoice,
  historyInputOptions,
  orderedOptionParsers,
  resolveOutputFormat,
  usage,
  withHistoryInput,
  withProgressBar,
  writeOutput,
  type HistoryInput,
  type OrderedValue,
} from '../shared-options.ts';

interface CompareCommandOptions extends HistoryInput {
  readonly rulebook: readonly OrderedValue[];
  readonly name: readonly OrderedValue[];
  readonly asOf?: string;
  readonly json?: boolean;
  readonly format?: string;
  readonly out?: string;
}

/**
 * `a6 compare (--history FILE | --store URL) --rulebook A.a6[#NAME] [--name X] --rulebook B.a6 …
 * [--as-of D] [--json | --format table|csv|html] [--out FILE]` (docs/cli.md): one pass over the history
 * through every rulebook; the first is the baseline. Differences are results (exit 0).
 */
export function registerCompareCommand(program: Command): void {
  const { collect } = orderedOptionParsers();
  historyInputOptions(program.command('compare').description('compare rulebooks over the same history: verdicts that flip, adjustments that move, first divergence'))
    .option('--rulebook <file>', 'rulebook file (.a6), FILE.a6#NAME picks a rulebook; repeat, the first is the baseline', collect, [])
    .option('--name <rulebook>', 'the rulebook of the --rulebook before it (when its file declares several)', collect, [])
    .option('--as-of <date>', 'compare over events up to and including this UTC day (YYYY-MM-DD)')
    .option('--json', 'print the a6.compare/1 report as JSON (same as --format json)')
    .option('--format <format>', `output format: ${Object.keys(COMPARE_RENDERINGS).join(', ')}`)
    .option('--out <file>', 'write the output to FILE instead of stdout')
    .action(async (options: CompareCommandOptions) => {
      const format = resolveOutputFormat(options, Object.keys(COMPARE_RENDERINGS));
      checkAsOf(options.asOf);
      const choices = bindRulebookChoices(options.rulebook, options.name);
      if (choices.length === 0) throw usage('give at least one --rulebook (the first is the baseline)');
      const rulebooks = choices.map(compileRulebookChoice);
      const outcome = await withHistoryInput(options, (events, total) =>
        withProgressBar('compare', total, (onProgress) =>
          compareDetailed(events, rulebooks, { ...(options.asOf === undefined ? {} : { asOf: options.asOf }), ...(onProgress === undefined ? {} : { onProgress }) }),
        ),
      );
      writeOutput(COMPARE_RENDERINGS[format]!(outcome), options.out);
    });
}
