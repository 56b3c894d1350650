import { isRecord } from '../server-api/index.ts';

/**
 * The report shapes of replay.md (`a6.replay/1`, `a6.compare/1`) as the page reads them from the
 * server. Declared here rather than imported from `@a6/ledger`, whose modules reach Node-only code:
 * the page only needs the JSON contract, which the spec fixes.
 */

export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

export interface SourcePoint {
  readonly file: string;
  readonly line: number;
  readonly col: number;
}

/** One rejection or finding entry (replay.md "Per event"). */
export interface VerdictEntry {
  readonly seq: number;
  readonly event: string;
  readonly type: string;
  readonly code: string;
  readonly rule: string | null;
  readonly message: string;
  readonly source: SourcePoint | null;
  readonly unit: string | null;
  readonly values: Readonly<Record<string, JsonValue>>;
}

/** Field order of replay.md's structured summary table. */
export const SUMMARY_FIELDS = [
  'first_transferred',
  'oimp_first_transferred',
  'used',
  'net',
  'acquired',
  'annual_adjustment',
  'average',
  'adjustment',
  'cumulative',
  'inventory',
  'emissions_balance',
  'adjusted_target',
  'a64_first_transferred',
  'a64_used',
] as const;

export type SummaryField = (typeof SUMMARY_FIELDS)[number];
export type SummaryYear = Readonly<Record<SummaryField, number | null>>;

export interface PartySummary {
  readonly method: string;
  readonly years: Readonly<Record<string, SummaryYear>>;
  readonly metrics?: Readonly<Record<string, { readonly years: Readonly<Record<string, SummaryYear>> }>>;
}

export interface VerdictCounts {
  readonly accepted: number;
  readonly rejected: number;
  readonly findings: number;
}

export interface ReplayReport {
  readonly format: 'a6.replay/1';
  readonly rulebook: {
    readonly name: string;
    readonly file?: string;
    readonly sha256: string;
    readonly imports?: Readonly<Record<string, string>>;
    readonly options: Readonly<Record<string, string>>;
  };
  readonly history: { readonly events: number; readonly head: string; readonly as_of: string | null };
  readonly verdicts: VerdictCounts;
  readonly rejections: readonly VerdictEntry[];
  readonly findings: readonly VerdictEntry[];
  readonly levies: Readonly<Record<string, number>>;
  readonly holdings: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly parties: Readonly<Record<string, PartySummary>>;
  readonly digest: string;
}

export interface CompareVerdict {
  readonly verdict: 'accepted' | 'rejected';
  readonly codes?: readonly string[];
}

export interface CompareRulebook {
  readonly key: string;
  readonly name: string;
  readonly sha256: string;
  readonly verdicts: VerdictCounts;
  readonly levies: Readonly<Record<string, number>>;
}

export interface VerdictDiff {
  readonly seq: number;
  readonly event: string;
  readonly type: string;
  readonly cause: 'direct' | 'cascade';
  readonly verdicts: Readonly<Record<string, CompareVerdict>>;
}

export interface SummaryDiff {
  readonly party: string;
  readonly metric?: string;
  readonly year: number;
  readonly field: SummaryField;
  readonly values: Readonly<Record<string, number | null>>;
}

export interface CompareReport {
  readonly format: 'a6.compare/1';
  readonly history: { readonly events: number; readonly head: string };
  readonly rulebooks: readonly CompareRulebook[];
  readonly first_divergence: number | null;
  readonly verdict_diffs: readonly VerdictDiff[];
  readonly summary_diffs: readonly SummaryDiff[];
  readonly digest: string;
}

const isCounts = (value: unknown): value is VerdictCounts =>
  isRecord(value) && typeof value.accepted === 'number' && typeof value.rejected === 'number' && typeof value.findings === 'number';

/**
 * Checks the parts of a replay report the views rely on (format, counts, lists, maps); `undefined`
 * for anything else, which the page reports as a bad response instead of rendering half a report.
 */
export function decodeReplayReport(body: unknown): ReplayReport | undefined {
  if (!isRecord(body) || body.format !== 'a6.replay/1') return undefined;
  if (!isRecord(body.rulebook) || typeof body.rulebook.name !== 'string' || !isRecord(body.history)) return undefined;
  if (!isCounts(body.verdicts) || !Array.isArray(body.rejections) || !Array.isArray(body.findings)) return undefined;
  if (!isRecord(body.levies) || !isRecord(body.holdings) || !isRecord(body.parties) || typeof body.digest !== 'string') return undefined;
  return body as unknown as ReplayReport;
}

export function decodeCompareReport(body: unknown): CompareReport | undefined {
  if (!isRecord(body) || body.format !== 'a6.compare/1' || !isRecord(body.history)) return undefined;
  if (!Array.isArray(body.rulebooks) || !body.rulebooks.every((entry) => isRecord(entry) && typeof entry.key === 'string' && isCounts(entry.verdicts))) return undefined;
  if (!(body.first_divergence === null || typeof body.first_divergence === 'number')) return undefined;
  if (!Array.isArray(body.verdict_diffs) || !Array.isArray(body.summary_diffs) || typeof body.digest !== 'string') return undefined;
  return body as unknown as CompareReport;
}
