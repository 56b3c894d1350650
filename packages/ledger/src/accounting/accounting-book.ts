/**
 * The accounting entries of docs/reports.md ("Accounting entries"), per metric, Party and year, as exact
 * integer sums. The engine books into it only when an event is accepted; the structured summary is
 * derived from it at the end (averages divide once there, never here).
 */

/** What one Party booked in one year (one metric). Every field is a sum of unit quantities. */
export interface YearFlows {
  /** Row 5: authorized for NDC (alone or with OIMP), first transferred this year (by the host). */
  firstTransferred: number;
  /** Row 6: authorized for OIMP only, first transferred this year. */
  oimpFirstTransferred: number;
  /** Row 7: ITMOs used toward this Party's NDC this year. */
  used: number;
  /** ITMOs received by international transfer this year. */
  acquired: number;
  /** Transferor additions booked to this year (`adjustment.transferor`). */
  transferorAdded: number;
  /** Acquirer subtractions booked to this year (`adjustment.acquirer`). */
  acquirerSubtracted: number;
  /** `on_acquisition`: units given back when the acquirer transfers them on internationally. */
  acquirerAddedBack: number;
  /** `a64.itmo = separate`: A6.4ER flows, kept out of the fields above. */
  a64FirstTransferred: number;
  a64Used: number;
}

export type FlowField = keyof YearFlows;

function emptyFlows(): YearFlows {
  return {
    firstTransferred: 0,
    oimpFirstTransferred: 0,
    used: 0,
    acquired: 0,
    transferorAdded: 0,
    acquirerSubtracted: 0,
    acquirerAddedBack: 0,
    a64FirstTransferred: 0,
    a64Used: 0,
  };
}

/** Adjustment bookings of one Party by the *vintage* of the units (for `vintage_match`). */
export interface VintageAdjustment {
  added: number;
  subtracted: number;
}

export interface PartyBook {
  readonly years: Map<number, YearFlows>;
  readonly byVintage: Map<number, VintageAdjustment>;
}

export const DEFAULT_METRIC = 'tCO2e';

/**
 * Sees every booking as it is made (`a6 explain`, `a6 compare`): Party id, the year it is booked to, the
 * field, the quantity, and the units' vintage for adjustment entries (`null` for the others).
 */
export type EntryObserver = (metric: string, party: number, year: number, field: FlowField, quantity: number, vintage: number | null) => void;

export class AccountingBook {
  /** metric → Party id → book. Maps keep insertion order; the summary sorts before it prints. */
  readonly metrics = new Map<string, Map<number, PartyBook>>();
  /** Off by default: a replay streams and keeps no entries; tracing tools switch it on. */
  onEntry: EntryObserver | null = null;

  add(metric: string, party: number, year: number, field: FlowField, quantity: number): void {
    const flows = this.flows(metric, party, year);
    flows[field] += quantity;
    if (this.onEntry !== null) this.onEntry(metric, party, year, field, quantity, null);
  }

  /** Books an adjustment entry: `sign` +1 adds (transferor), -1 subtracts (acquirer), with its vintage. */
  adjust(metric: string, party: number, year: number, vintage: number, field: 'transferorAdded' | 'acquirerSubtracted' | 'acquirerAddedBack', quantity: number): void {
    this.flows(metric, party, year)[field] += quantity;
    if (this.onEntry !== null) this.onEntry(metric, party, year, field, quantity, vintage);
    const book = this.partyBook(metric, party);
    let byVintage = book.byVintage.get(vintage);
    if (byVintage === undefined) {
      byVintage = { added: 0, subtracted: 0 };
      book.byVintage.set(vintage, byVintage);
    }
    if (field === 'acquirerSubtracted') byVintage.subtracted += quantity;
    else byVintage.added += quantity;
  }

  /** A booked figure (builtins `first_transferred(party, year)` …); 0 when nothing was booked. */
  get(metric: string, party: number, year: number, field: FlowField): number {
    return this.metrics.get(metric)?.get(party)?.years.get(year)?.[field] ?? 0;
  }

  partyBook(metric: string, party: number): PartyBook {
    let parties = this.metrics.get(metric);
    if (parties === undefined) {
      parties = new Map();
      this.metrics.set(metric, parties);
    }
    let book = parties.get(party);
    if (book === undefined) {
      book = { years: new Map(), byVintage: new Map() };
      parties.set(party, book);
    }
    return book;
  }

  private flows(metric: string, party: number, year: number): YearFlows {
    const book = this.partyBook(metric, party);
    let flows = book.years.get(year);
    if (flows === undefined) {
      flows = emptyFlows();
      book.years.set(year, flows);
    }
    return flows;
  }
}
