import { describe, expect, it } from 'vitest';
import { loadRulebook, memorySourceHost, type CompiledRulebook } from '@a6/dsl';
import { workedExampleHistory } from '../engine/testing/worked-example.ts';
import { canonicalJson, sha256Hex } from '../events/canonical-json.ts';
import { compareSync } from './compare.ts';
import { rulebookKeys } from './rulebook-keys.ts';

const SOURCE = `
rulebook bilateral "Singapore-style: 5% SOP and 2% OMGE at first issuance" {
  option adjustment.single_year = party_method
  levy sop 5% on issuance where unit.type == "ITMO" to adaptation_fund
  levy omge 2% rounded up on issuance where unit.type == "ITMO" cancel
}

rulebook no_singapore extends bilateral {
  rule no_sgp "no ITMOs to Singapore" on international_transfer {
    require event.to.party != "SGP" else "no ITMOs to {event.to.party}"
  }
}

rulebook trajectory_only extends bilateral {
  option adjustment.single_year = trajectory
}

rulebook sop_only extends bilateral {
  remove levy omge
}
`;

function rulebook(name: string): CompiledRulebook {
  const loaded = loadRulebook(memorySourceHost({ 'bilateral.a6': SOURCE }), 'bilateral.a6', name);
  if (!loaded.ok) throw new Error(loaded.diagnostics.map((diagnostic) => diagnostic.message).join('\n'));
  return loaded.rulebook;
}

const run = (...names: string[]) => compareSync(workedExampleHistory(), names.map(rulebook)).report;

describe('compare (docs/reports.md "The compare report", a6.compare/1)', () => {
  it('a rulebook compared with itself yields no diffs; equal names get NAME#N keys', () => {
    const report = run('bilateral', 'bilateral');
    expect(report.rulebooks.map((entry) => entry.key)).toEqual(['bilateral#1', 'bilateral#2']);
    expect(report.first_divergence).toBeNull();
    expect(report.verdict_diffs).toEqual([]);
    expect(report.summary_diffs).toEqual([]);
    expect(report.rulebooks[0]).toMatchObject({ name: 'bilateral', verdicts: { accepted: 15, rejected: 0, findings: 0 }, levies: { omge: 20, sop: 50 } });
  });

  it('keys: NAME, or NAME#N (1-based position) for every rulebook whose name another shares', () => {
    expect(rulebookKeys(['a', 'b', 'a', 'c'])).toEqual(['a#1', 'b', 'a#3', 'c']);
  });

  it('a rejected transfer is a direct diff; the use of units that never arrived is a cascade', () => {
    const report = run('bilateral', 'no_singapore');
    expect(report.first_divergence).toBe(11);
    expect(report.verdict_diffs).toMatchInlineSnapshot(`
      [
        {
          "cause": "direct",
          "event": "e11",
          "seq": 11,
          "type": "UnitsTransferred",
          "verdicts": {
            "bilateral": {
              "verdict": "accepted",
            },
            "no_singapore": {
              "codes": [
                "rule.no_sgp",
              ],
              "verdict": "rejected",
            },
          },
        },
        {
          "cause": "cascade",
          "event": "e12",
          "seq": 12,
          "type": "UnitsUsed",
          "verdicts": {
            "bilateral": {
              "verdict": "accepted",
            },
            "no_singapore": {
              "codes": [
                "ledger.units_not_held",
              ],
              "verdict": "rejected",
            },
          },
        },
      ]
    `);
    const sgp2024 = report.summary_diffs.filter((diff) => diff.party === 'SGP' && diff.year === 2024);
    expect(Object.fromEntries(sgp2024.map((diff) => [diff.field, diff.values]))).toMatchObject({
      acquired: { bilateral: 500, no_singapore: null },
      used: { bilateral: 300, no_singapore: null },
      adjustment: { bilateral: -300, no_singapore: null },
    });
    expect(report.summary_diffs.some((diff) => diff.party === 'PER')).toBe(false);
  });

  it('summary diffs are ordered by party, year, then field in table order', () => {
    const diffs = run('bilateral', 'no_singapore').summary_diffs;
    const fields = ['first_transferred', 'oimp_first_transferred', 'used', 'net', 'acquired', 'annual_adjustment', 'average', 'adjustment', 'cumulative', 'inventory', 'emissions_balance'];
    const order = diffs.map((diff) => [diff.party, diff.year, fields.indexOf(diff.field)] as const);
    const sorted = [...order].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1] || a[2] - b[2]));
    expect(order).toEqual(sorted);
  });

  it('an options-only variant diverges where its first adjustment entry is booked, with no verdict diff', () => {
    const report = run('bilateral', 'trajectory_only');
    expect(report.verdict_diffs).toEqual([]);
    expect(report.first_divergence).toBe(10);
    expect(report.summary_diffs.filter((diff) => diff.party === 'PER' && diff.field === 'adjustment')).toEqual([
      { party: 'PER', year: 2021, field: 'adjustment', values: { bilateral: 310, trajectory_only: 0 } },
      { party: 'PER', year: 2022, field: 'adjustment', values: { bilateral: 310, trajectory_only: 930 } },
      { party: 'PER', year: 2023, field: 'adjustment', values: { bilateral: 310, trajectory_only: 0 } },
    ]);
  });

  it('a levy difference diverges at the event that takes it; first transfers and adjustments move with it', () => {
    const report = run('bilateral', 'sop_only');
    expect(report.first_divergence).toBe(10);
    expect(report.rulebooks.map((entry) => entry.levies)).toEqual([{ omge: 20, sop: 50 }, { sop: 50 }]);
    expect(report.summary_diffs.find((diff) => diff.party === 'PER' && diff.year === 2023 && diff.field === 'first_transferred')?.values).toEqual({ bilateral: 930, sop_only: 950 });
  });

  it('three rulebooks: every map is keyed by every rulebook; the digest covers everything else', () => {
    const { digest, ...body } = run('bilateral', 'no_singapore', 'trajectory_only');
    expect(Object.keys(body.verdict_diffs[0]!.verdicts)).toEqual(['bilateral', 'no_singapore', 'trajectory_only']);
    expect(body.verdict_diffs[0]!.verdicts.trajectory_only).toEqual({ verdict: 'accepted' });
    expect(body.first_divergence).toBe(10);
    expect(digest).toBe(sha256Hex(canonicalJson(body)));
    expect(body.history).toEqual({ events: 15, head: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it('as of a day: only the events up to it (the transfer of 2024-02-01 is left out)', () => {
    const report = compareSync(workedExampleHistory(), [rulebook('bilateral'), rulebook('no_singapore')], { asOf: '2023-12-31' }).report;
    expect(report.history.events).toBe(11);
    expect(report.first_divergence).toBeNull();
    expect(report.summary_diffs).toEqual([]);
  });

  it('is deterministic: the same inputs give a byte-identical report', () => {
    expect(canonicalJson(run('bilateral', 'no_singapore'))).toBe(canonicalJson(run('bilateral', 'no_singapore')));
  });
});
