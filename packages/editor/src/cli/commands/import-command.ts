import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { HistoryChecker, formatHistoryIssue, isSkippedLine, parseHistoryLine, type HistoryEvent, type HistoryIssue, type HistoryValidation } from '@a6/ledger';
import { readHistoryFile, readHistoryLines, streamHistoryFile, validateHistoryFile } from '@a6/ledger/node';
import { isIdConflictError, type IdConflict, type OpenedStore } from '@a6/ledger/store';
import { CliFailure, EXIT_INVALID_INPUT, writeJson, writeLine } from '../cli-io.ts';
import { STORE_OPTION_HELP, withStore } from '../shared-options.ts';

interface ImportOptions {
  readonly store?: string;
  readonly sort?: boolean;
  readonly json?: boolean;
}

/** Imports above this size get a progress bar (on a TTY): roughly a second of work. */
const PROGRESS_THRESHOLD = 20_000;

/**
 * `a6 import FILE.ndjson [--store URL] [--sort] [--json]` (docs/cli.md, docs/events.md "Bad input"): validates
 * the whole file against itself and the stored history, reports every error (up to 100) and stores
 * nothing, or appends it in one atomic batch.
 */
export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .description('validate a history file (NDJSON) and append it atomically to a store')
    .argument('<file>', 'history file (.ndjson)')
    .option('--store <url>', STORE_OPTION_HELP)
    .option('--sort', 'stably sort the file by at before checking and appending')
    .option('--json', 'print {"history","stored","skipped","events","head"} on stdout')
    .addHelpText(
      'after',
      [
        '',
        'Errors go to stderr as FILE:LINE: error[history.CODE]: message (all of them, up to 100) and',
        'nothing is stored (exit 1). Events whose id is already stored with the same content are skipped.',
      ].join('\n'),
    )
    .action(async (file: string, options: ImportOptions) => {
      await withStore(options.store, (opened) => runImport(file, opened, options));
    });
}

async function runImport(file: string, { store, history }: OpenedStore, options: ImportOptions): Promise<void> {
  const checker = new HistoryChecker();
  const before = await store.head(history);
  // Validation sees the stored history, so a continuation file may refer to what earlier imports opened.
  if (before.events > 0) for await (const event of store.readHistory(history)) checker.seed(event);

  let events: readonly HistoryEvent[] | undefined;
  let validation: HistoryValidation;
  try {
    if (options.sort) {
      const decoded = await readHistoryFile(file, { sort: true, checker });
      validation = decoded.ok ? { ok: true, events: decoded.events.length, head: decoded.head } : decoded;
      if (decoded.ok) events = decoded.events;
    } else {
      validation = await validateHistoryFile(file, { checker });
    }
  } catch (error) {
    throw unreadable(file, error);
  }
  if (!validation.ok) throw invalidHistory(file, validation.issues);

  const source = events ?? streamHistoryFile(file, validation.head);
  const bar = progressBar(validation.events);
  try {
    // The file was checked against this head: a writer that slips in meanwhile fails the import cleanly.
    const result = await store.append(history, withProgress(source, bar), { expectedHead: before.events });
    bar?.stop();
    if (options.json) {
      writeJson({ history, stored: result.stored, skipped: result.skipped, events: result.head.events, head: result.head.hash });
    } else {
      writeLine(`stored ${result.stored} event(s), skipped ${result.skipped} already stored`);
      writeLine(`history ${history}: ${result.head.events} event(s), chain head ${result.head.hash}`);
    }
  } catch (error) {
    bar?.stop();
    if (isIdConflictError(error)) throw invalidHistory(file, await conflictIssues(file, error.conflicts));
    throw error;
  }
}

/** Ids the store refused (stored with other content), located in the file for the usual report. */
async function conflictIssues(file: string, conflicts: readonly IdConflict[]): Promise<HistoryIssue[]> {
  const wanted = new Map(conflicts.map((conflict) => [conflict.id, conflict]));
  const issues: HistoryIssue[] = [];
  let line = 0;
  for await (const text of readHistoryLines(file)) {
    line += 1;
    if (isSkippedLine(text)) continue;
    const parsed = parseHistoryLine(text, line);
    const conflict = parsed.ok ? wanted.get(parsed.event.id) : undefined;
    if (!parsed.ok || conflict === undefined) continue;
    wanted.delete(parsed.event.id);
    const where = conflict.seq === null ? '' : ` (seq ${conflict.seq})`;
    issues.push({
      code: 'history.id_conflict',
      line,
      path: 'id',
      message: `id ${JSON.stringify(parsed.event.id)} is already stored${where} with other content`,
    });
  }
  return issues;
}

function invalidHistory(file: string, issues: readonly HistoryIssue[]): CliFailure {
  const errors = issues.filter((issue) => issue.code !== 'history.too_many_errors').length;
  return new CliFailure(
    EXIT_INVALID_INPUT,
    { code: 'history.invalid', message: `${file}: ${errors} error(s); nothing was stored`, details: { file, issues } },
    [...issues.map((issue) => formatHistoryIssue(file, issue)), `${file}: ${errors} error(s); nothing was stored`],
  );
}

function unreadable(file: string, error: unknown): CliFailure {
  const reason = error instanceof Error ? error.message : String(error);
  return new CliFailure(EXIT_INVALID_INPUT, { code: 'history.unreadable', message: `cannot read ${file}: ${reason}` });
}

function progressBar(total: number): cliProgress.SingleBar | undefined {
  if (!process.stderr.isTTY || total < PROGRESS_THRESHOLD) return undefined;
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: 'importing [{bar}] {percentage}% {value}/{total} events, eta {eta}s', hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return bar;
}

async function* withProgress(
  events: Iterable<HistoryEvent> | AsyncIterable<HistoryEvent>,
  bar: cliProgress.SingleBar | undefined,
): AsyncGenerator<HistoryEvent> {
  let count = 0;
  for await (const event of events) {
    count += 1;
    if (bar !== undefined && count % 1000 === 0) bar.update(count);
    yield event;
  }
  bar?.update(count);
}
