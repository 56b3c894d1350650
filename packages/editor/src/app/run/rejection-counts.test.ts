import { describe, expect, it } from 'vitest';
import type { ReplayReport, ReportEntry as VerdictEntry } from '@a6/ledger';
import { integrityRejections, rejectionCounts } from './rejection-counts.ts';

const entry = (seq: number, rule: string | null, line: number | null, code = rule ? `rule.${rule}` : 'ledger.units_not_held'): VerdictEntry => ({
  seq,
  event: `e${seq}`,
  type: 'UnitsTransferred',
  code,
  rule,
  message: 'm',
  source: line === null ? null : { file: 'within-ndc-only.a6', line, col: 5 },
  unit: 'B:1-10',
  values: {},
});

const report = (rejections: VerdictEntry[]) => ({ rejections }) as unknown as ReplayReport;

describe('rejectionCounts', () => {
  it('counts events, not entries: fragments and checks of one event count once', () => {
    const counts = rejectionCounts(
      report([entry(3, 'ndc_scope', 8), entry(3, 'ndc_scope', 8), entry(5, 'ndc_scope', 8), entry(5, 'vintage', 12), entry(9, null, null)]),
    );
    expect(counts).toEqual([
      { file: 'within-ndc-only.a6', rule: 'ndc_scope', events: 2, lines: [8] },
      { file: 'within-ndc-only.a6', rule: 'vintage', events: 1, lines: [12] },
    ]);
    expect(integrityRejections(report([entry(9, null, null), entry(9, null, null), entry(11, null, null)]))).toEqual([
      { code: 'ledger.units_not_held', events: 2 },
    ]);
  });
});
