import { performance } from 'node:perf_hooks';
import type { Command } from 'commander';
import {
  WITNESS_DEFAULT_HISTORIES,
  WITNESS_DEFAULT_MAX_EVENTS,
  WITNESS_DEFAULT_SEED,
  historyNdjson,
  renderDiffHtml,
  renderDiffText,
  rulebookDiffReport,
  sortedJson,
  type DiffReport,
  type WitnessOptions,
} from '@a6/ledger';
import { CliFailure, EXIT_INTERNAL, writeError } from '../cli-io.ts';
import { bindRulebookChoices, loadRulebookChoice, resolveOutputFormat, usage } from '../shared-options.ts';
import { writeFilesAtomically } from '../write-files-atomically.ts';
import { searchProgress } from './diff-progress.ts';

interface DiffCommandOptions {
  readonly json?: boolean;
  readonly html?: boolean;
  readonly format?: string;
  readonly witness?: boolean;
  readonly out?: string;
  readonly maxEvents?: string;
  readonly budget?: string;
  readonly histories?: string;
  readonly seed?: string;
}

const RENDERINGS: Readonly<Record<string, (report: DiffReport) => string>> = {
  text: renderDiffText,
  json: (report) => sortedJson(report) + '\n',
  html: renderDiffHtml,
};

/** The time budget of a search when `--budget` is not given. */
export const DIFF_DEFAULT_BUDGET = '30s';

/**
 * `a6 diff A.a6[#NAME] B.a6[#NAME] [--json | --html | --format text|json|html] [--witness [--out
 * W.ndjson] [--max-events N] [--budget 30s] [--histories N] [--seed S]]` (cli.md, negotiators.md):
 * the structural difference of two rulebooks and, with `--witness`, the smallest history found on
 * which they disagree. A difference is a result (exit 0); the witness and its compare report are
 * written whole or not at all.
 */
export function registerDiffCommand(program: Command): void {
  program
    .command('diff')
    .description('what two rulebooks differ in and, with --witness, the smallest history found on which they disagree')
    .argument('<a>', 'rulebook A: FILE.a6, or FILE.a6#NAME to pick one of the file')
    .argument('<b>', 'rulebook B: FILE.a6, or FILE.a6#NAME')
    .option('--json', 'print the a6.diff/1 document (same as --format json)')
    .option('--html', 'print one self-contained HTML page (same as --format html)')
    .option('--format <format>', `output format: ${Object.keys(RENDERINGS).join(', ')}`)
    .option('--witness', 'search for a history on which A and B disagree, and shrink it')
    .option('--out <file>', 'with --witness: write the witness history there (NDJSON) and its compare report beside it (FILE.compare.json)')
    .option('--max-events <n>', `with --witness: the largest candidate history (default ${WITNESS_DEFAULT_MAX_EVENTS})`)
    .option('--budget <time>', `with --witness: stop searching and shrinking after this long: 500ms, 30s, 2m (default ${DIFF_DEFAULT_BUDGET})`)
    .option('--histories <n>', `with --witness: try at most this many candidate histories (default ${WITNESS_DEFAULT_HISTORIES})`)
    .option('--seed <s>', `with --witness: the search's seed, any string (default ${WITNESS_DEFAULT_SEED})`)
    .action((a: string, b: string, options: DiffCommandOptions) => {
      const format = diffFormat(options);
      const witness = witnessOptions(options);
      const [first, second] = bindRulebookChoices([{ order: 0, value: a }, { order: 1, value: b }], []);
      const loadedA = loadRulebookChoice(first!);
      const loadedB = loadRulebookChoice(second!);
      const progress = witness === undefined ? null : searchProgress(witness);
      let report: DiffReport;
      try {
        report = rulebookDiffReport(loadedA, loadedB, witness === undefined ? {} : { witness: { ...witness, onProgress: progress!.update } });
      } finally {
        progress?.stop();
      }
      if (options.out !== undefined) writeWitness(report, options.out);
      process.stdout.write(RENDERINGS[format]!(report));
    });
}

function diffFormat(options: DiffCommandOptions): string {
  if (options.html && (options.json || (options.format !== undefined && options.format !== 'html'))) throw usage('--html, --json and --format are exclusive');
  const chosen = options.html ? { format: 'html' } : options;
  return resolveOutputFormat(chosen.json === true || chosen.format !== undefined ? chosen : { format: 'text' }, Object.keys(RENDERINGS));
}

function witnessOptions(options: DiffCommandOptions): WitnessOptions | undefined {
  if (!options.witness) {
    const stray = (['out', 'maxEvents', 'budget', 'histories', 'seed'] as const).find((key) => options[key] !== undefined);
    if (stray !== undefined) throw usage(`--${stray.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)} needs --witness`);
    return undefined;
  }
  const maxEvents = options.maxEvents === undefined ? WITNESS_DEFAULT_MAX_EVENTS : wholeNumber('--max-events', options.maxEvents, 1, 10_000);
  const histories = options.histories === undefined ? WITNESS_DEFAULT_HISTORIES : wholeNumber('--histories', options.histories, 1, 10_000_000);
  const ms = budgetMs(options.budget ?? DIFF_DEFAULT_BUDGET);
  return { seed: options.seed ?? WITNESS_DEFAULT_SEED, maxEvents, budget: { histories, ms }, clock: () => performance.now() };
}

function wholeNumber(flag: string, text: string, min: number, max: number): number {
  const value = /^\d+(_\d+)*$/.test(text) ? Number(text.replaceAll('_', '')) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) throw usage(`${flag} must be a whole number from ${min} to ${max}, got '${text}'`);
  return value;
}

const UNIT_MS: Readonly<Record<string, number>> = { ms: 1, s: 1_000, m: 60_000 };

/** `--budget`: a duration with a unit (`500ms`, `30s`, `2m`; a bare number is seconds). */
export function budgetMs(text: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m)?$/.exec(text);
  const ms = match === null ? Number.NaN : Number(match[1]) * UNIT_MS[match[2] ?? 's']!;
  if (!(ms > 0) || !Number.isFinite(ms)) throw usage(`--budget takes a duration such as 500ms, 30s or 2m, got '${text}'`);
  return ms;
}

/** Where the compare report of `--out W.ndjson` goes: `W.compare.json` beside it. */
export function compareReportPath(out: string): string {
  return `${out.endsWith('.ndjson') ? out.slice(0, -'.ndjson'.length) : out}.compare.json`;
}

/**
 * Writes the witness as a history (NDJSON, as `a6 import` reads it) and its `a6.compare/1` report beside
 * it, exactly as `a6 compare --history W.ndjson --rulebook A --rulebook B --json` prints it. Without a
 * witness nothing is written (a file left from an earlier run is not touched), and stderr says so.
 */
function writeWitness(report: DiffReport, out: string): void {
  const compare = compareReportPath(out);
  if (report.witness === null) {
    writeError(`no witness: ${out} and ${compare} not written`);
    return;
  }
  try {
    writeFilesAtomically([
      { path: compare, text: sortedJson(report.witness.compare) + '\n' },
      { path: out, text: historyNdjson(report.witness.events) },
    ]);
  } catch (error) {
    throw new CliFailure(EXIT_INTERNAL, { code: 'cli.write_failed', message: `cannot write ${out}: ${error instanceof Error ? error.message : String(error)}` });
  }
  writeError(`wrote ${out} (${report.witness.events.length} events) and ${compare}`);
}
