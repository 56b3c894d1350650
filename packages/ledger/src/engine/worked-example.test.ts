import { describe, expect, it } from 'vitest';
import { given } from './testing/replay-spec.ts';
import { bilateral, workedExampleHistory } from './testing/worked-example.ts';

describe('the worked example of docs/reports.md', () => {
  it('accepts all 15 events and takes SOP 50 (units 1–50) and OMGE 20 (51–70)', () => {
    given(workedExampleHistory())
      .when(bilateral())
      .then(({ report }) => {
        expect(report.history.events).toBe(15);
        expect(report.verdicts).toEqual({ accepted: 15, rejected: 0, findings: 0 });
        expect(report.levies).toEqual({ omge: 20, sop: 50 });
      });
  });

  it('books PER first_transferred 2023 = 930 and annual_adjustment 2022 = +930; averaging gives 310 a year 2021–2023', () => {
    given(workedExampleHistory())
      .when(bilateral())
      .then(({ report }) => {
        const per = report.parties.PER!;
        expect(per.method).toBe('averaging');
        expect(Object.keys(per.years)).toEqual(['2021', '2022', '2023']);
        expect(per.years['2023']!.first_transferred).toBe(930);
        expect(per.years['2022']!.annual_adjustment).toBe(930);
        for (const year of ['2021', '2022', '2023']) {
          expect(per.years[year]!.average).toBe(310);
          expect(per.years[year]!.adjustment).toBe(310);
        }
        expect(per.years['2021']!.emissions_balance).toBeNull();
        expect(per.years['2022']!.emissions_balance).toBe(60000310);
        expect(per.years['2023']!.emissions_balance).toBe(60000310);
        expect(per.years['2023']!.cumulative).toBe(930);
      });
  });

  it('gives SGP acquired 500, used 300 and adjustment −300 in 2024, on trajectory without an inventory', () => {
    given(workedExampleHistory())
      .when(bilateral())
      .then(({ report }) => {
        const sgp = report.parties.SGP!;
        expect(sgp.method).toBe('trajectory');
        expect(Object.keys(sgp.years)).toEqual(['2021', '2022', '2023', '2024']);
        expect(sgp.years['2024']).toEqual({
          first_transferred: 0,
          oimp_first_transferred: 0,
          used: 300,
          net: -300,
          acquired: 500,
          annual_adjustment: -300,
          average: null,
          adjustment: -300,
          cumulative: -300,
          inventory: null,
          emissions_balance: null,
          adjusted_target: null,
          a64_first_transferred: null,
          a64_used: null,
        });
      });
  });

  it('holds 430 (571–1000) at PE-NR:dev, 200 (371–570) at SG-NR:buyer, 50 at LEVY:adaptation_fund; units are conserved', () => {
    given(workedExampleHistory())
      .when(bilateral())
      .then(({ report, outcome }) => {
        expect(report.holdings).toEqual({
          'PE-NR:dev': { ITMO: 430 },
          'SG-NR:buyer': { ITMO: 200 },
          'LEVY:adaptation_fund': { ITMO: 50 },
        });
        const block = outcome.state.blocks.get('PE-001-2022')!;
        expect(block.units.all().map(({ from, to, holder, levied, firstTransferred }) => ({ from, to, holder: holder < 0 ? holder : outcome.state.account(holder)!.ref, levied, firstTransferred }))).toEqual([
          { from: 1, to: 50, holder: 'LEVY:adaptation_fund', levied: true, firstTransferred: false },
          { from: 51, to: 70, holder: -2, levied: true, firstTransferred: false },
          { from: 71, to: 370, holder: -1, levied: false, firstTransferred: true },
          { from: 371, to: 570, holder: 'SG-NR:buyer', levied: false, firstTransferred: true },
          { from: 571, to: 1000, holder: 'PE-NR:dev', levied: false, firstTransferred: true },
        ]);
        // (430 + 200 + 50) held + 300 used + 20 cancelled = 1,000 issued.
      });
  });

  it('is deterministic: two replays give byte-identical reports with the same digest', () => {
    const first = given(workedExampleHistory()).when(bilateral()).report;
    const second = given(workedExampleHistory()).when(bilateral()).report;
    expect(JSON.stringify(first)).toBe(JSON.stringify(second));
    expect(first.digest).toMatch(/^[0-9a-f]{64}$/);
  });
});
