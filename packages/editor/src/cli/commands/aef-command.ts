import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { AEF_TABLES, aefCsvTables, buildAefReport, checkAef, renderAefJson, type AefFinding, type AefReport } from '@a6/ledger';
import { writeAefXlsx } from '@a6/ledger/aef-xlsx';
import { CliFailure, EXIT_INVALID_INPUT, writeError } from '../cli-io.ts';
import {
  bindRulebookChoices,
  checkHistoryInput,
  compileRulebookChoice,
  historyInputOptions,
  orderedOptionParsers,
  resolveOutputFormat,
  usage,
  withHistoryInput,
  withProgressBar,
  type HistoryInput,
  type OrderedValue,
} from '../shared-options.ts';
import { writeFilesAtomically } from '../write-files-atomically.ts';

interface AefCommandOptions extends HistoryInput {
  readonly rulebook: readonly OrderedValue[];
  readonly name: readonly OrderedValue[];
  readonly party: string;
  readonly year: string;
  readonly submission?: string;
  readonly out?: string;
  readonly format?: string;
  readonly json?: boolean;
  readonly check?: boolean;
}

const AEF_FORMATS = ['csv', 'xlsx', 'json'] as const;
type AefFormat = (typeof AEF_FORMATS)[number];

/** The files `--out DIR` writes besides the five CSVs, per format (docs/cli.md `a6 aef`). */
export const AEF_WORKBOOK_FILE = 'aef.xlsx';
export const AEF_JSON_FILE = 'aef.json';

/**
 * `a6 aef (--history FILE | --store URL) --rulebook FILE.a6[#NAME] --party P --year Y [--out DIR]
 * [--format csv|xlsx|json] [--check]` (docs/cli.md, docs/aef.md): the Party's annual Article 6.2
 * information in the agreed electronic format. `--check` runs the pre-consistency checks first and
 * writes nothing when any finds something (exit 1), as the UNFCCC platform would refuse the filing.
 */
export function registerAefCommand(program: Command): void {
  const { collect } = orderedOptionParsers();
  historyInputOptions(program.command('aef').description("the Party's annual Article 6.2 information (AEF tables T1–T5), with pre-consistency checks"))
    .option('--rulebook <file>', 'rulebook file (.a6); FILE.a6#NAME picks a rulebook', collect, [])
    .option('--name <rulebook>', 'the rulebook to use when the file declares several', collect, [])
    .requiredOption('--party <code>', 'the reporting Party (ISO 3166-1 alpha-3)')
    .requiredOption('--year <year>', 'the reported year: actions dated in it, holdings at its end')
    .option('--submission <n>', "T1's version: 1 for the year's first submission, 2… for a resubmission", '1')
    .option('--out <dir>', 'write T1.csv … T5.csv (and aef.xlsx or aef.json with --format) into DIR, atomically')
    .option('--format <format>', `${AEF_FORMATS.join(', ')}; default csv with --out, json without`)
    .option('--json', 'same as --format json')
    .option('--check', 'run the pre-consistency checks; any finding exits 1 and nothing is written')
    .action(async (options: AefCommandOptions) => {
      const query = aefQuery(options);
      checkHistoryInput(options);
      const choices = bindRulebookChoices(options.rulebook, options.name);
      if (choices.length !== 1) throw usage(`aef takes exactly one --rulebook (got ${choices.length})`);
      const rulebook = compileRulebookChoice(choices[0]!);
      const result = await withHistoryInput(options, (events, total) =>
        withProgressBar('aef', total, (onProgress) => buildAefReport(events, rulebook, { ...query, ...(onProgress === undefined ? {} : { onProgress }) })),
      );
      if (!result.ok) throw new CliFailure(EXIT_INVALID_INPUT, result.error);
      const report = result.report;
      for (const warning of report.warnings) writeError(`warning[${warning.code}]: ${warning.message}`);
      const { rejected } = report.verdicts;
      // The AEF reports accepted facts: a rejected use of units not held is not an action of the Party.
      if (rejected > 0) writeError(`note: ${rejected} of ${report.history.events} events rejected under ${report.rulebook.name} are in no table (a6 replay lists them)`);
      if (options.check) checkOrFail(report);
      await writeAef(report, query.format, options.out);
    });
}

/** Validates the command line before anything is read (usage errors exit 2). */
function aefQuery(options: AefCommandOptions): { party: string; year: number; version: number; format: AefFormat } {
  if (!/^[A-Z]{3}$/.test(options.party)) throw usage(`--party takes an ISO 3166-1 alpha-3 code like RWA, not '${options.party}'`);
  if (!/^\d{4}$/.test(options.year)) throw usage(`--year takes a year like 2025, not '${options.year}'`);
  const version = Number(options.submission);
  if (!/^\d+$/.test(options.submission ?? '') || !Number.isSafeInteger(version) || version < 1) throw usage(`--submission takes a positive integer, not '${options.submission}'`);
  const format = (options.json || options.format !== undefined ? resolveOutputFormat(options, AEF_FORMATS) : options.out === undefined ? 'json' : 'csv') as AefFormat;
  if (options.out === undefined && format !== 'json') throw usage(`--format ${format} writes files: give --out DIR (without --out the report is printed as JSON)`);
  return { party: options.party, year: Number(options.year), version, format };
}

/** `T3 row 4: error[aef.units_not_held]: …`; a table total is `T3 total`. */
export function formatAefFinding(finding: AefFinding): string {
  return `${finding.table} ${finding.row === null ? 'total' : `row ${finding.row}`}: error[${finding.code}]: ${finding.message}`;
}

function checkOrFail(report: AefReport): void {
  const findings = checkAef(report);
  const subject = `the AEF of ${report.party} for ${report.year}`;
  if (findings.length === 0) {
    const summary = Object.entries(report.reconciliation.summary)
      .map(([metric, figures]) => `${metric}: first_transferred ${figures.first_transferred}, oimp_first_transferred ${figures.oimp_first_transferred}, used ${figures.used}`)
      .join('; ');
    writeError(`checks: ${subject} passes the pre-consistency checks (T3 and T4 reconcile; structured summary ${summary})`);
    return;
  }
  const message = `${findings.length} pre-consistency finding${findings.length === 1 ? '' : 's'} in ${subject}; nothing was written`;
  throw new CliFailure(EXIT_INVALID_INPUT, { code: 'aef.check_failed', message, details: { findings } }, [...findings.map(formatAefFinding), `error[aef.check_failed]: ${message}`]);
}

async function writeAef(report: AefReport, format: AefFormat, out: string | undefined): Promise<void> {
  const { T2, T3, T4, T5 } = report.tables;
  const shape = `T2 ${T2.length}, T3 ${T3.length}, T4 ${T4.length}, T5 ${T5.length} rows; digest ${report.digest}`;
  if (out === undefined) {
    process.stdout.write(renderAefJson(report));
    writeError(`aef ${report.party} ${report.year}: ${shape}`);
    return;
  }
  const csv = aefCsvTables(report);
  const files = new Map<string, string | Uint8Array>(AEF_TABLES.map((table) => [`${table}.csv`, csv[table]]));
  if (format === 'xlsx') files.set(AEF_WORKBOOK_FILE, await writeAefXlsx(report));
  if (format === 'json') files.set(AEF_JSON_FILE, renderAefJson(report));
  mkdirSync(out, { recursive: true });
  writeFilesAtomically([...files].map(([name, text]) => ({ path: join(out, name), text })));
  writeError(`wrote ${[...files.keys()].map((name) => join(out, name)).join(', ')}`);
  writeError(`aef ${report.party} ${report.year}: ${shape}`);
}
