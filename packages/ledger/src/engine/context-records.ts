import { DateValue, RecordValue, type Value } from '@a6/dsl';
import { dayOf } from '../events/timestamp.ts';
import type { HistoryEvent, Ndc } from '../events/types.ts';
import type {
  AccountState,
  ActivityState,
  AuthorizationState,
  BlockState,
  LedgerState,
  PartyState,
} from '../state/ledger-state.ts';
import type { UnitAttributes } from '../state/unit-ranges.ts';

/**
 * The records rules read (docs/language.md "Context: names and fields at each trigger"), with snake_case fields. They are
 * thin views over the ledger state, read while the event is being decided and before anything changes,
 * so they show the state *before* the event. They live in one file because they are one family: each is
 * a dozen lines and they refer to each other (a unit's authorization, an event's accounts).
 * Absent facts are `none` (`null`), never invented.
 */

/** Shared lookups the records need to reach each other, cached per entity so no view is built twice. */
export interface RecordSource {
  readonly state: LedgerState;
  accountRecord(account: AccountState): AccountRecord;
  activityRecord(activity: ActivityState): ActivityRecord;
  authorizationRecord(authorization: AuthorizationState): AuthorizationRecord;
  /** `unit.itmo` under the rulebook's `a64.itmo`. */
  isItmo(block: BlockState, attributes: UnitAttributes): boolean;
}

function date(value: string | undefined | null): DateValue | null {
  return value === undefined || value === null ? null : new DateValue(dayOf(value));
}

function list(value: readonly string[] | undefined): readonly string[] | null {
  return value === undefined ? null : value;
}

/** Event data fields that hold dates (exposed as dates, not strings). */
const DATE_FIELDS = new Set(['requestedOn', 'hostApprovedOn', 'registeredOn']);

function snakeToCamel(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase());
}

export class EventRecord extends RecordValue {
  readonly id: string;

  constructor(
    private readonly source: RecordSource,
    readonly event: HistoryEvent,
    /** `event.year`. */
    readonly year: number,
    /** Unit triggers: the fragment's size; otherwise `null`. */
    readonly quantity: number | null,
    /** Unit triggers: the event's total; otherwise `null`. */
    readonly total: number | null,
  ) {
    super();
    this.id = event.id;
  }

  field(name: string): Value {
    const event = this.event;
    switch (name) {
      case 'id':
        return event.id;
      case 'type':
        return event.type;
      case 'at':
        return new DateValue(dayOf(event.at));
      case 'year':
        return this.year;
      case 'quantity':
        return this.quantity;
      case 'total':
        return this.total;
    }
    if (event.type === 'UnitsTransferred' && (name === 'from' || name === 'to')) {
      const account = this.source.state.findAccount(event.data[name]);
      return account === undefined ? null : this.source.accountRecord(account);
    }
    // Every other field is the event's own data field in snake_case (docs/language.md: `inNdc` → `in_ndc`).
    const key = snakeToCamel(name);
    const data = event.data as unknown as Record<string, unknown>;
    if (!Object.hasOwn(data, key)) return null;
    const value = data[key];
    if (DATE_FIELDS.has(key) && typeof value === 'string') return date(value);
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
    if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value as string[];
    return null;
  }
}

export class AccountRecord extends RecordValue {
  readonly id: string;

  constructor(
    private readonly source: RecordSource,
    readonly account: AccountState,
  ) {
    super();
    this.id = account.ref;
  }

  field(name: string): Value {
    const account = this.account;
    switch (name) {
      case 'id':
        return account.ref;
      case 'registry':
        return account.registry;
      case 'kind':
        return account.kind;
      case 'holder':
        return account.holder;
      case 'party':
        return account.party < 0 ? null : this.source.state.party(account.party)!.code;
      default:
        return null;
    }
  }
}

export class ActivityRecord extends RecordValue {
  readonly id: string;

  constructor(readonly activity: ActivityState) {
    super();
    this.id = activity.code;
  }

  field(name: string): Value {
    const { data } = this.activity;
    switch (name) {
      case 'id':
        return this.activity.code;
      case 'host':
        return data.host;
      case 'mechanism':
        return this.activity.mechanism;
      case 'standard':
        return data.standard ?? null;
      case 'title':
        return data.title ?? null;
      case 'sector':
        return data.sector ?? null;
      case 'type':
        return data.type ?? null;
      case 'gases':
        return list(data.gases);
      case 'in_ndc':
        return data.inNdc ?? null;
      case 'approvals':
        return list(data.approvals);
      case 'registered_on':
        return date(data.registeredOn);
      case 'crediting_from':
        return date(data.crediting?.from);
      case 'crediting_to':
        return date(data.crediting?.to);
      case 'transitioned':
        return this.activity.transitionedOn !== null;
      case 'transitioned_on':
        return date(this.activity.transitionedOn);
      case 'issued':
        return this.activity.issued;
      default:
        return null;
    }
  }
}

export class AuthorizationRecord extends RecordValue {
  readonly id: string;

  constructor(
    private readonly source: RecordSource,
    readonly authorization: AuthorizationState,
  ) {
    super();
    this.id = authorization.code;
  }

  field(name: string): Value {
    const { data } = this.authorization;
    switch (name) {
      case 'id':
        return this.authorization.code;
      case 'party':
        return data.party;
      case 'activity': {
        const activity = this.authorization.activity < 0 ? undefined : this.source.state.activities.items[this.authorization.activity];
        return activity === undefined ? null : this.source.activityRecord(activity);
      }
      case 'cooperative_approach':
        return data.cooperativeApproach ?? null;
      case 'purposes':
        return data.purposes;
      case 'first_transfer':
        return data.firstTransfer ?? null;
      case 'acquirers':
        return list(data.acquirers);
      case 'cap':
        return data.cap ?? null;
      case 'vintage_from':
        return data.vintages?.from ?? null;
      case 'vintage_to':
        return data.vintages?.to ?? null;
      case 'date':
        return date(this.authorization.date);
      case 'revoked':
        return this.authorization.revoked;
      case 'first_transferred':
        return this.authorization.firstTransferred;
      default:
        return null;
    }
  }
}

export class NdcRecord extends RecordValue {
  readonly id: string | null;

  constructor(readonly ndc: Ndc) {
    super();
    this.id = ndc.id ?? null;
  }

  field(name: string): Value {
    const ndc = this.ndc;
    switch (name) {
      case 'id':
        return ndc.id ?? null;
      case 'kind':
        return ndc.kind;
      case 'from':
        return ndc.from;
      case 'to':
        return ndc.to;
      case 'target_year':
        return ndc.targetYear ?? null;
      case 'target':
        return ndc.target ?? null;
      case 'metric':
        return ndc.metric;
      case 'sectors':
        return list(ndc.sectors);
      case 'gases':
        return list(ndc.gases);
      case 'method':
        return ndc.method ?? null;
      default:
        return null;
    }
  }
}

export class PartyRecord extends RecordValue {
  readonly id: string;
  private ndcRecord: NdcRecord | null = null;

  constructor(readonly party: PartyState) {
    super();
    this.id = party.code;
  }

  field(name: string): Value {
    switch (name) {
      case 'id':
      case 'code':
        return this.party.code;
      case 'name':
        return this.party.name;
      case 'groups':
        return this.party.groups;
      case 'ndc': {
        const ndc = this.party.ndc;
        if (ndc === null) return null;
        if (this.ndcRecord === null || this.ndcRecord.ndc !== ndc) this.ndcRecord = new NdcRecord(ndc);
        return this.ndcRecord;
      }
      default:
        return null;
    }
  }
}

/** One fragment of units, as rules see it (`unit.*`). */
export class UnitRecord extends RecordValue {
  readonly id: string;

  constructor(
    private readonly source: RecordSource,
    readonly block: BlockState,
    readonly from: number,
    readonly to: number,
    /** The fragment's attributes before the event. */
    readonly attributes: UnitAttributes,
    /** The authorization the fragment falls under at this trigger (a new one at its `authorization`). */
    readonly authorization: AuthorizationState | null,
    /** The account holding it before the event (at issuance: the issuing account). */
    readonly holder: AccountState | null,
  ) {
    super();
    this.id = `${block.code}:${from}-${to}`;
  }

  field(name: string): Value {
    const { block, source } = this;
    const activity = source.state.activities.items[block.activity]!;
    switch (name) {
      case 'serial':
        return this.id;
      case 'block':
        return block.code;
      case 'type':
        return block.unitType;
      case 'vintage':
        return block.vintage;
      case 'metric':
        return block.metric;
      case 'quantity':
        return this.to - this.from + 1;
      case 'from':
        return this.from;
      case 'to':
        return this.to;
      case 'mechanism':
        return activity.mechanism;
      case 'host':
        return activity.data.host;
      case 'activity':
        return source.activityRecord(activity);
      case 'authorized':
        return this.authorization !== null;
      case 'authorization':
        return this.authorization === null ? null : source.authorizationRecord(this.authorization);
      case 'purposes':
        return this.authorization === null ? null : this.authorization.data.purposes;
      case 'itmo':
        return source.isItmo(block, this.attributes);
      case 'first_transferred':
        return this.attributes.firstTransferred;
      case 'levied':
        return this.attributes.levied;
      case 'issued_on':
        return new DateValue(block.issuedOn);
      case 'holder':
        return this.holder === null ? null : source.accountRecord(this.holder);
      default:
        return null;
    }
  }
}
