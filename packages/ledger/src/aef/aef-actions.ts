import type { UnitMove } from '../engine/unit-move.ts';
import type { AccountState, BlockState, LedgerState } from '../state/ledger-state.ts';
import type { AefActionType } from './aef-report.ts';

/**
 * The Party that answers for ITMOs in an account (docs/aef.md "Who reports what"): the account's Party
 * (its own, else its registry's: docs/events.md), and for an account without one (an independent or
 * mechanism registry) the units' first transferring Party, the host that authorized them.
 */
export function custodianOf(state: LedgerState, account: AccountState, block: BlockState): string {
  if (account.party >= 0) return state.party(account.party)!.code;
  return hostOf(state, block);
}

export function hostOf(state: LedgerState, block: BlockState): string {
  return state.party(state.activities.items[block.activity]!.host)!.code;
}

/** One AEF action of a fragment, with the Parties that report it. */
export interface AefAction {
  readonly action: AefActionType;
  /** The actor and the custodian of the account it touches (a Party reports each action once). */
  readonly reporters: readonly string[];
  /** The account the action takes place in (for an acquisition: the one the ITMOs arrive in). */
  readonly account: AccountState;
  readonly transferringParty: string | null;
  readonly acquiringParty: string | null;
  readonly purposeOfUse: string | null;
  readonly usingPartyOrEntity: string | null;
  readonly yearOfUse: number | null;
}

/**
 * The AEF actions of one fragment an accepted event moved (6/CMA.4 action types), in the order they
 * happen: first transfer, then transfer and acquisition, then use or cancellation. Units that are not
 * ITMOs once the event has taken effect (unauthorized, levied, A6.4ERs kept apart) have none: the AEF
 * reports ITMOs only.
 */
export function aefActions(move: UnitMove, state: LedgerState): AefAction[] {
  if (!move.itmo) return [];
  const { event, block, holder, holderAfter } = move;
  const host = hostOf(state, block);
  const source = custodianOf(state, holder, block);
  const destination = holderAfter === null ? null : custodianOf(state, holderAfter, block);
  const actions: AefAction[] = [];
  const action = (fields: Omit<AefAction, 'purposeOfUse' | 'usingPartyOrEntity' | 'yearOfUse'> & Partial<AefAction>): void => {
    actions.push({ purposeOfUse: null, usingPartyOrEntity: null, yearOfUse: null, ...fields, reporters: [...new Set(fields.reporters)] });
  };

  if (move.firstTransferred) {
    const acrossBorder = move.kind === 'transfer' && move.international;
    action({
      action: 'first_transfer',
      reporters: [host, source],
      account: holder,
      transferringParty: acrossBorder ? source : host,
      acquiringParty: acrossBorder ? destination : null,
    });
  }
  if (move.kind === 'transfer' && destination !== null && destination !== source) {
    // A transfer that first transfers is reported as the first transfer (above) on the transferring side.
    if (!move.firstTransferred) action({ action: 'transfer', reporters: [source], account: holder, transferringParty: source, acquiringParty: destination });
    action({ action: 'acquisition', reporters: [destination], account: holderAfter!, transferringParty: source, acquiringParty: destination });
  }
  if (event.type === 'UnitsUsed') {
    const { purpose, by } = event.data;
    action({
      action: purpose === 'NDC' ? 'use_ndc' : purpose === 'OIMP' ? 'use_oimp' : 'voluntary_cancellation',
      reporters: purpose === 'NDC' ? [source, by] : [source],
      account: holder,
      transferringParty: null,
      acquiringParty: null,
      purposeOfUse: purpose,
      usingPartyOrEntity: by,
      yearOfUse: move.year,
    });
  }
  if (event.type === 'UnitsCancelled') {
    const reason = event.data.reason;
    action({
      action: reason === 'voluntary' ? 'voluntary_cancellation' : reason === 'omge' ? 'omge_cancellation' : 'other_cancellation',
      reporters: [source],
      account: holder,
      transferringParty: null,
      acquiringParty: null,
    });
  }
  return actions;
}
