import { describe, expect, it } from 'vitest';
import type { BookedEntry } from './booked-entry.ts';
import type { UnitMove } from './unit-move.ts';
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

  it('onMove sees what each accepted event did to each fragment after its levies: first transfer, ITMO status, holders', () => {
    const moves: UnitMove[] = [];
    const engine = new ReplayEngine(bilateral(), { onMove: (move) => moves.push(move) });
    workedExampleHistory().forEach((event, seq) => engine.step(event, seq));
    const shown = moves.map((move) => [
      move.event.id,
      move.kind,
      `${move.block.code}:${move.from}-${move.to}`,
      move.authorization?.code ?? null,
      move.holder.ref,
      move.holderAfter?.ref ?? null,
      move.firstTransferred,
      move.itmoBefore,
      move.itmo,
      move.international,
      move.year,
    ]);
    // e10: SOP took 1–50 and OMGE 51–70 before the move; the 930 left are first transferred at issuance.
    expect(shown).toEqual([
      ['e10', 'issuance', 'PE-001-2022:71-1000', 'PER-A1', 'PE-NR:dev', 'PE-NR:dev', true, false, true, false, 2023],
      ['e11', 'transfer', 'PE-001-2022:71-570', 'PER-A1', 'PE-NR:dev', 'SG-NR:buyer', false, true, true, true, 2024],
      ['e12', 'use', 'PE-001-2022:71-370', 'PER-A1', 'SG-NR:buyer', null, false, true, true, false, 2024],
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
