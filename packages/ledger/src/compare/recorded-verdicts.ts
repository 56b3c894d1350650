import type { CompiledRulebook } from '@a6/dsl';
import { ReplayEngine } from '../engine/replay-engine.ts';
import type { EventOf, HistoryEvent } from '../events/types.ts';
import type { CompareVerdict } from './compare-report.ts';

/** A rulebook put in force by a `RulebookAdopted`, and the events it governed (up to the next adoption). */
export interface AdoptionPeriod {
  /** History position of the `RulebookAdopted`. */
  readonly seq: number;
  readonly event: string;
  readonly name: string;
  readonly sha256: string;
  readonly imports?: Readonly<Record<string, string>>;
  /** Position of the next adoption (exclusive end of the period), `null`: to the end of the history. */
  readonly until: number | null;
  /** Recorded `TransactionDecided`s in the period. */
  readonly decisions: number;
}

/** The rulebook that matches an adoption (name and sha256), with the file it came from. */
export interface MatchedRulebook {
  readonly file: string;
  readonly compiled: CompiledRulebook;
}

/** A recorded `TransactionDecided` that the replay does not reproduce. */
export interface DecisionMismatch {
  /** Position of the `TransactionDecided`. */
  readonly seq: number;
  readonly decision: string;
  /** The event it decided. */
  readonly event: string;
  readonly recorded: CompareVerdict & { readonly rulebook: { readonly name: string; readonly sha256: string } };
  /** The replay's verdict; `null` when the decided event is not in the period. */
  readonly replayed: CompareVerdict | null;
  /** Why it does not match: the verdict or codes differ, the decision names another rulebook, or the event is not in the period. */
  readonly problem: 'verdict' | 'rulebook' | 'event_not_in_period';
}

export interface PeriodVerification {
  readonly adoption: { readonly seq: number; readonly event: string; readonly name: string; readonly sha256: string };
  readonly until: number | null;
  /** `unverified`: no given file declares a rulebook of that name and sha256. */
  readonly status: 'verified' | 'mismatch' | 'unverified';
  readonly file: string | null;
  /** Recorded `TransactionDecided`s in the period. */
  readonly decisions: number;
  readonly mismatches: readonly DecisionMismatch[];
}

/** Every adoption of a history, each with the end of its period. */
export async function adoptionPeriods(events: AsyncIterable<HistoryEvent> | Iterable<HistoryEvent>): Promise<AdoptionPeriod[]> {
  const found: { period: Omit<AdoptionPeriod, 'until' | 'decisions'>; decisions: number }[] = [];
  let seq = 0;
  for await (const event of events) {
    // Events read from a store carry their position (a read filtered by type skips the others).
    const stored = (event as { readonly seq?: unknown }).seq;
    if (typeof stored === 'number') seq = stored;
    if (event.type === 'RulebookAdopted') {
      const { name, sha256, imports } = event.data;
      found.push({ period: imports === undefined ? { seq, event: event.id, name, sha256 } : { seq, event: event.id, name, sha256, imports }, decisions: 0 });
    } else if (event.type === 'TransactionDecided' && found.length > 0) found[found.length - 1]!.decisions += 1;
    seq += 1;
  }
  return found.map(({ period, decisions }, index) => ({ ...period, until: found[index + 1]?.period.seq ?? null, decisions }));
}

function codesOf(codes: readonly string[]): CompareVerdict {
  return codes.length === 0 ? { verdict: 'accepted' } : { verdict: 'rejected', codes: [...new Set(codes)].sort() };
}

function sameVerdict(a: CompareVerdict, b: CompareVerdict): boolean {
  return a.verdict === b.verdict && (a.codes ?? []).join('\n') === (b.codes ?? []).join('\n');
}

/**
 * Checks the recorded verdicts of one adoption period (docs/cli.md `a6 verify --rulebook`). The live ledger
 * decides each request on the state of the *whole* history replayed under the rulebook in force (the
 * server rebuilds its engine from the start at every adoption), so the period is checked the same way:
 * a replay from the first event under the matched rulebook, comparing every `TransactionDecided` of the
 * period with the replay's verdict for its event (same verdict, same set of codes).
 */
export async function verifyPeriod(events: AsyncIterable<HistoryEvent> | Iterable<HistoryEvent>, period: AdoptionPeriod, matched: MatchedRulebook): Promise<PeriodVerification> {
  const engine = new ReplayEngine(matched.compiled);
  /** Verdicts of the period's events not yet decided (a decision follows its event; memory stays small). */
  const pending = new Map<string, CompareVerdict>();
  const mismatches: DecisionMismatch[] = [];
  let decisions = 0;
  let seq = 0;
  for await (const event of events) {
    if (period.until !== null && seq >= period.until) break;
    const rejected = engine.rejected;
    engine.step(event, seq);
    const verdict = engine.rejected === rejected ? codesOf([]) : codesOf(engine.rejections.map((entry) => entry.code));
    engine.rejections.length = 0;
    engine.findings.length = 0;
    if (seq >= period.seq) {
      if (event.type === 'TransactionDecided') {
        decisions += 1;
        const mismatch = checkDecision(event, seq, period, pending);
        if (mismatch !== null) mismatches.push(mismatch);
      } else pending.set(event.id, verdict);
    }
    seq += 1;
  }
  return {
    adoption: { seq: period.seq, event: period.event, name: period.name, sha256: period.sha256 },
    until: period.until,
    status: mismatches.length === 0 ? 'verified' : 'mismatch',
    file: matched.file,
    decisions,
    mismatches,
  };
}

function checkDecision(decision: EventOf<'TransactionDecided'>, seq: number, period: AdoptionPeriod, pending: Map<string, CompareVerdict>): DecisionMismatch | null {
  const { data } = decision;
  const recordedVerdict: CompareVerdict = data.verdict === 'accepted' ? { verdict: 'accepted' } : { verdict: 'rejected', codes: [...new Set(data.reasons.map((reason) => reason.code))].sort() };
  const replayed = pending.get(data.event) ?? null;
  pending.delete(data.event);
  const base = { seq, decision: decision.id, event: data.event, recorded: { ...recordedVerdict, rulebook: data.rulebook }, replayed };
  if (replayed === null) return { ...base, problem: 'event_not_in_period' };
  if (data.rulebook.name !== period.name || data.rulebook.sha256 !== period.sha256) return { ...base, problem: 'rulebook' };
  if (!sameVerdict(recordedVerdict, replayed)) return { ...base, problem: 'verdict' };
  return null;
}

/** A period no given file matches: its decisions are counted, not checked. */
export function unverifiedPeriod(period: AdoptionPeriod): PeriodVerification {
  return { adoption: { seq: period.seq, event: period.event, name: period.name, sha256: period.sha256 }, until: period.until, status: 'unverified', file: null, decisions: period.decisions, mismatches: [] };
}

/** Whether a compiled rulebook is the one an adoption names: same name, same sha256, same imported files (by hash) when the adoption lists them. */
export function matchesAdoption(compiled: CompiledRulebook, period: Pick<AdoptionPeriod, 'name' | 'sha256' | 'imports'>): boolean {
  if (compiled.name !== period.name || compiled.sha256 !== period.sha256) return false;
  if (period.imports === undefined) return true;
  const hashes = (imports: Readonly<Record<string, string>>) => Object.values(imports).sort().join(',');
  return hashes(compiled.imports) === hashes(period.imports);
}
