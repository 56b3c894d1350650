import type { Writable } from 'node:stream';
import type { Command } from 'commander';
import { GEN_DEFAULT_PARTIES, GEN_DEFAULT_SEED, MAX_PARTIES, generateHistory, type HistoryEvent } from '@a6/ledger';
import { CliFailure, EXIT_USAGE } from '../cli-io.ts';

/**
 * `a6 gen --events N [--seed S] [--parties P]` (docs/cli.md): a deterministic synthetic history as NDJSON on
 * stdout, streamed (10^7 events never sit in memory).
 */
export function registerGenCommand(program: Command): void {
  program
    .command('gen')
    .description('deterministic synthetic history (valid, realistic mix of every event type) as NDJSON on stdout')
    .requiredOption('--events <n>', 'exactly this many events')
    .option('--seed <s>', 'PRNG seed (any string)', GEN_DEFAULT_SEED)
    .option('--parties <p>', `number of Parties (2–${MAX_PARTIES})`, String(GEN_DEFAULT_PARTIES))
    .action(async (options: { events: string; seed: string; parties: string }) => {
      const events = wholeNumber('--events', options.events, 0, Number.MAX_SAFE_INTEGER);
      const parties = wholeNumber('--parties', options.parties, 2, MAX_PARTIES);
      await writeNdjson(generateHistory({ events, seed: options.seed, parties }), process.stdout);
    });
}

function wholeNumber(flag: string, text: string, min: number, max: number): number {
  const value = /^\d+(_\d+)*$/.test(text) ? Number(text.replaceAll('_', '')) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new CliFailure(EXIT_USAGE, { code: 'cli.usage', message: `${flag} must be a whole number from ${min} to ${max}, got '${text}'` });
  }
  return value;
}

/**
 * Writes one JSON line per event in ~64 KiB chunks, waiting for `drain` so memory stays flat. A reader
 * that goes away (`a6 gen … | head`) ends the generation quietly instead of crashing on EPIPE.
 */
export async function writeNdjson(events: Iterable<HistoryEvent>, out: Writable): Promise<void> {
  let closed = false;
  const onError = (): void => {
    closed = true;
  };
  out.on('error', onError);
  try {
    let chunk = '';
    for (const event of events) {
      chunk += JSON.stringify(event) + '\n';
      if (chunk.length >= 65_536) {
        if (closed) return;
        const flushed = out.write(chunk);
        chunk = '';
        if (!flushed) await waitForDrain(out);
      }
    }
    if (!closed && chunk.length > 0) out.write(chunk);
    if (!closed) await new Promise<void>((resolve) => out.write('', () => resolve()));
  } finally {
    out.off('error', onError);
  }
}

function waitForDrain(out: Writable): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = (): void => {
      out.off('drain', done);
      out.off('error', done);
      out.off('close', done);
      resolve();
    };
    out.once('drain', done);
    out.once('error', done);
    out.once('close', done);
  });
}
