import type { UnitFlow } from '../accounting/entry-booking.ts';
import type { HistoryEvent } from '../events/types.ts';
import type { AccountState, AuthorizationState, BlockState } from '../state/ledger-state.ts';

/**
 * What an accepted event did to one fragment's units (the units left after its levies), as the engine
 * decided it: where they were and went, whether it first transferred them, whether they are ITMOs.
 * The AEF's actions table is built from these (docs/aef.md), so it never re-decides what the replay
 * decided. Only tracing tools ask for them (`ReplayEngineOptions.onMove`); a plain replay makes none.
 */
export interface UnitMove {
  /** 0-based history position of the event. */
  readonly seq: number;
  readonly event: HistoryEvent;
  readonly kind: UnitFlow['kind'];
  readonly block: BlockState;
  readonly from: number;
  readonly to: number;
  /** The authorization the units fall under at this event (`null`: unauthorized). */
  readonly authorization: AuthorizationState | null;
  /** The account holding the units before the event (for an issuance: the issuing account). */
  readonly holder: AccountState;
  /** The account holding them after it; `null` once used or cancelled. */
  readonly holderAfter: AccountState | null;
  /** This event first transfers them. */
  readonly firstTransferred: boolean;
  /** They were ITMOs before the event / are ITMOs once it has taken effect (docs/reports.md: from the first transfer on). */
  readonly itmoBefore: boolean;
  readonly itmo: boolean;
  /** A transfer between accounts of two different Parties (docs/events.md). */
  readonly international: boolean;
  /** `event.year`: the use year for a use, else the year of `at` (the year the summary books it to). */
  readonly year: number;
}
