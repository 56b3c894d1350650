import { loadRulebook } from '@a6/dsl';
import { nodeSourceHost } from '@a6/dsl/node';
import { adoptionPeriods, matchesAdoption, unverifiedPeriod, verifyPeriod, type MatchedRulebook, type PeriodVerification } from '../../compare/recorded-verdicts.ts';
import type { EventType, HistoryEvent } from '../../events/types.ts';
import { writeLine } from '../cli-io.ts';
import { compileRulebookChoice } from './compare-command.ts';

/**
 * `a6 verify --rulebook FILE.a6…` (cli.md), the rulebook part: each `RulebookAdopted` period is replayed
 * with the given file that declares a rulebook of the adopted name and sha256, and every recorded
 * `TransactionDecided` of the period is checked (same verdict, same set of codes); periods that no file
 * matches are reported unverified. `read(types?)` reads the history again (one pass per matched period).
 */
export async function verifyRecordedVerdicts(files: readonly string[], read: (types?: readonly EventType[]) => AsyncIterable<HistoryEvent>): Promise<PeriodVerification[]> {
  // Every file must at least be a valid rulebook file: a typo in one is invalid input, not "unverified".
  for (const file of files) compileRulebookChoice({ file });
  const host = nodeSourceHost(process.cwd());
  const periods = await adoptionPeriods(read(['RulebookAdopted', 'TransactionDecided']));
  const results: PeriodVerification[] = [];
  for (const period of periods) {
    let matched: MatchedRulebook | null = null;
    for (const file of files) {
      const loaded = loadRulebook(host, file, period.name);
      if (loaded.ok && matchesAdoption(loaded.rulebook, period)) {
        matched = { file, compiled: loaded.rulebook };
        break;
      }
    }
    results.push(matched === null ? unverifiedPeriod(period) : await verifyPeriod(read(), period, matched));
  }
  return results;
}

export function reportPeriods(history: string, periods: readonly PeriodVerification[]): void {
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
