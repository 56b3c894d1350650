import { writeFileSync } from 'node:fs';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { formatDiagnostic, loadRulebook, type CompiledRulebook } from '@a6/dsl';
import { nodeSourceHost } from '@a6/dsl/node';
import { compareDetailed } from '../../compare/compare.ts';
import type { ReplayProgress } from '../../engine/replay.ts';
import { streamHistoryFile, validateHistoryFile } from '../../events/decode-history.ts';
import { formatHistoryIssue } from '../../events/history-issue.ts';
import { isHistoryDate } from '../../events/timestamp.ts';
import type { HistoryEvent } from '../../events/types.ts';
import { COMPARE_RENDERINGS } from '../../renderings/compare-renderings.ts';
import { CliFailure, EXIT_INVALID_INPUT, EXIT_USAGE, writeError } from '../cli-io.ts';
import { withStore } from './import-command.ts';

/** A `--rulebook` or `--name` value with its position on the command line (commander keeps options apart). */
export interface OrderedValue {
  readonly order: number;
  readonly value: string;
}

/** One rulebook asked for: a file and, from `FILE.a6#NAME` or the `--name` after it, a rulebook name. */
export interface RulebookChoice {
  readonly file: string;
  readonly name?: string;
}

export interface HistoryInput {
  readonly history?: string;
  readonly store?: string;
}

interface CompareCommandOptions extends HistoryInput {
  readonly rulebook: readonly OrderedValue[];
  readonly name: readonly OrderedValue[];
  readonly asOf?: string;
  readonly json?: boolean;
  readonly format?: string;
  readonly out?: string;
}

/** Histories above this size get a progress bar on a TTY: roughly a second of work. */
const PROGRESS_THRESHOLD = 50_000;

/**
 * Repeatable `--rulebook` / `--name` options that remember their order on the command line, so each
 * `--name` binds to the `--rulebook` before it (cli.md). Commander calls parsers in argv order.
 */
export function orderedOptionParsers(): { collect: (value: string, previous: readonly OrderedValue[]) => OrderedValue[] } {
  let order = 0;
  return { collect: (value, previous) => [...previous, { order: order++, value }] };
}

const NAME_SUFFIX = /^(.*)#([a-z_][a-z0-9_]*)$/;

/** `FILE.a6#NAME` shorthand and `--name` after its `--rulebook`, in command-line order. */
export function bindRulebookChoices(rulebooks: readonly OrderedValue[], names: readonly OrderedValue[]): RulebookChoice[] {
  const choices: { file: string; name?: string; order: number }[] = rulebooks.map(({ order, value }) => {
    const match = NAME_SUFFIX.exec(value);
    return match === null ? { file: value, order } : { file: match[1]!, name: match[2]!, order };
  });
  for (const name of names) {
    const before = choices.filter((choice) => choice.order < name.order).at(-1);
    if (before === undefined) throw usage(`--name ${name.value} must follow the --rulebook it names`);
    if (before.name !== undefined) throw usage(`--rulebook ${before.file} already names rulebook ${before.name}; --name ${name.value} would name it twice`);
    before.name = name.value;
  }
  return choices.map(({ file, name }) => (name === undefined ? { file } : { file, name }));
}

/** Compiles one chosen rulebook; warnings go to stderr, errors fail the command (exit 1) with diagnostics. */
export function compileRulebookChoice(choice: RulebookChoice): CompiledRulebook {
  const loaded = loadRulebook(nodeSourceHost(process.cwd()), choice.file, choice.name);
  if (loaded.ok) {
    for (const diagnostic of loaded.diagnostics) writeError(formatDiagnostic(diagnostic));
    return loaded.rulebook;
  }
  const errors = loaded.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  throw new CliFailure(
    EXIT_INVALID_INPUT,
    { code: 'dsl.check_failed', message: `${choice.file}: ${errors.length} error${errors.length === 1 ? '' : 's'} in the rulebook`, details: { diagnostics: loaded.diagnostics } },
    loaded.diagnostics.map(formatDiagnostic),
  );
}

/**
 * The history of `--history FILE` (validated exactly like an import first, then streamed: two passes,
 * bounded memory) or of `--store URL`, handed to `work` with its number of events.
 */
export async function withHistoryInput<T>(input: HistoryInput, work: (events: AsyncIterable<HistoryEvent>, total: number) => Promise<T>): Promise<T> {
  if ((input.history === undefined) === (input.store === undefined)) throw usage('give exactly one of --history FILE.ndjson and --store URL');
  const file = input.history;
  if (file !== undefined) {
    const validation = await validateHistoryFile(file);
    if (!validation.ok) {
      throw new CliFailure(
        EXIT_INVALID_INPUT,
        { code: 'history.invalid', message: `${file}: ${validation.issues.length} error(s) in the history`, details: { issues: validation.issues } },
        validation.issues.map((issue) => formatHistoryIssue(file, issue)),
      );
    }
    return work(streamHistoryFile(file), validation.events);
  }
  return withStore(input.store, async ({ store, history }) => {
    const head = await store.head(history);
    return work(store.readHistory(history), head.events);
  });
}

/** A progress bar on stderr when it is a terminal and the history is long enough to wait for. */
export async function withProgressBar<T>(label: string, total: number, work: (onProgress: ((progress: ReplayProgress) => void) | undefined) => Promise<T>): Promise<T> {
  if (!process.stderr.isTTY || total < PROGRESS_THRESHOLD) return work(undefined);
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: `${label} [{bar}] {percentage}% | {value}/{total} events | {at}`, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { at: '' });
  try {
    return await work((progress) => bar.update(progress.events, { at: progress.at ?? '' }));
  } finally {
    bar.stop();
  }
}

/** Writes a command's output to stdout or to `--out FILE` (saying so on stderr). */
export function writeOutput(output: string, out: string | undefined): void {
  if (out === undefined) process.stdout.write(output);
  else {
    writeFileSync(out, output);
    writeError(`wrote ${out}`);
  }
}

export function resolveOutputFormat(options: { readonly json?: boolean; readonly format?: string }, formats: readonly string[]): string {
  if (options.json && options.format !== undefined && options.format !== 'json') throw usage('--json and --format are exclusive');
  const format = options.json ? 'json' : (options.format ?? 'table');
  if (!formats.includes(format)) throw usage(`unknown format '${format}' (${formats.join(', ')})`);
  return format;
}

export function checkAsOf(asOf: string | undefined): void {
  if (asOf !== undefined && !isHistoryDate(asOf)) throw usage(`--as-of takes a day YYYY-MM-DD, not '${asOf}'`);
}

/**
 * `a6 compare (--history FILE | --store URL) --rulebook A.a6[#NAME] [--name X] --rulebook B.a6 …
 * [--as-of D] [--json | --format table|csv|html] [--out FILE]` (cli.md): one pass over the history
 * through every rulebook; the first is the baseline. Differences are results (exit 0).
 */
export function registerCompareCommand(program: Command): void {
  const { collect } = orderedOptionParsers();
  program
    .command('compare')
    .description('compare rulebooks over the same history: verdicts that flip, adjustments that move, first divergence')
    .option('--history <file>', 'history file (.ndjson), validated exactly like an import')
    .option('--store <url>', 'sqlite:PATH | memory: | postgres://… | kurrentdb://…, with ?history=ID')
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

export function usage(message: string): CliFailure {
  return new CliFailure(EXIT_USAGE, { code: 'cli.usage', message });
}
