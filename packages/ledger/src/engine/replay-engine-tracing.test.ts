import { describe, expect, it } from 'vitest';
import type { BookedEntry } from './booked-entry.ts';
import { ReplayEngine } from './replay-engine.ts';
import { testRulebook } from './testing/test-rulebook.ts';
import { bilateral, workedExampleHistory } from './testing/worked-example.ts';

describe('ReplayEngine tracing and probes (for explain and compare)', () => {
  it('onEntry sees every booked entry with its event and unit range; the summary figures are their sums', () => {
    const entries: BookedEntry[] = [];
    const engine = new ReplayEngine(bilateral(), { onEntry: (entry) => entries.push(entry) });
    workedExampleHistory().forEach((event, seq) => engine.step(event, seq));
    expect(entries.filter((entry) => entry.party === 'PER')).toEqual([
      { seq: 10, event: 'e10', type: 'UnitsIssued', at: '2023-03-01', unit: 'PE-001-2022:71-1000', metric: 'tCO2e', party: 'PER', year: 2023, field: 'firstTransferred', quantity: 930, vintage: null },
      { seq: 10, event: 'e10', type: 'UnitsIssued', at: '2023-03-01', unit: 'PE-001-2022:71-1000', metric: 'tCO2e', party: 'PER', year: 2022, field: 'transferorAdded', quantity: 930, vintage: 2022 },
    ]);
    expect(entries.filter((entry) => entry.party === 'SGP').map((entry) => [entry.event, entry.unit, entry.field, entry.year, entry.quantity])).toEqual([
      ['e11', 'PE-001-2022:71-570', 'acquired', 2024, 500],
      ['e12', 'PE-001-2022:71-370', 'used', 2024, 300],
      ['e12', 'PE-001-2022:71-370', 'acquirerSubtracted', 2024, 300],
    ]);
  });

  it('a probe decides under its own rulebook on another engine’s state, and changes nothing', () => {
    const events = workedExampleHistory();
    const baseline = new ReplayEngine(bilateral());
    // A rulebook that refuses every transfer: on the baseline's state it would reject e11.
    const strict = testRulebook({ name: 'strict', rules: [{ name: 'no_transfer', on: ['transfer'], checks: [{ test: () => false }] }] });
    const probe = new ReplayEngine(strict, { probeOf: baseline });
    expect(probe.state).toBe(baseline.state);
    const probed = events.map((event, seq) => {
      const codes = probe.decideOnly(event, seq).map((entry) => entry.code);
      baseline.step(event, seq);
      return codes;
    });
    expect(probed[11]).toEqual(['rule.no_transfer']);
    expect(probed.filter((codes) => codes.length > 0)).toHaveLength(1);
    expect(baseline.accepted).toBe(15);
    expect(probe.events).toBe(0);
    expect(baseline.book.get('tCO2e', baseline.state.parties.id('SGP'), 2024, 'used')).toBe(300);
  });
});
