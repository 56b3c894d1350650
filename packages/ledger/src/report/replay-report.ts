import type { JsonValue, SourceLocation } from '@a6/dsl';
import { structuredSummary, type PartySummary } from '../accounting/structured-summary.ts';
import type { ReplayOutcome } from '../engine/replay.ts';
import type { VerdictEntry } from '../engine/verdict-entry.ts';
import { canonicalJson, sha256Hex } from '../events/canonical-json.ts';

const REPLAY_REPORT_FORMAT = 'a6.replay/1';

/** The `a6.replay/1` report (replay.md "Report"). Keys are sorted when it is written (`sortedJson`). */
export interface ReplayReport {
  readonly format: typeof REPLAY_REPORT_FORMAT;
  readonly rulebook: {
    readonly name: string;
    readonly file: string;
    readonly sha256: string;
    readonly imports: Readonly<Record<string, string>>;
    readonly options: Readonly<Record<string, string>>;
  };
  readonly history: { readonly events: number; readonly head: string; readonly as_of: string | null };
  readonly verdicts: { readonly accepted: number; readonly rejected: number; readonly findings: number };
  readonly rejections: readonly ReportEntry[];
  readonly findings: readonly ReportEntry[];
  readonly levies: Readonly<Record<string, number>>;
  /** Account → unit type → units held; zero holdings omitted. */
  readonly holdings: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly parties: Readonly<Record<string, PartySummary>>;
  /** sha256 of the canonical JSON of the report without `digest`. */
  readonly digest: string;
}

export interface ReportEntry {
  readonly seq: number;
  readonly event: string;
  readonly type: string;
  readonly code: string;
  readonly rule: string | null;
  readonly message: string;
  readonly source: SourceLocation | null;
  readonly unit: string | null;
  readonly values: Readonly<Record<string, JsonValue>>;
}

function reportEntry(entry: VerdictEntry): ReportEntry {
  const { seq, event, type, code, rule, message, source, unit, values } = entry;
  return { seq, event, type, code, rule, message, source: source === null ? null : { file: source.file, line: source.line, col: source.col }, unit, values };
}

/** Units held per account and unit type at the end of the replay, from the serial ranges themselves. */
function holdingsOf(outcome: ReplayOutcome): Record<string, Record<string, number>> {
  const { state } = outcome;
  const totals = new Map<number, Map<string, number>>();
  for (const block of state.blocks.items) {
    for (const segment of block.units.all()) {
      if (segment.holder < 0) continue;
      let byType = totals.get(segment.holder);
      if (byType === undefined) {
        byType = new Map();
        totals.set(segment.holder, byType);
      }
      byType.set(block.unitType, (byType.get(block.unitType) ?? 0) + segment.to - segment.from + 1);
    }
  }
  const holdings: Record<string, Record<string, number>> = {};
  for (const [account, byType] of totals) {
    const nonZero: Record<string, number> = {};
    for (const [unitType, quantity] of byType) if (quantity !== 0) nonZero[unitType] = quantity;
    if (Object.keys(nonZero).length > 0) holdings[state.account(account)!.ref] = nonZero;
  }
  return holdings;
}

export function buildReplayReport(outcome: ReplayOutcome): ReplayReport {
  const { rulebook } = outcome;
  const body: Omit<ReplayReport, 'digest'> = {
    format: REPLAY_REPORT_FORMAT,
    rulebook: { name: rulebook.name, file: rulebook.file, sha256: rulebook.sha256, imports: rulebook.imports, options: rulebook.options },
    history: { events: outcome.events, head: outcome.head, as_of: outcome.asOf },
    verdicts: outcome.verdicts,
    rejections: outcome.rejections.map(reportEntry),
    findings: outcome.findings.map(reportEntry),
    levies: outcome.levies,
    holdings: holdingsOf(outcome),
    parties: structuredSummary(outcome),
  };
  return { ...body, digest: sha256Hex(canonicalJson(body)) };
}
