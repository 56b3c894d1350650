import type { CompiledRulebook } from '@a6/dsl';
import type { EventType, HistoryEvent } from '../events/types.ts';
import { adoptionPeriods, matchesAdoption, unverifiedPeriod, verifyPeriod, type MatchedRulebook, type PeriodVerification } from './recorded-verdicts.ts';

/**
 * Compiles rulebook `name` of a candidate file; `undefined` when the file does not declare it without
 * errors. The caller owns how files are read (the CLI reads them from disk).
 */
export type CandidateRulebookLoader = (file: string, name: string) => CompiledRulebook | undefined;

/**
 * `a6 verify --rulebook FILE.a6…` (docs/cli.md), the rulebook part: each `RulebookAdopted` period is replayed
 * with the first candidate file that declares a rulebook of the adopted name and sha256, and every
 * recorded `TransactionDecided` of the period is checked (same verdict, same set of codes); periods that
 * no file matches are reported unverified. `read(types?)` reads the history again (one pass per matched
 * period).
 */
export async function verifyRecordedVerdicts(
  files: readonly string[],
  load: CandidateRulebookLoader,
  read: (types?: readonly EventType[]) => AsyncIterable<HistoryEvent>,
): Promise<PeriodVerification[]> {
  const periods = await adoptionPeriods(read(['RulebookAdopted', 'TransactionDecided']));
  const results: PeriodVerification[] = [];
  for (const period of periods) {
    let matched: MatchedRulebook | null = null;
    for (const file of files) {
      const compiled = load(file, period.name);
      if (compiled !== undefined && matchesAdoption(compiled, period)) {
        matched = { file, compiled };
        break;
      }
    }
    results.push(matched === null ? unverifiedPeriod(period) : await verifyPeriod(read(), period, matched));
  }
  return results;
}
