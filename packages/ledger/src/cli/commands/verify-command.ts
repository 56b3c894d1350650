import type { Command } from 'commander';
import { verifyChain, type ChainVerification } from '../../events/verify-chain.ts';
import { EXIT_INVALID_INPUT, writeError, writeJson, writeLine } from '../cli-io.ts';
import { withStore } from './import-command.ts';
import { verifyRecordedVerdicts, reportPeriods } from './verify-rulebooks.ts';

interface VerifyOptions {
  readonly store?: string;
  readonly json?: boolean;
  /** `--rulebook FILE.a6…`: also check the recorded verdicts of every adoption period a file matches. */
  readonly rulebook?: readonly string[];
}

/**
 * `a6 verify [--store URL] [--json]` (cli.md), chain part: recomputes the hash chain of the stored
 * history and names the first broken position; exit 1 on a broken chain.
 *
 * Extension point for the rulebook part (`--rulebook FILE.a6…`): add the option here and a second
 * section after `verifyStoreChain`; the JSON document keeps `ok`/`events`/`head`/`broken` at the top
 * and gains a `rulebooks` member, `ok` becoming the conjunction of both parts.
 */
export function registerVerifyCommand(program: Command): void {
  program
    .command('verify')
    .description('check the hash chain of the stored history (tamper evidence)')
    .option('--store <url>', 'sqlite:PATH | memory: | postgres://… | kurrentdb://…, with ?history=ID', undefined)
    .option('--json', 'print {"ok","events","head","broken"} on stdout (with --rulebook also "rulebooks": the adoption periods)')
    .option('--rulebook <files...>', 'rulebook files (.a6): replay each adoption period with the file whose rulebook name and sha256 match, and check every recorded TransactionDecided')
    .addHelpText(
      'after',
      [
        '',
        'broken is null, or {"seq","event","expected","found"}: the first event whose prev is not the hash',
        'of the event before it (event: its id), or seq = events and event = null when the recorded head is',
        'not the hash of the last event. expected is the recomputed hash, found the stored one.',
      ].join('\n'),
    )
    .action(async (options: VerifyOptions) => {
      await withStore(options.store, async ({ store, history }) => {
        const head = await store.head(history);
        const chain = await verifyChain(store.readHistory(history), head.hash);
        const files = options.rulebook ?? [];
        if (files.length === 0) {
          reportChain(history, chain, options.json === true);
          if (!chain.ok) process.exitCode = EXIT_INVALID_INPUT;
          return;
        }
        const periods = await verifyRecordedVerdicts(files, (types) => store.readHistory(history, types === undefined ? {} : { types }));
        const mismatch = periods.some((period) => period.status === 'mismatch');
        if (options.json === true) {
          writeJson({ ok: chain.ok && !mismatch, events: chain.events, head: chain.head, broken: chain.broken, rulebooks: periods });
        } else {
          reportChain(history, chain, false);
          reportPeriods(history, periods);
        }
        if (!chain.ok || mismatch) process.exitCode = EXIT_INVALID_INPUT;
      });
    });
}

function reportChain(history: string, chain: ChainVerification, json: boolean): void {
  if (json) {
    writeJson({ ok: chain.ok, events: chain.events, head: chain.head, broken: chain.broken });
    return;
  }
  if (chain.broken === null) {
    writeLine(`history ${history}: ${chain.events} event(s), chain ok, head ${chain.head}`);
    return;
  }
  const { seq, event, expected, found } = chain.broken;
  const where = event === null ? `the recorded head (after seq ${seq - 1})` : `seq ${seq} (event ${JSON.stringify(event)})`;
  writeError(
    `error[store.chain_broken]: history ${history}: chain broken at ${where}: expected ${expected}, found ${found}`,
  );
  writeLine(`history ${history}: ${chain.events} event(s), chain BROKEN at seq ${seq}`);
}
