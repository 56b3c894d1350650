import type { AccountingBook } from './accounting-book.ts';
import type { AccountingElections } from './accounting-elections.ts';

/**
 * What an accepted event did to one fragment's units, as far as accounting cares. The engine fills
 * one reused object per fragment (no allocation on the hot path) and `bookUnitFlow` books the entries
 * of docs/reports.md ("Accounting entries"). Levied units never reach here.
 */
export interface UnitFlow {
  kind: 'issuance' | 'authorization' | 'transfer' | 'use' | 'cancellation';
  metric: string;
  vintage: number;
  /** Host Party of the activity (the transferring Party), `-1` when unknown. */
  host: number;
  /** `activity.in_ndc`; `null` when the activity does not say (then it is not exempt). */
  inNdc: boolean | null;
  quantity: number;
  /** `event.year`: the use year for a use, else the year of `at`. */
  year: number;
  /** The covering authorization includes the NDC purpose (else OIMP only). */
  ndcPurpose: boolean;
  /** An A6.4ER under `a64.itmo = separate`: its own fields, never an ITMO. */
  a64Separate: boolean;
  /** This event first transfers the units. */
  firstTransferredNow: boolean;
  /** The units are first transferred once this event has taken effect (now or earlier). */
  firstTransferred: boolean;
  /** The units are ITMOs once this event has taken effect. */
  itmo: boolean;
  /** Transfers: between accounts of two different Parties. */
  international: boolean;
  sourceParty: number;
  destinationParty: number;
  /** Uses with purpose NDC: the using Party, else `-1`. */
  usedBy: number;
  /** In: the units' current `on_acquisition` holder Party; out: the new one. */
  acquirer: number;
  /** In/out: whether the transferor's adjustment has been booked for these units. */
  transferorBooked: boolean;
}

export function emptyUnitFlow(): UnitFlow {
  return {
    kind: 'issuance',
    metric: 'tCO2e',
    vintage: 0,
    host: -1,
    inNdc: null,
    quantity: 0,
    year: 0,
    ndcPurpose: false,
    a64Separate: false,
    firstTransferredNow: false,
    firstTransferred: false,
    itmo: false,
    international: false,
    sourceParty: -1,
    destinationParty: -1,
    usedBy: -1,
    acquirer: -1,
    transferorBooked: false,
  };
}

export function bookUnitFlow(book: AccountingBook, elections: AccountingElections, flow: UnitFlow): void {
  const { metric, quantity, year, host } = flow;
  if (quantity === 0) return;
  if (flow.firstTransferredNow && host >= 0) {
    if (flow.a64Separate) book.add(metric, host, year, 'a64FirstTransferred', quantity);
    else book.add(metric, host, year, flow.ndcPurpose ? 'firstTransferred' : 'oimpFirstTransferred', quantity);
    // Glasgow para 8(a): the transferor adds first-transferred ITMOs to the year the mitigation occurred.
    if (!flow.a64Separate && elections.transferor === 'on_first_transfer') addForTransferor(book, elections, flow, flow.vintage);
  }
  if (flow.a64Separate) {
    if (flow.kind === 'use' && flow.usedBy >= 0 && flow.firstTransferred) book.add(metric, flow.usedBy, year, 'a64Used', quantity);
    return;
  }
  if (!flow.itmo) return;
  if (flow.kind === 'transfer' && flow.international) {
    if (elections.transferor === 'on_transfer' && !flow.transferorBooked) addForTransferor(book, elections, flow, year);
    if (flow.destinationParty >= 0) book.add(metric, flow.destinationParty, year, 'acquired', quantity);
    if (elections.acquirer === 'on_acquisition') {
      if (flow.acquirer >= 0 && flow.acquirer === flow.sourceParty) {
        book.adjust(metric, flow.sourceParty, year, flow.vintage, 'acquirerAddedBack', quantity);
      }
      if (flow.destinationParty >= 0) book.adjust(metric, flow.destinationParty, year, flow.vintage, 'acquirerSubtracted', quantity);
      flow.acquirer = flow.destinationParty;
    }
  }
  if (flow.kind === 'use') {
    if (flow.usedBy >= 0) {
      book.add(metric, flow.usedBy, year, 'used', quantity);
      if (elections.acquirer === 'on_use') book.adjust(metric, flow.usedBy, year, flow.vintage, 'acquirerSubtracted', quantity);
    }
    if (elections.transferor === 'on_use') addForTransferor(book, elections, flow, year);
  }
}

function addForTransferor(book: AccountingBook, elections: AccountingElections, flow: UnitFlow, year: number): void {
  flow.transferorBooked = true;
  // Seed option 3(d): ITMOs from outside the NDC coverage may be exempt from the host's adjustment.
  if (elections.outsideNdc === 'exempt' && flow.inNdc === false) return;
  if (flow.host >= 0) book.adjust(flow.metric, flow.host, year, flow.vintage, 'transferorAdded', flow.quantity);
}
