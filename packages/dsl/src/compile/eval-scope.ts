import type { EvalContext, JsonValue, Value } from './compiled-rulebook.ts';
import type { Stuck } from './stuck.ts';
import { toJsonValue } from './runtime-values.ts';

/** One recorded operand of a failing expression: a path, call or literal, keyed by its source text. */
export interface RecordedValue {
  readonly value: Value;
  readonly literal: boolean;
}

/**
 * The state of one evaluation (one rule or levy on one fragment): the ledger's context, the values of
 * lets already computed (a let is evaluated where used, at most once per evaluation), and the operands
 * seen so far when a check wants to explain itself.
 */
export class EvalScope {
  recorder: Map<string, RecordedValue> | null = null;
  readonly letValues = new Map<string, Value | Stuck>();
  readonly letsInProgress = new Set<string>();

  constructor(readonly context: EvalContext) {}

  record(key: string, value: Value, literal: boolean): void {
    // The first value seen wins: operands are recorded in evaluation order, and a path read twice is the same.
    if (this.recorder && !this.recorder.has(key)) this.recorder.set(key, { value, literal });
  }

  /** Recorded values as plain JSON; keys are user text, so they are defined as own data properties. */
  recordedJson(): Record<string, JsonValue> {
    const values: Record<string, JsonValue> = {};
    for (const [key, entry] of this.recorder ?? []) {
      Object.defineProperty(values, key, { value: toJsonValue(entry.value), enumerable: true, writable: true, configurable: true });
    }
    return values;
  }
}
