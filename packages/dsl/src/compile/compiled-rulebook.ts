import type { Trigger, Rounding } from '../ast/ast.ts';
import type { OptionName } from '../options/options.ts';

/**
 * The contract between the language and the ledger: a compiled rulebook is plain data plus closures
 * that evaluate against an `EvalContext` the ledger implements. Nothing here touches I/O or the clock.
 */

/** A date value (`YYYY-MM-DD`); a class so it can never be confused with a string at run time. */
export class DateValue {
  constructor(readonly iso: string) {}
  toString(): string {
    return this.iso;
  }
}

/**
 * A record the ledger exposes (an event, unit, activity, authorization, account, party, NDC).
 * `field` returns `null` (none) for absent facts; it is never a prototype lookup on user text.
 */
export abstract class RecordValue {
  /** The record's identity as shown in explanations (`values`): an account ref, activity id, …. */
  abstract readonly id: string | null;
  abstract field(name: string): Value;
}

/** A runtime value. `null` is `none`. */
export type Value = null | boolean | number | string | DateValue | RecordValue | readonly Value[];

/** Values as they appear in explanations: dates as `YYYY-MM-DD`, none as null, records by id. */
export type JsonValue = null | boolean | number | string | readonly JsonValue[];

export type RootName = 'event' | 'unit' | 'activity' | 'authorization';

/** What the ledger provides to compiled expressions: state *before* the current event. */
export interface EvalContext {
  readonly trigger: Trigger;
  /** `event`, `unit`, `activity`, `authorization`; `null` when not available at this point. */
  root(name: RootName): Value;
  /** `party(code)`: a record with `name`, `groups`, `ndc`; `null` when the Party has not joined. */
  party(code: string): Value;
  holdings(partyOrAccount: string): number;
  issued(activity: string): number;
  firstTransferred(party: string, year: number): number;
  used(party: string, year: number): number;
  acquired(party: string, year: number): number;
  /** `null` when not reported. */
  inventory(party: string, year: number): number | null;
  authorizedTotal(authorization: string): number;
}

export interface SourceLocation {
  /** Rulebook file, relative to the entry file of the compilation. */
  readonly file: string;
  readonly line: number;
  readonly col: number;
}

/** A failed `require` (rejection) or `expect` (finding), with everything a reader needs to see why. */
export interface CheckFailure {
  readonly rule: string;
  readonly mode: 'require' | 'expect';
  /** `rule.<name>`. */
  readonly code: string;
  /** The `else` text interpolated, or a generated message that names any missing value. */
  readonly message: string;
  readonly source: SourceLocation;
  /** Values of the paths and literals of the failing expression, keyed by their source text. */
  readonly values: Readonly<Record<string, JsonValue>>;
}

export interface CompiledRule {
  readonly name: string;
  readonly title: string | null;
  readonly triggers: readonly Trigger[];
  readonly source: SourceLocation;
  /** Failures of this rule in this context; empty when it passes or its `where` is false. */
  evaluate(context: EvalContext): readonly CheckFailure[];
}

/** An exact rate: `numerator / denominator` (5% = 5/100, 2.5% = 25/1000). */
export interface ExactRate {
  readonly numerator: bigint;
  readonly denominator: bigint;
}

export interface CompiledLevy {
  readonly name: string;
  readonly trigger: Trigger;
  readonly rate: ExactRate;
  readonly rounding: Rounding;
  /** `account`: `LEVY:NAME`; `cancel`: cancelled with reason `omge`. */
  readonly destination: { readonly kind: 'account'; readonly account: string } | { readonly kind: 'cancel' };
  readonly source: SourceLocation;
  /** The levy's `where`; a `where` that cannot be evaluated takes nothing (false). */
  applies(context: EvalContext): boolean;
  /** `round(rate × quantity)` computed exactly with the levy's rounding. */
  amount(quantity: number): number;
}

export interface CompiledRulebook {
  readonly name: string;
  readonly title: string | null;
  readonly cites: readonly string[];
  /** The declaring file, relative to the entry file (the entry itself is its own base name). */
  readonly file: string;
  /** sha256 (lowercase hex) of the exact bytes of the declaring file. */
  readonly sha256: string;
  /** Every file the declaring file imports, transitively, relative to the entry file → sha256. */
  readonly imports: Readonly<Record<string, string>>;
  /** All options, defaults included. */
  readonly options: Readonly<Record<OptionName, string>>;
  /** Levies in effective order (inherited first, replacements in place, new ones appended). */
  readonly levies: readonly CompiledLevy[];
  readonly rules: readonly CompiledRule[];
  rulesFor(trigger: Trigger): readonly CompiledRule[];
  leviesFor(trigger: Trigger): readonly CompiledLevy[];
}
