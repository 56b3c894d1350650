import type { ReplayReport } from '@a6/ledger';

/** How many events one rule rejected in a replay, and where its failing checks are. */
export interface RuleRejections {
  /** The file declaring the rule, as the report names it (relative to the entry file). */
  readonly file: string;
  readonly rule: string;
  /** Distinct events (a rejected event has one entry per failing check per fragment). */
  readonly events: number;
  /** 1-based lines of the failing checks, ascending. */
  readonly lines: readonly number[];
}

/**
 * Rejections per rule (docs/reports.md: `rule` and `source` of each entry), counted by event. Built-in
 * integrity checks (`rule: null`) belong to no rule and are not counted here.
 */
export function rejectionCounts(report: ReplayReport): RuleRejections[] {
  const byRule = new Map<string, { file: string; rule: string; events: Set<number>; lines: Set<number> }>();
  for (const entry of report.rejections) {
    if (entry.rule === null || entry.source === null) continue;
    const key = `${entry.source.file}\u0000${entry.rule}`;
    let counted = byRule.get(key);
    if (!counted) {
      counted = { file: entry.source.file, rule: entry.rule, events: new Set(), lines: new Set() };
      byRule.set(key, counted);
    }
    counted.events.add(entry.seq);
    counted.lines.add(entry.source.line);
  }
  return [...byRule.values()]
    .map((counted) => ({ file: counted.file, rule: counted.rule, events: counted.events.size, lines: [...counted.lines].sort((a, b) => a - b) }))
    .sort((a, b) => a.file.localeCompare(b.file) || a.lines[0]! - b.lines[0]!);
}

/** Events rejected by built-in integrity checks, by code (`ledger.units_not_held`, …). */
export function integrityRejections(report: ReplayReport): { code: string; events: number }[] {
  const byCode = new Map<string, Set<number>>();
  for (const entry of report.rejections) {
    if (entry.rule !== null) continue;
    const events = byCode.get(entry.code) ?? new Set<number>();
    events.add(entry.seq);
    byCode.set(entry.code, events);
  }
  return [...byCode].map(([code, events]) => ({ code, events: events.size })).sort((a, b) => a.code.localeCompare(b.code));
}
