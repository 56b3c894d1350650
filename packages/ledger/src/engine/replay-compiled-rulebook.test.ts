import type { CompiledRulebook } from '@a6/dsl';
// Relative until `@a6/dsl` re-exports the compiler and the memory host (as check-command.ts does).
import { loadRulebook } from '@a6/dsl';
import { memorySourceHost } from '@a6/dsl';
import { describe, expect, it } from 'vitest';
import { buildReplayReport } from '../report/replay-report.ts';
import { replaySync } from './replay.ts';
import { history, twoParties, type HistoryRow } from './testing/history-builder.ts';
import { workedExampleHistory } from './testing/worked-example.ts';

function compile(source: string, name?: string): CompiledRulebook {
  const loaded = loadRulebook(memorySourceHost({ 'rulebook.a6': source }), 'rulebook.a6', name);
  if (!loaded.ok) throw new Error(loaded.diagnostics.map((diagnostic) => diagnostic.message).join('\n'));
  return loaded.rulebook;
}

const BILATERAL = `rulebook bilateral "Singapore-style: 5% SOP and 2% OMGE at first issuance" {
  option adjustment.single_year = party_method
  levy sop 5% on issuance where unit.type == "ITMO" to adaptation_fund
  levy omge 2% rounded up on issuance where unit.type == "ITMO" cancel
}
`;

describe('replay under compiled .a6 rulebooks', () => {
  it('the worked example of docs/reports.md, compiled from its source, gives the numbers docs/reports.md states', () => {
    const report = buildReplayReport(replaySync(workedExampleHistory(), compile(BILATERAL)));
    expect(report.rulebook.name).toBe('bilateral');
    expect(report.rulebook.file).toBe('rulebook.a6');
    expect(report.rulebook.options['adjustment.single_year']).toBe('party_method');
    expect(report.verdicts).toEqual({ accepted: 15, rejected: 0, findings: 0 });
    expect(report.levies).toEqual({ omge: 20, sop: 50 });
    expect(report.parties.PER!.years['2023']!.first_transferred).toBe(930);
    expect(report.parties.PER!.years['2022']!.emissions_balance).toBe(60000310);
    expect(report.parties.SGP!.years['2024']!.adjustment).toBe(-300);
    expect(report.holdings).toEqual({ 'PE-NR:dev': { ITMO: 430 }, 'SG-NR:buyer': { ITMO: 200 }, 'LEVY:adaptation_fund': { ITMO: 50 } });
  });

  it('a failing require gives a rejection with rule, source line/col, interpolated message and values', () => {
    const source = `rulebook strict {
  rule vintage_2021 "ITMOs are mitigation from 2021 on" on first_transfer {
    require unit.vintage >= 2021
      else "{unit.serial} has vintage {unit.vintage}; ITMOs start in 2021"
  }
  rule note "large transfers are noted" on transfer where event.quantity > 50 {
    expect unit.authorization.cap != none
  }
}
`;
    const rows: HistoryRow[] = [
      ['AuthorizationIssued', '2022-01-01', { authorization: 'A1', party: 'PER', activity: 'PE-001', purposes: ['NDC'] }],
      ['UnitsIssued', '2022-03-01', { account: 'PE-NR:dev', activity: 'PE-001', unitType: 'ITMO', block: 'OLD', from: 1, to: 100, vintage: 2019 }],
      ['UnitsTransferred', '2023-01-01', { from: 'PE-NR:dev', to: 'SG-NR:buyer', units: [{ block: 'OLD', from: 1, to: 60 }] }],
      ['UnitsTransferred', '2023-02-01', { from: 'PE-NR:dev', to: 'PE-NR:dev', units: [{ block: 'OLD', from: 61, to: 100 }] }],
    ];
    const report = buildReplayReport(replaySync(history(...twoParties(), ...rows), compile(source)));
    expect(report.verdicts).toEqual({ accepted: 15, rejected: 1, findings: 0 });
    expect(report.rejections).toMatchInlineSnapshot(`
      [
        {
          "code": "rule.vintage_2021",
          "event": "e14",
          "message": "OLD:1-60 has vintage 2019; ITMOs start in 2021",
          "rule": "vintage_2021",
          "seq": 14,
          "source": {
            "col": 5,
            "file": "rulebook.a6",
            "line": 3,
          },
          "type": "UnitsTransferred",
          "unit": "OLD:1-60",
          "values": {
            "2021": 2021,
            "unit.vintage": 2019,
          },
        },
      ]
    `);
    // The rejected transfer had a finding (60 > 50, no cap): dropped with it. Nothing moved.
    expect(report.holdings).toEqual({ 'PE-NR:dev': { ITMO: 100 } });
  });

  it('rules read records the way the checker types them (activity, authorization, party(…).ndc, builtins)', () => {
    const source = `rulebook reads {
  rule facts on first_transfer {
    expect unit.activity.in_ndc and unit.authorization.party == "PER" and party(unit.host).ndc.kind == "single-year"
      and event.to.party == "SGP" and holdings("SGP") == 0 and issued("PE-001") == 100 and false
      else "read {unit.activity.id} {unit.authorization.activity.id} {event.year}"
  }
}
`;
    const rows: HistoryRow[] = [
      ['AuthorizationIssued', '2022-01-01', { authorization: 'A1', party: 'PER', activity: 'PE-001', purposes: ['NDC'] }],
      ['UnitsIssued', '2022-03-01', { account: 'PE-NR:dev', activity: 'PE-001', unitType: 'ITMO', block: 'B', from: 1, to: 100, vintage: 2022 }],
      ['UnitsTransferred', '2023-01-01', { from: 'PE-NR:dev', to: 'SG-NR:buyer', units: [{ block: 'B', from: 1, to: 60 }] }],
    ];
    const report = buildReplayReport(replaySync(history(...twoParties(), ...rows), compile(source)));
    expect(report.findings.map((entry) => entry.message)).toEqual(['read PE-001 PE-001 2023']);
    expect(report.findings[0]!.values).toMatchObject({ 'unit.activity.in_ndc': true, 'holdings("SGP")': 0 });
  });
});
