import type { FlowField } from '../accounting/accounting-book.ts';
import type { EventType } from '../events/types.ts';

/**
 * One accounting entry as it was booked (docs/reports.md "Accounting entries"), with the event and the unit
 * range that caused it: what `a6 explain` shows behind a summary figure, and what `a6 compare` compares
 * event by event to find where two rulebooks first diverge.
 */
export interface BookedEntry {
  /** 0-based history position of the event that booked it. */
  readonly seq: number;
  readonly event: string;
  readonly type: EventType;
  readonly at: string;
  /** The fragment (`BLOCK:FROM-TO`) whose units were booked. */
  readonly unit: string;
  readonly metric: string;
  readonly party: string;
  /** The year the entry is booked to (the vintage for a transferor's `on_first_transfer` addition). */
  readonly year: number;
  readonly field: FlowField;
  readonly quantity: number;
  /** The units' vintage, for adjustment entries (`transferorAdded`, `acquirerSubtracted`, `acquirerAddedBack`); else `null`. */
  readonly vintage: number | null;
}
