import type { Command } from 'commander';
import { loadRulebook } from '@a6/dsl';
import { nodeSourceHost } from '@a6/dsl/node';
import { verifyChain, verifyRecordedVerdicts, type ChainVerification, type EventType, type HistoryEvent, type PeriodVerification } from '@a6/ledger';
import { EXIT_INVALID_INPUT, writeError, writeJson, writeLine, type CliErrorBody } from '../cli-io.ts';
import { STORE_OPTION_HELP, compileRulebookChoice, withStore } from '../shared-options.ts';

interface VerifyOptions {
  readonly store?: string;
  readonly json?: boolean;
  /** `--rulebook FILE.a6…`: also check the recorded verdicts of every adoption period a file matches. */
  readonly rulebook?: readonly string[];
}

/**
 * `a6 verify [--store URL] [--json]` (docs/cli.md), chain part: recomputes the hash chain of the stored
 * history and names the first broken position; exit 1 on a broken chain.
 * With `--rulebook FILE.a6…` it also replays each adoption period and checks the recorded verdicts;
 * the JSON document gains a `rulebooks` member and `ok` is the conjunction of both parts.
 */
export function registerVerifyCommand(program: Command): void {
  program
    .command('verify')
    .description('check the hash chain of the stored history (tamper evidence)')
    .option('--store <url>', STORE_OPTION_HELP)
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
 * A failed verification is a failure in docs/cli.md's sense (non-zero exit), so `--json` prints the error
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

/**
 * `a6 verify --rulebook FILE.a6…`: every file must at least be a valid rulebook file (a typo in one is
 * invalid input, not "unverified"); then the ledger checks each adoption period against the files.
 */
async function verifyRulebookFiles(files: readonly string[], read: (types?: readonly EventType[]) => AsyncIterable<HistoryEvent>): Promise<PeriodVerification[]> {
  for (const file of files) compileRulebookChoice({ file });
  const host = nodeSourceHost(process.cwd());
  return verifyRecordedVerdicts(
    files,
    (file, name) => {
      const loaded = loadRulebook(host, file, name);
      return loaded.ok ? loaded.rulebook : undefined;
    },
    read,
  );
}

function reportPeriods(history: string, periods: readonly PeriodVerification[]): void {
  if (periods.length === 0) {
    writeLine(`history ${history}: no RulebookAdopted, so no recorded verdict to check`);
    return;
  }
  for (const period of periods) {
    const { adoption } = period;
    const span = `seq ${adoption.seq}–${period.until === null ? 'end' : period.until - 1}`;
    const head = `rulebook ${adoption.name} (sha256 ${adoption.sha256.slice(0, 12)}…) adopted at ${span}, ${period.decisions} decision(s)`;
    if (period.status === 'unverified') {
      writeLine(`${head}: UNVERIFIED (no given file declares ${adoption.name} with this sha256)`);
      continue;
    }
    if (period.status === 'verified') {
      writeLine(`${head}: verified with ${period.file}`);
      continue;
    }
    writeLine(`${head}: MISMATCH with ${period.file}: ${period.mismatches.length} decision(s) differ`);
    for (const mismatch of period.mismatches) {
      const recorded = `${mismatch.recorded.verdict}${mismatch.recorded.codes === undefined ? '' : ` [${mismatch.recorded.codes.join(', ')}]`}`;
      const replayed = mismatch.replayed === null ? 'not in this period' : `${mismatch.replayed.verdict}${mismatch.replayed.codes === undefined ? '' : ` [${mismatch.replayed.codes.join(', ')}]`}`;
      const why = mismatch.problem === 'rulebook' ? ` (the decision names ${mismatch.recorded.rulebook.name} ${mismatch.recorded.rulebook.sha256.slice(0, 12)}…)` : '';
      writeLine(`  #${mismatch.seq} decision ${JSON.stringify(mismatch.decision)} of event ${JSON.stringify(mismatch.event)}: recorded ${recorded}, replayed ${replayed}${why}`);
    }
  }
}
