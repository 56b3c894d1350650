import { DEFAULT_METRIC } from '../accounting/accounting-book.ts';
import type { AccountingElections } from '../accounting/accounting-elections.ts';
import { isA64Unit } from '../engine/replay-eval-context.ts';
import type { LedgerState } from '../state/ledger-state.ts';
import { custodianOf } from './aef-actions.ts';
import type { AefHoldingRow } from './aef-report.ts';

/**
 * T4 as the state stands now: the ITMOs (first transferred, not levied, not A6.4ERs kept apart) that
 * `party` answers for, summed from the serial ranges themselves per account, authorization, vintage
 * and metric; sorted by registry, account, authorization, vintage.
 */
export function aefHoldings(state: LedgerState, elections: AccountingElections, party: string): AefHoldingRow[] {
  const totals = new Map<string, { account: number; authorization: number; vintage: number; metric: string; units: number }>();
  for (const block of state.blocks.items) {
    if (elections.a64Itmo === 'separate' && isA64Unit(block)) continue;
    for (const segment of block.units.all()) {
      if (segment.holder < 0 || !segment.firstTransferred || segment.levied || segment.authorization < 0) continue;
      const account = state.account(segment.holder)!;
      if (custodianOf(state, account, block) !== party) continue;
      const key = `${segment.holder}|${segment.authorization}|${block.vintage}|${block.metric}`;
      const total = totals.get(key);
      const units = segment.to - segment.from + 1;
      if (total === undefined) totals.set(key, { account: segment.holder, authorization: segment.authorization, vintage: block.vintage, metric: block.metric, units });
      else total.units += units;
    }
  }
  const rows = [...totals.values()].map((total): AefHoldingRow => {
    const account = state.account(total.account)!;
    const tco2e = total.metric === DEFAULT_METRIC;
    return {
      registry: account.registry,
      account: account.ref,
      holder: account.holder,
      authorization: state.authorizations.items[total.authorization]!.code,
      vintage: total.vintage,
      metric: total.metric,
      quantity_tco2e: tco2e ? total.units : null,
      quantity_metric: tco2e ? null : total.units,
    };
  });
  return rows.sort(
    (a, b) =>
      compareText(a.registry, b.registry) ||
      compareText(a.account, b.account) ||
      compareText(a.authorization, b.authorization) ||
      a.vintage - b.vintage ||
      compareText(a.metric, b.metric),
  );
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
