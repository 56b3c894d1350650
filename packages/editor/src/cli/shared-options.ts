import { createReadStream, writeFileSync } from 'node:fs';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { formatDiagnostic, loadRulebook, type CompiledRulebook, type LoadRulebookResult } from '@a6/dsl';
import { nodeSourceHost } from '@a6/dsl/node';
import { HistoryBatches, formatHistoryIssue, isHistoryDate, type HistorySource, type ReplayProgress } from '@a6/ledger';
import { readHistoryFileInOnePass } from '@a6/ledger/node';
import { DEFAULT_STORE_URL, StoreUrlError, isStoreError, openStore, type EventStore, type OpenedStore } from '@a6/ledger/store';
import { CliFailure, EXIT_INTERNAL, EXIT_INVALID_INPUT, EXIT_USAGE, writeError } from './cli-io.ts';

/**
 * What several commands take the same way (docs/cli.md): `--history FILE | --store URL`, `--rulebook
 * FILE.a6[#NAME]` with `--name`, `--as-of`, `--json | --format`, `--out`, and the progress bar.
 */

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

/** What `--store URL` takes, in the help of every command that opens a store (docs/cli.md). */
export const STORE_OPTION_HELP = 'sqlite:PATH | memory: | postgres://… | kurrentdb://…, with ?history=ID';

/** `--history FILE | --store URL`, for the commands that read a history from either (`withHistoryInput`). */
export function historyInputOptions(command: Command): Command {
  return command.option('--history <file>', 'history file (.ndjson), validated exactly like an import').option('--store <url>', STORE_OPTION_HELP);
}

/** Histories above this size get a progress bar on a TTY: roughly a second of work. */
const PROGRESS_THRESHOLD = 50_000;

export function usage(message: string): CliFailure {
  return new CliFailure(EXIT_USAGE, { code: 'cli.usage', message });
}

/**
 * Repeatable `--rulebook` / `--name` options that remember their order on the command line, so each
 * `--name` binds to the `--rulebook` before it (docs/cli.md). Commander calls parsers in argv order.
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
  return loadRulebookChoice(choice).rulebook;
}

/**
 * Loads one chosen rulebook with its resolved model and checked program (what `a6 diff` compares);
 * warnings go to stderr, errors fail the command (exit 1) with located diagnostics.
 */
export function loadRulebookChoice(choice: RulebookChoice): Extract<LoadRulebookResult, { ok: true }> {
  const loaded = loadRulebook(nodeSourceHost(process.cwd()), choice.file, choice.name);
  if (loaded.ok) {
    for (const diagnostic of loaded.diagnostics) writeError(formatDiagnostic(diagnostic));
    return loaded;
  }
  const errors = loaded.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  throw new CliFailure(
    EXIT_INVALID_INPUT,
    { code: 'dsl.check_failed', message: `${choice.file}: ${errors.length} error${errors.length === 1 ? '' : 's'} in the rulebook`, details: { diagnostics: loaded.diagnostics } },
    loaded.diagnostics.map(formatDiagnostic),
  );
}

/** Exactly one of `--history FILE` and `--store URL` (a usage error otherwise). */
export function checkHistoryInput(input: HistoryInput): void {
  if ((input.history === undefined) === (input.store === undefined)) throw usage('give exactly one of --history FILE.ndjson and --store URL');
}

/**
 * The history of `--history FILE` or of `--store URL`, handed to `work` with its number of events (for
 * the progress bar). A file is read once (docs/performance.md): validated exactly like an import while
 * `work` folds its events in batches. When a line is invalid, what `work` computed is thrown away and
 * the command fails with every issue of the file; `work` must therefore not write anything itself
 * (the commands write their report after this returns).
 */
export async function withHistoryInput<T>(input: HistoryInput, work: (events: HistorySource, total: number) => Promise<T>): Promise<T> {
  checkHistoryInput(input);
  const file = input.history;
  if (file !== undefined) {
    const reading = readHistoryFileInOnePass(file);
    // Only a progress bar needs the total up front: an upper bound (the line count), on a terminal only.
    const total = process.stderr.isTTY ? await countLines(file) : 0;
    const result = await work(reading.source, total);
    const read = reading.result();
    if (!read.ok) {
      throw new CliFailure(
        EXIT_INVALID_INPUT,
        { code: 'history.invalid', message: `${file}: ${read.issues.length} error(s) in the history`, details: { issues: read.issues } },
        read.issues.map((issue) => formatHistoryIssue(file, issue)),
      );
    }
    return result;
  }
  return withStore(input.store, async ({ store, history }) => {
    const head = await store.head(history);
    return work(new HistoryBatches(store.readHistoryPages(history)), head.events);
  });
}

/** Lines in a file (0 when it cannot be read: the history reader reports that). */
async function countLines(file: string): Promise<number> {
  let lines = 0;
  try {
    for await (const chunk of createReadStream(file)) {
      for (let at = (chunk as Buffer).indexOf(10); at !== -1; at = (chunk as Buffer).indexOf(10, at + 1)) lines += 1;
    }
  } catch {
    return 0;
  }
  return lines;
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

/** The store of `serve` and `token`: `--store`, else `A6_STORE`, else the embedded default (docs/cli.md). */
export function serverStoreUrl(option: string | undefined): string {
  return option ?? process.env.A6_STORE ?? DEFAULT_STORE_URL;
}

/**
 * Opens the `--store` URL for a command and always closes it; store faults become CLI failures (a bad
 * URL is a usage error, exit 2; anything else from the store, exit 3).
 */
export async function withStore<T>(url: string | undefined, work: (opened: OpenedStore) => Promise<T>): Promise<T> {
  let opened: OpenedStore;
  try {
    opened = await openStore(url);
  } catch (error) {
    throw storeFailure(error);
  }
  try {
    return await work(opened);
  } catch (error) {
    throw storeFailure(error);
  } finally {
    await closeQuietly(opened.store);
  }
}

function storeFailure(error: unknown): unknown {
  if (error instanceof StoreUrlError) return new CliFailure(EXIT_USAGE, { code: error.code, message: error.message });
  if (isStoreError(error)) return new CliFailure(EXIT_INTERNAL, { code: error.code, message: error.message });
  return error;
}

async function closeQuietly(store: EventStore): Promise<void> {
  try {
    await store.close();
  } catch {
    // The command's own outcome matters more than a failing close.
  }
}
