import type { Trigger } from '../ast/ast.ts';
import { DateValue, RecordValue, type EvalContext, type RootName, type Value } from './compiled-rulebook.ts';

/** Plain test data for a record: strings `YYYY-MM-DD` under `dates` become `DateValue`s. */
export type FakeFields = Readonly<Record<string, Value>>;

/**
 * A record for tests. Fields live in a Map, so a rulebook asking for `constructor` or `__proto__` gets
 * none, as the `RecordValue` contract requires of the ledger's records.
 */
export class FakeRecord extends RecordValue {
  private readonly fields: Map<string, Value>;
  readonly reads: string[] = [];

  constructor(
    readonly id: string | null,
    fields: FakeFields,
  ) {
    super();
    this.fields = new Map(Object.entries(fields));
  }

  field(name: string): Value {
    this.reads.push(name);
    return this.fields.get(name) ?? null;
  }
}

export class FakeAccount extends FakeRecord {}
export class FakeActivity extends FakeRecord {}

export const date = (iso: string): DateValue => new DateValue(iso);

export interface FakeState {
  readonly trigger?: Trigger;
  readonly roots?: Partial<Record<RootName, Value>>;
  readonly parties?: Readonly<Record<string, Value>>;
  readonly holdings?: Readonly<Record<string, number>>;
  readonly issued?: Readonly<Record<string, number>>;
  readonly firstTransferred?: Readonly<Record<string, number>>;
  readonly used?: Readonly<Record<string, number>>;
  readonly acquired?: Readonly<Record<string, number>>;
  /** Keyed `PARTY:YEAR`; absent means not reported. */
  readonly inventory?: Readonly<Record<string, number>>;
  readonly authorizedTotal?: Readonly<Record<string, number>>;
}

/** An `EvalContext` over plain data that also logs which ledger functions a rule called. */
export class FakeEvalContext implements EvalContext {
  readonly calls: string[] = [];
  readonly trigger: Trigger;

  constructor(private readonly state: FakeState = {}) {
    this.trigger = state.trigger ?? 'issuance';
  }

  root(name: RootName): Value {
    this.calls.push(`root(${name})`);
    return lookup(this.state.roots, name) ?? null;
  }
  party(code: string): Value {
    this.calls.push(`party(${code})`);
    return lookup(this.state.parties, code) ?? null;
  }
  holdings(partyOrAccount: string): number {
    this.calls.push(`holdings(${partyOrAccount})`);
    return lookup(this.state.holdings, partyOrAccount) ?? 0;
  }
  issued(activity: string): number {
    this.calls.push(`issued(${activity})`);
    return lookup(this.state.issued, activity) ?? 0;
  }
  firstTransferred(party: string, year: number): number {
    this.calls.push(`firstTransferred(${party}, ${year})`);
    return lookup(this.state.firstTransferred, `${party}:${year}`) ?? 0;
  }
  used(party: string, year: number): number {
    this.calls.push(`used(${party}, ${year})`);
    return lookup(this.state.used, `${party}:${year}`) ?? 0;
  }
  acquired(party: string, year: number): number {
    this.calls.push(`acquired(${party}, ${year})`);
    return lookup(this.state.acquired, `${party}:${year}`) ?? 0;
  }
  inventory(party: string, year: number): number | null {
    this.calls.push(`inventory(${party}, ${year})`);
    return lookup(this.state.inventory, `${party}:${year}`) ?? null;
  }
  authorizedTotal(authorization: string): number {
    this.calls.push(`authorizedTotal(${authorization})`);
    return lookup(this.state.authorizedTotal, authorization) ?? 0;
  }
}

function lookup<V>(table: Readonly<Record<string, V>> | undefined, key: string): V | undefined {
  return table && Object.hasOwn(table, key) ? table[key] : undefined;
}
