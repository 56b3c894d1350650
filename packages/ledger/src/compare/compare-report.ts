import type { SummaryYear } from '../accounting/structured-summary.ts';

export const COMPARE_REPORT_FORMAT = 'a6.compare/1';

/** A verdict as compare shows it: `codes` (sorted, distinct) only for a rejection. */
export interface CompareVerdict {
  readonly verdict: 'accepted' | 'rejected';
  readonly codes?: readonly string[];
}

export interface CompareRulebookEntry {
  /** The rulebook's name, or `NAME#N` (N its 1-based position) when two share a name. */
  readonly key: string;
  readonly name: string;
  readonly sha256: string;
  readonly verdicts: { readonly accepted: number; readonly rejected: number; readonly findings: number };
  readonly levies: Readonly<Record<string, number>>;
}

export interface VerdictDiff {
  readonly seq: number;
  readonly event: string;
  readonly type: string;
  /**
   * `direct`: some rulebook, evaluated on the baseline's state just before the event, already decides
   * differently from the baseline; `cascade`: the difference only comes from earlier differences.
   */
  readonly cause: 'direct' | 'cascade';
  /** Every rulebook's verdict, by key. */
  readonly verdicts: Readonly<Record<string, CompareVerdict>>;
}

export interface SummaryDiff {
  readonly party: string;
  /** Only for metrics other than tCO2e (docs/reports.md `parties.P.metrics.METRIC`); absent for tCO2e. */
  readonly metric?: string;
  readonly year: number;
  readonly field: keyof SummaryYear;
  /** By key; `null` where the field is `null` or the row is missing on that side. */
  readonly values: Readonly<Record<string, number | null>>;
}

/** The `a6.compare/1` report (docs/reports.md "The compare report"). Keys are sorted when it is written (`sortedJson`). */
export interface CompareReport {
  readonly format: typeof COMPARE_REPORT_FORMAT;
  readonly history: { readonly events: number; readonly head: string };
  /** The first is the baseline. */
  readonly rulebooks: readonly CompareRulebookEntry[];
  /** First `seq` where verdicts, levies or booked accounting entries differ; `null` when nothing does. */
  readonly first_divergence: number | null;
  readonly verdict_diffs: readonly VerdictDiff[];
  /** Ordered by party, (metric,) year, then field in docs/reports.md's table order. */
  readonly summary_diffs: readonly SummaryDiff[];
  /** sha256 of the canonical JSON of this report without `digest`. */
  readonly digest: string;
}
