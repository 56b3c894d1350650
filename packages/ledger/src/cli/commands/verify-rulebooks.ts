import { loadRulebook } from '@a6/dsl';
import { nodeSourceHost } from '@a6/dsl/node';
import type { PeriodVerification } from '../../compare/recorded-verdicts.ts';
import { verifyRecordedVerdicts } from '../../compare/verify-recorded-verdicts.ts';
import type { EventType, HistoryEvent } from '../../events/types.ts';
import { writeLine } from '../cli-io.ts';
import { compileRulebookChoice } from './compare-command.ts';

/**
 * `a6 verify --rulebook FILE.a6…`: every file must at least be a valid rulebook file (a typo in one is
 * invalid input, not "unverified"); then the ledger checks each adoption period against the files.
 */
export async function verifyRulebookFiles(files: readonly string[], read: (types?: readonly EventType[]) => AsyncIterable<HistoryEvent>): Promise<PeriodVerification[]> {
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
