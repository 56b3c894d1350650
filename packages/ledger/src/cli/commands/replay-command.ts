import { writeFileSync } from 'node:fs';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { formatDiagnostic, loadRulebook, type CompiledRulebook } from '@a6/dsl';
import { nodeSourceHost } from '@a6/dsl/node';
import { replay, type ReplayOptions, type ReplayOutcome } from '../../engine/replay.ts';
import { streamHistoryFile, validateHistoryFile } from '../../events/decode-history.ts';
import { formatHistoryIssue } from '../../events/history-issue.ts';
import { isHistoryDate } from '../../events/timestamp.ts';
import { REPLAY_RENDERINGS } from '../../renderings/replay-renderings.ts';
import { buildReplayReport } from '../../report/replay-report.ts';
import { CliFailure, EXIT_INVALID_INPUT, EXIT_USAGE, writeError } from '../cli-io.ts';
import { withStore } from './import-command.ts';

interface ReplayCommandOptions {
  readonly history?: string;
  readonly store?: string;
  readonly rulebook: string;
  readonly name?: string;
  readonly asOf?: string;
  readonly json?: boolean;
  readonly format?: string;
  readonly out?: string;
}

/** Histories above this size get a progress bar on a TTY: roughly a second of replay. */
const PROGRESS_THRESHOLD = 50_000;

/**
 * `a6 replay (--history FILE.ndjson | --store URL) --rulebook FILE.a6 [--name RULEBOOK] [--as-of DATE]
 * [--json | --format table|csv] [--out FILE]` (cli.md): replays a history under one rulebook and
 * prints the `a6.replay/1` report. Rejections are results (exit 0); an invalid rulebook or history
 * exits 1 with `FILE:LINE:COL` / `FILE:LINE:` diagnostics on stderr.
 */
export function registerReplayCommand(program: Command): void {
  program
    .command('replay')
    .description('replay a history under one rulebook: verdicts, levies, holdings, structured summary')
    .option('--history <file>', 'history file (.ndjson), validated exactly like an import')
    .option('--store <url>', 'sqlite:PATH | memory: | postgres://… | kurrentdb://…, with ?history=ID')
    .requiredOption('--rulebook <file>', 'rulebook file (.a6)')
    .option('--name <rulebook>', 'the rulebook to use when the file (or its imports) declares several; default: the last one the file declares')
    .option('--as-of <date>', 'replay events up to and including this UTC day (YYYY-MM-DD)')
    .option('--json', 'print the a6.replay/1 report as JSON (same as --format json)')
    .option('--format <format>', `output format: ${Object.keys(REPLAY_RENDERINGS).join(', ')}`)
    .option('--out <file>', 'write the output to FILE instead of stdout')
    .action(async (options: ReplayCommandOptions) => {
      await runReplay(options);
    });
}

async function runReplay(options: ReplayCommandOptions): Promise<void> {
  const format = resolveFormat(options);
  if ((options.history === undefined) === (options.store === undefined)) {
    throw usage('give exactly one of --history FILE.ndjson and --store URL');
  }
  if (options.asOf !== undefined && !isHistoryDate(options.asOf)) throw usage(`--as-of takes a day YYYY-MM-DD, not '${options.asOf}'`);

  const rulebook = compileRulebookFile(options.rulebook, options.name);
  const replayOptions = { ...(options.asOf === undefined ? {} : { asOf: options.asOf }) };
  const outcome =
    options.history !== undefined
      ? await replayHistoryFile(options.history, rulebook, replayOptions)
      : await withStore(options.store, async ({ store, history }) => {
          const head = await store.head(history);
          return withProgress(head.events, (onProgress) => replay(store.readHistory(history), rulebook, { ...replayOptions, onProgress }));
        });
  const output = REPLAY_RENDERINGS[format]!(buildReplayReport(outcome));
  if (options.out === undefined) process.stdout.write(output);
  else {
    writeFileSync(options.out, output);
    writeError(`wrote ${options.out}`);
  }
}

function resolveFormat(options: ReplayCommandOptions): string {
  if (options.json && options.format !== undefined && options.format !== 'json') throw usage('--json and --format are exclusive');
  const format = options.json ? 'json' : (options.format ?? 'table');
  if (REPLAY_RENDERINGS[format] === undefined) throw usage(`unknown format '${format}' (${Object.keys(REPLAY_RENDERINGS).join(', ')})`);
  return format;
}

function compileRulebookFile(file: string, name: string | undefined): CompiledRulebook {
  const loaded = loadRulebook(nodeSourceHost(process.cwd()), file, name);
  for (const diagnostic of loaded.diagnostics) if (loaded.ok) writeError(formatDiagnostic(diagnostic));
  if (loaded.ok) return loaded.rulebook;
  const errors = loaded.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  throw new CliFailure(
    EXIT_INVALID_INPUT,
    { code: 'dsl.check_failed', message: `${file}: ${errors.length} error${errors.length === 1 ? '' : 's'} in the rulebook`, details: { diagnostics: loaded.diagnostics } },
    loaded.diagnostics.map(formatDiagnostic),
  );
}

/** Two passes over the file (events.md: validated exactly like an import), so memory stays bounded. */
async function replayHistoryFile(file: string, rulebook: CompiledRulebook, options: ReplayOptions): Promise<ReplayOutcome> {
  const validation = await validateHistoryFile(file);
  if (!validation.ok) {
    throw new CliFailure(
      EXIT_INVALID_INPUT,
      { code: 'history.invalid', message: `${file}: ${validation.issues.length} error(s) in the history`, details: { issues: validation.issues } },
      validation.issues.map((issue) => formatHistoryIssue(file, issue)),
    );
  }
  return withProgress(validation.events, (onProgress) => replay(streamHistoryFile(file), rulebook, { ...options, head: validation.head, onProgress }));
}

/** A progress bar on stderr when it is a terminal and the history is long enough to wait for. */
async function withProgress<T>(total: number, work: (onProgress: ReplayOptions['onProgress']) => Promise<T>): Promise<T> {
  if (!process.stderr.isTTY || total < PROGRESS_THRESHOLD) return work(undefined);
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: 'replay [{bar}] {percentage}% | {value}/{total} events | {at}', hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { at: '' });
  try {
    return await work((progress) => bar.update(progress.events, { at: progress.at ?? '' }));
  } finally {
    bar.stop();
  }
}

function usage(message: string): CliFailure {
  return new CliFailure(EXIT_USAGE, { code: 'cli.usage', message });
}
