import { describe, expect, it } from 'vitest';
import { runA6 as a6 } from '../../packages/editor/src/cli/run-a6.test-support.ts';
import { replayReport } from './acceptance-helpers.ts';

// docs/reports.md "Conservation": for every block, issued = held (LEVY:* included) + used + cancelled (levy
// cancellations included) — checked in total over a synthetic history from `a6 gen`, under a rulebook
// with both kinds of levy and a rule that rejects some transfers (so rejected events must have no effect).
interface Line {
  type: string;
  data: { from?: number; to?: number | string; units?: { from: number; to: number }[] };
}

describe('conservation of units over a6 gen histories', () => {
  it.each([
    ['3', 'rulebook plain { }\n'],
    [
      '11',
      `rulebook levied {
  levy sop 5% on issuance to adaptation_fund
  levy omge 2% rounded up on issuance cancel
  rule small_transfers on transfer {
    require event.total <= 50_000
  }
}
`,
    ],
  ])('seed %s', async (seed, rulebook) => {
    const generated = await a6(['gen', '--events', '3000', '--seed', seed]);
    expect(generated.exitCode).toBe(0);
    const events = generated.stdout.trim().split('\n').map((line) => JSON.parse(line) as Line);
    const report = await replayReport(rulebook, events);
    expect(report.verdicts.accepted + report.verdicts.rejected).toBe(3000);
    const rejected = new Set(report.rejections.map((entry) => entry.seq));

    const size = (range: { from: number; to: number }) => range.to - range.from + 1;
    let issued = 0;
    let usedOrCancelled = 0;
    events.forEach((event, seq) => {
      if (rejected.has(seq)) return;
      if (event.type === 'UnitsIssued') issued += size(event.data as { from: number; to: number });
      if (event.type === 'UnitsUsed' || event.type === 'UnitsCancelled') for (const range of event.data.units!) usedOrCancelled += size(range);
    });
    const held = Object.values(report.holdings).reduce((sum, byType) => sum + Object.values(byType).reduce((a, b) => a + b, 0), 0);
    expect(issued).toBeGreaterThan(0);
    expect(held + usedOrCancelled + (report.levies.omge ?? 0)).toBe(issued);
    if (seed === '11') expect(report.verdicts.rejected).toBeGreaterThan(0);
  });
});
