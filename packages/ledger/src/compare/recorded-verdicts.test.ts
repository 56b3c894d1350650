import { describe, expect, it } from 'vitest';
import { loadRulebook, memorySourceHost, type CompiledRulebook } from '@a6/dsl';
import { history as build, type HistoryRow } from '../engine/testing/history-builder.ts';
import { workedExampleHistory } from '../engine/testing/worked-example.ts';
import type { HistoryEvent } from '../events/types.ts';
import { adoptionPeriods, matchesAdoption, unverifiedPeriod, verifyPeriod } from './recorded-verdicts.ts';

const SOURCE = `
rulebook bilateral {
  levy sop 5% on issuance where unit.type == "ITMO" to adaptation_fund
}
rulebook no_use extends bilateral {
  rule no_use "no NDC use" on use { require event.purpose != "NDC" }
}
`;

function rulebook(name: string): CompiledRulebook {
  const loaded = loadRulebook(memorySourceHost({ 'b.a6': SOURCE }), 'b.a6', name);
  if (!loaded.ok) throw new Error('bad test rulebook');
  return loaded.rulebook;
}

/**
 * The worked example as a live ledger would record it: `bilateral` adopted first, its verdict on the
 * issuance recorded; then `no_use` adopted before the use, whose rejection is recorded.
 */
function liveHistory(useVerdict: 'accepted' | 'rejected'): HistoryEvent[] {
  const [bilateral, noUse] = [rulebook('bilateral'), rulebook('no_use')];
  const events = workedExampleHistory();
  const extra = (rows: HistoryRow[]) => build(...rows).map((event, index) => ({ ...event, id: `${rows[index]![0]}-${index}-${event.at}` }));
  const adopt = (compiled: CompiledRulebook, at: string) => extra([['RulebookAdopted', at, { name: compiled.name, sha256: compiled.sha256 }]])[0]!;
  const decided = (event: string, at: string, compiled: CompiledRulebook, verdict: 'accepted' | 'rejected', codes: string[]) =>
    extra([['TransactionDecided', at, { event, rulebook: { name: compiled.name, sha256: compiled.sha256 }, verdict, reasons: codes.map((code) => ({ rule: code.slice(5), code, message: 'm' })) }]])[0]!;
  return [
    adopt(bilateral, '2021-01-01'),
    ...events.slice(0, 11),
    decided('e10', '2023-03-01', bilateral, 'accepted', []),
    events[11]!,
    adopt(noUse, '2025-01-01'),
    events[12]!,
    decided('e12', '2025-01-15', noUse, useVerdict, useVerdict === 'rejected' ? ['rule.no_use'] : []),
    ...events.slice(13),
  ];
}

describe('recorded verdicts (a6 verify --rulebook)', () => {
  it('finds every adoption period with its end and its recorded decisions', async () => {
    const periods = await adoptionPeriods(liveHistory('rejected'));
    expect(periods.map(({ seq, name, until, decisions }) => ({ seq, name, until, decisions }))).toEqual([
      { seq: 0, name: 'bilateral', until: 14, decisions: 1 },
      { seq: 14, name: 'no_use', until: null, decisions: 1 },
    ]);
  });

  it('each period replays from the first event under its rulebook; every recorded verdict is reproduced', async () => {
    const events = liveHistory('rejected');
    const [first, second] = (await adoptionPeriods(events)) as [Awaited<ReturnType<typeof adoptionPeriods>>[0], Awaited<ReturnType<typeof adoptionPeriods>>[0]];
    expect(matchesAdoption(rulebook('bilateral'), first)).toBe(true);
    expect(matchesAdoption(rulebook('no_use'), first)).toBe(false);
    expect(await verifyPeriod(events, first, { file: 'b.a6', compiled: rulebook('bilateral') })).toMatchObject({ status: 'verified', decisions: 1, mismatches: [] });
    expect(await verifyPeriod(events, second, { file: 'b.a6', compiled: rulebook('no_use') })).toMatchObject({ status: 'verified', decisions: 1, mismatches: [] });
  });

  it('a recorded verdict the rulebook does not give is a mismatch with both verdicts', async () => {
    const events = liveHistory('accepted');
    const second = (await adoptionPeriods(events))[1]!;
    const result = await verifyPeriod(events, second, { file: 'b.a6', compiled: rulebook('no_use') });
    expect(result.status).toBe('mismatch');
    expect(result.mismatches).toEqual([
      {
        seq: 16,
        decision: expect.any(String),
        event: 'e12',
        recorded: { verdict: 'accepted', rulebook: { name: 'no_use', sha256: rulebook('no_use').sha256 } },
        replayed: { verdict: 'rejected', codes: ['rule.no_use'] },
        problem: 'verdict',
      },
    ]);
  });

  it('a period without a matching file is unverified, its decisions counted', async () => {
    const second = (await adoptionPeriods(liveHistory('rejected')))[1]!;
    expect(unverifiedPeriod(second)).toMatchObject({ status: 'unverified', file: null, decisions: 1 });
  });
});
