import type { JsonValue, SourceLocation } from '@a6/dsl';
import type { EventType } from '../events/types.ts';

/**
 * One rejection or finding of a replay (docs/ledger.md "Order of operations (per event)"): which event, which check, why, on
 * which units, and the values that decided it. Built-in integrity checks have `rule: null` and
 * `source: null`.
 */
export interface VerdictEntry {
  /** 0-based history position. */
  readonly seq: number;
  readonly event: string;
  readonly type: EventType;
  /** `ledger.*` (integrity) or `rule.<name>`. */
  readonly code: string;
  readonly rule: string | null;
  readonly message: string;
  readonly source: SourceLocation | null;
  /** The fragment (`BLOCK:FROM-TO`) at unit triggers, else `null`. */
  readonly unit: string | null;
  readonly values: Readonly<Record<string, JsonValue>>;
}
