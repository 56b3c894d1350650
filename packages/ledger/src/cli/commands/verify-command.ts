import type { Command } from 'commander';
import { verifyChain, type ChainVerification } from '../../events/verify-chain.ts';
import { EXIT_INVALID_INPUT, writeError, writeJson, writeLine, type CliErrorBody } from '../cli-io.ts';
import { withStore } from './import-command.ts';
import { reportPeriods, verifyRulebookFiles } from './verify-rulebooks.ts';

interface VerifyOptions {
  readonly store?: string;
  readonly json?: boolean;
  /** `--rulebook FILE.a6…`: also check the recorded verdicts of every adoption period a file matches. */
  readonly rulebook?: readonly string[];
}

/**
 * `a6 verify [--store URL] [--json]` (cli.md), chain part: recomputes the hash chain of the stored
 * history and names the first broken position; exit 1 on a broken chain.
 * With `--rulebook FILE.a6…` it also replays each adoption period and checks the recorded verdicts;
 * the JSON document gains a `rulebooks` member and `ok` is the conjunction of both parts.
 */
export function registerVerifyCommand(program: Command): void {
  program
    .command('verify')
    .description('check the hash chain of the stored history (tamper evidence)')
    .option('--store <url>', 'sqlite:PATH | memory: | postgres://… | kurrentdb://…, with ?history=ID', undefined)
    .option('--json', 'print {"ok","events","head","broken"} on stdout (with --rulebook also "rulebooks": the adoption periods); on a broken chain or a mismatch the error shape {"error":{code,message,details}} with that document as details')
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
        const periods =
          files.length === 0
            ? null
            : await verifyRulebookFiles(files, (types) => store.readHistory(history, types === undefined ? {} : { types }));
        const mismatch = periods !== null && periods.some((period) => period.status === 'mismatch');
        const ok = chain.ok && !mismatch;
        const report = { ok, events: chain.events, head: chain.head, broken: chain.broken, ...(periods === null ? {} : { rulebooks: periods }) };
        if (options.json === true) writeJson(ok ? report : { error: failureOf(history, chain, mismatch, report) });
        else {
          reportChain(history, chain);
          if (periods !== null) reportPeriods(history, periods);
        }
        if (!ok) process.exitCode = EXIT_INVALID_INPUT;
      });
    });
}

/**
 * A failed verification is a failure in cli.md's sense (non-zero exit), so `--json` prints the error
 * shape; the whole verification document is its `details`, so scripts still see `broken` and the periods.
 */
function failureOf(history: string, chain: ChainVerification, mismatch: boolean, report: object): CliErrorBody {
  if (chain.broken !== null) {
    return {
      code: 'store.chain_broken',
      message: `history ${history}: chain broken at seq ${chain.broken.seq}`,
      details: report,
    };
  }
  return {
    code: 'ledger.verdict_mismatch',
    message: `history ${history}: ${mismatch ? 'a recorded verdict differs from the replay' : 'verification failed'}`,
    details: report,
  };
}

function reportChain(history: string, chain: ChainVerification): void {
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
