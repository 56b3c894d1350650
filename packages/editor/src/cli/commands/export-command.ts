import type { Command } from 'commander';
import { isHistoryDate, isOnOrBefore, type StoredEvent } from '@a6/ledger';
import { CliFailure, EXIT_USAGE, endQuietlyWhenStdoutCloses } from '../cli-io.ts';
import { STORE_OPTION_HELP, withStore } from '../shared-options.ts';

interface ExportOptions {
  readonly store?: string;
  readonly asOf?: string;
}

/**
 * `a6 export [--store URL] [--as-of DATE]` (cli.md): the stored history as NDJSON on stdout, with
 * explicit ids and no `prev` (events.md), streamed so memory stays flat; `--as-of D` keeps events
 * up to and including day D. Re-importing the output into an empty history gives the same chain head.
 */
export function registerExportCommand(program: Command): void {
  program
    .command('export')
    .description('the stored history as NDJSON on stdout (explicit ids, no prev)')
    .option('--store <url>', STORE_OPTION_HELP)
    .option('--as-of <date>', 'only events up to and including this day (YYYY-MM-DD)')
    .action(async (options: ExportOptions) => {
      const asOf = options.asOf;
      if (asOf !== undefined && !isHistoryDate(asOf)) {
        throw new CliFailure(EXIT_USAGE, { code: 'cli.usage', message: `--as-of must be a date YYYY-MM-DD, got '${asOf}'` });
      }
      endQuietlyWhenStdoutCloses();
      await withStore(options.store, async ({ store, history }) => {
        await writeHistoryNdjson(store.readHistory(history), asOf, process.stdout);
      });
    });
}

/** One JSON line per event (`{type, id, at, data, meta?}`), in ~64 KiB chunks, waiting for `drain`. */
async function writeHistoryNdjson(
  events: AsyncIterable<StoredEvent>,
  asOf: string | undefined,
  out: NodeJS.WritableStream,
): Promise<number> {
  let chunk = '';
  let written = 0;
  for await (const event of events) {
    // `at` never decreases along a history, so the first event past the day ends the export.
    if (asOf !== undefined && !isOnOrBefore(event.at, asOf)) break;
    const line: Record<string, unknown> = { type: event.type, id: event.id, at: event.at, data: event.data };
    if (event.meta !== undefined) line.meta = event.meta;
    chunk += `${JSON.stringify(line)}\n`;
    written += 1;
    if (chunk.length >= 65_536) {
      const flushed = out.write(chunk);
      chunk = '';
      if (!flushed) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    }
  }
  await new Promise<void>((resolve, reject) => out.write(chunk, (error) => (error ? reject(error) : resolve())));
  return written;
}
