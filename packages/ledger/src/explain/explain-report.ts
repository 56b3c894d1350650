import type { FlowField } from '../accounting/accounting-book.ts';
import type { SummaryYear } from '../accounting/structured-summary.ts';

export const EXPLAIN_REPORT_FORMAT = 'a6.explain/1';

export type SummaryField = keyof SummaryYear;

/** One booked entry behind a figure: which units, booked by which event, counted with which sign. */
export interface ExplainEntry {
  readonly seq: number;
  readonly event: string;
  readonly type: string;
  readonly at: string;
  /** The unit range (`BLOCK:FROM-TO`). */
  readonly unit: string;
  /** The accounting entry (`firstTransferred`, `transferorAdded`, …). */
  readonly entry: FlowField;
  readonly year: number;
  readonly quantity: number;
  /** The units' vintage, for adjustment entries; else `null`. */
  readonly vintage: number | null;
  /** +1 or −1: how the entry counts in the figure. */
  readonly sign: 1 | -1;
}

/** A reported fact behind a figure (an `InventoryReported`, the Party's NDC). */
export interface ExplainFact {
  readonly seq: number;
  readonly event: string;
  readonly type: string;
  readonly at: string;
  readonly value: number;
}

/**
 * How one figure is made: its formula with the values put in, the figures it is made of (each
 * explained the same way), and the booked entries or reported facts it sums.
 */
export interface ExplainNode {
  readonly field: SummaryField;
  readonly year: number;
  readonly value: number | null;
  /** The rule that makes the figure, in words and with its inputs' values. */
  readonly formula: string;
  readonly inputs: readonly ExplainNode[];
  readonly entries: readonly ExplainEntry[];
  readonly facts: readonly ExplainFact[];
}

/** `a6 explain --json`: the unit ranges and events behind one summary figure. */
export interface ExplainReport {
  readonly format: typeof EXPLAIN_REPORT_FORMAT;
  readonly rulebook: { readonly name: string; readonly sha256: string };
  readonly history: { readonly events: number; readonly head: string; readonly as_of: string | null };
  readonly party: string;
  readonly metric: string;
  /** The Party's resolved adjustment method (`null` when the Party is not listed). */
  readonly method: string | null;
  readonly year: number;
  readonly field: SummaryField;
  /** The figure as the replay report prints it (`null`: not applicable, or no such row). */
  readonly value: number | null;
  readonly explanation: ExplainNode;
  /** sha256 of the canonical JSON of this report without `digest`. */
  readonly digest: string;
}
