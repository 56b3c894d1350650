import type { Command } from 'commander';
import { SUMMARY_FIELDS, explain, renderExplainText, sortedJson, type SummaryField } from '@a6/ledger';
import {
  bindRulebookChoices,
  checkAsOf,
  compileRulebookChoice,
  historyInputOptions,
  orderedOptionParsers,
  usage,
  withHistoryInput,
  withProgressBar,
  writeOutput,
  type HistoryInput,
  type OrderedValue,
} from '../shared-options.ts';

interface ExplainCommandOptions extends HistoryInput {
  readonly rulebook: readonly OrderedValue[];
  readonly name: readonly OrderedValue[];
  readonly party: string;
  readonly year: string;
  readonly field: string;
  readonly metric?: string;
  readonly asOf?: string;
  readonly json?: boolean;
  readonly out?: string;
}

/**
 * `a6 explain (--history FILE | --store URL) --rulebook FILE.a6[#NAME] --party P --year Y --field F
 * [--metric M] [--as-of D] [--json] [--out FILE]` (docs/cli.md): the unit ranges and events behind one figure
 * of the structured summary; derived fields show their formula with its inputs, each explained in turn.
 */
export function registerExplainCommand(program: Command): void {
  const { collect } = orderedOptionParsers();
  historyInputOptions(program.command('explain').description('the unit ranges and events behind one figure of the structured summary'))
    .option('--rulebook <file>', 'rulebook file (.a6); FILE.a6#NAME picks a rulebook', collect, [])
    .option('--name <rulebook>', 'the rulebook to use when the file declares several', collect, [])
    .requiredOption('--party <code>', 'Party (ISO 3166-1 alpha-3)')
    .requiredOption('--year <year>', 'year of the row')
    .requiredOption('--field <field>', `summary field: ${SUMMARY_FIELDS.join(', ')}`)
    .option('--metric <metric>', 'metric table (default tCO2e)')
    .option('--as-of <date>', 'replay events up to and including this UTC day (YYYY-MM-DD)')
    .option('--json', 'print the a6.explain/1 document as JSON')
    .option('--out <file>', 'write the output to FILE instead of stdout')
    .action(async (options: ExplainCommandOptions) => {
      checkAsOf(options.asOf);
      if (!(SUMMARY_FIELDS as readonly string[]).includes(options.field)) throw usage(`unknown field '${options.field}' (${SUMMARY_FIELDS.join(', ')})`);
      if (!/^\d{4}$/.test(options.year)) throw usage(`--year takes a year like 2023, not '${options.year}'`);
      const choices = bindRulebookChoices(options.rulebook, options.name);
      if (choices.length !== 1) throw usage(`explain takes exactly one --rulebook (got ${choices.length})`);
      const rulebook = compileRulebookChoice(choices[0]!);
      const report = await withHistoryInput(options, (events, total) =>
        withProgressBar('explain', total, (onProgress) =>
          explain(events, rulebook, {
            party: options.party,
            year: Number(options.year),
            field: options.field as SummaryField,
            ...(options.metric === undefined ? {} : { metric: options.metric }),
            ...(options.asOf === undefined ? {} : { asOf: options.asOf }),
            ...(onProgress === undefined ? {} : { onProgress }),
          }),
        ),
      );
      writeOutput(options.json ? sortedJson(report) + '\n' : renderExplainText(report), options.out);
    });
}
