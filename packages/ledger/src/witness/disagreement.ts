import type { SummaryDiff, VerdictDiff } from '../compare/compare-report.ts';
import type { CompareOutcome } from '../compare/compare.ts';

/** Units a levy took, by rulebook key, where the rulebooks took different amounts (a levy a rulebook lacks took 0). */
export interface LevyDisagreement {
  readonly levy: string;
  readonly values: Readonly<Record<string, number>>;
}

/** Units of one type an account holds at the end, by rulebook key, where they differ (none held: 0). */
export interface HoldingDisagreement {
  readonly account: string;
  readonly unit_type: string;
  readonly values: Readonly<Record<string, number>>;
}

/**
 * Everything two rulebooks' replays of one history can disagree on, read off one compare pass
 * (replay.md "Compare"): the first divergence, verdicts, finding counts, levies, holdings and any
 * structured-summary field. What a witness shows, and what `a6 compare` over its NDJSON shows again.
 */
export interface Disagreement {
  readonly first_divergence: number | null;
  readonly verdict_diffs: readonly VerdictDiff[];
  /** Findings per rulebook key, when the counts differ. */
  readonly findings: Readonly<Record<string, number>> | null;
  readonly levies: readonly LevyDisagreement[];
  readonly holdings: readonly HoldingDisagreement[];
  readonly summary_diffs: readonly SummaryDiff[];
}

/** The disagreement of a compare outcome, `null` when the rulebooks agree on everything it reports. */
export function disagreementOf(outcome: CompareOutcome): Disagreement | null {
  const { report, replays } = outcome;
  const keys = report.rulebooks.map((entry) => entry.key);
  const byKey = <T>(value: (index: number) => T): Record<string, T> => Object.fromEntries(keys.map((key, index) => [key, value(index)]));
  const differs = (values: readonly unknown[]): boolean => values.some((value) => value !== values[0]);

  const findingCounts = report.rulebooks.map((entry) => entry.verdicts.findings);
  const findings = differs(findingCounts) ? byKey((index) => findingCounts[index]!) : null;

  const levyNames = [...new Set(report.rulebooks.flatMap((entry) => Object.keys(entry.levies)))].sort(compareText);
  const levies: LevyDisagreement[] = [];
  for (const levy of levyNames) {
    const values = report.rulebooks.map((entry) => entry.levies[levy] ?? 0);
    if (differs(values)) levies.push({ levy, values: byKey((index) => values[index]!) });
  }

  const accounts = [...new Set(replays.flatMap((replayed) => Object.keys(replayed.holdings)))].sort(compareText);
  const holdings: HoldingDisagreement[] = [];
  for (const account of accounts) {
    const types = [...new Set(replays.flatMap((replayed) => Object.keys(replayed.holdings[account] ?? {})))].sort(compareText);
    for (const unitType of types) {
      const values = replays.map((replayed) => replayed.holdings[account]?.[unitType] ?? 0);
      if (differs(values)) holdings.push({ account, unit_type: unitType, values: byKey((index) => values[index]!) });
    }
  }

  const disagreement: Disagreement = {
    first_divergence: report.first_divergence,
    verdict_diffs: report.verdict_diffs,
    findings,
    levies,
    holdings,
    summary_diffs: report.summary_diffs,
  };
  const agrees =
    disagreement.first_divergence === null &&
    disagreement.verdict_diffs.length === 0 &&
    findings === null &&
    levies.length === 0 &&
    holdings.length === 0 &&
    disagreement.summary_diffs.length === 0;
  return agrees ? null : disagreement;
}

/**
 * How strong a disagreement is, weakest first:
 * - `booking`: only when or how an entry is booked differs, or a field one rulebook leaves empty
 *   (`null`) the other reports as 0 — no figure of any report moves;
 * - `reported`: a figure one rulebook reports and the other leaves empty (`null` beside a number);
 * - `codes`: a transaction is rejected under both, for other reasons (rejection codes);
 * - `finding`: an `expect` fails under one rulebook only;
 * - `figure`: a structured-summary figure has two different values;
 * - `units`: levies take, or accounts end with, other units;
 * - `verdict`: a transaction is accepted under one and rejected under the other.
 * Shrinking keeps the kind it started from, so a witness of a flipped verdict is never traded for one
 * of an empty row.
 */
const DISAGREEMENT_KINDS = ['booking', 'reported', 'codes', 'finding', 'figure', 'units', 'verdict'] as const;
export type DisagreementKind = (typeof DISAGREEMENT_KINDS)[number];

export function disagreementKind(disagreement: Disagreement): DisagreementKind {
  const flips = (diff: VerdictDiff): boolean => new Set(Object.values(diff.verdicts).map((verdict) => verdict.verdict)).size > 1;
  if (disagreement.verdict_diffs.some(flips)) return 'verdict';
  if (disagreement.levies.length > 0 || disagreement.holdings.length > 0) return 'units';
  const numbers = (diff: SummaryDiff): number[] => Object.values(diff.values).filter((value): value is number => value !== null);
  if (disagreement.summary_diffs.some((diff) => new Set(numbers(diff)).size > 1)) return 'figure';
  if (disagreement.findings !== null) return 'finding';
  if (disagreement.verdict_diffs.length > 0) return 'codes';
  if (disagreement.summary_diffs.some((diff) => numbers(diff).some((value) => value !== 0))) return 'reported';
  return 'booking';
}

/** Whether `kind` is at least as strong as `floor`. */
export function atLeast(kind: DisagreementKind, floor: DisagreementKind): boolean {
  return DISAGREEMENT_KINDS.indexOf(kind) >= DISAGREEMENT_KINDS.indexOf(floor);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
