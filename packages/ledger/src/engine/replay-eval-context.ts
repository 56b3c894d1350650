import type { EvalContext, RootName, Trigger, Value } from '@a6/dsl';
import { DEFAULT_METRIC, type AccountingBook } from '../accounting/accounting-book.ts';
import type { AccountingElections } from '../accounting/accounting-elections.ts';
import type { AccountState, ActivityState, AuthorizationState, BlockState, LedgerState } from '../state/ledger-state.ts';
import type { UnitAttributes } from '../state/unit-ranges.ts';
import {
  AccountRecord,
  ActivityRecord,
  AuthorizationRecord,
  PartyRecord,
  type EventRecord,
  type RecordSource,
  type UnitRecord,
} from './context-records.ts';

/**
 * The engine's `EvalContext` (packages/dsl compiled-rulebook.ts): one object per replay, re-pointed at
 * each evaluation (trigger, event, unit, activity, authorization) instead of being allocated per check.
 * Every query reads the state *before* the current event: the engine decides first and mutates after.
 */
export class ReplayEvalContext implements EvalContext, RecordSource {
  trigger: Trigger = 'registration';
  event: EventRecord | null = null;
  unit: UnitRecord | null = null;
  activity: ActivityRecord | null = null;
  authorization: AuthorizationRecord | null = null;

  private readonly accountRecords: AccountRecord[] = [];
  private readonly activityRecords: ActivityRecord[] = [];
  private readonly authorizationRecords: AuthorizationRecord[] = [];
  private readonly partyRecords: PartyRecord[] = [];

  constructor(
    readonly state: LedgerState,
    private readonly book: AccountingBook,
    private readonly elections: AccountingElections,
  ) {}

  /** Points the context at one evaluation. */
  focus(
    trigger: Trigger,
    event: EventRecord,
    unit: UnitRecord | null,
    activity: ActivityState | null,
    authorization: AuthorizationState | null,
  ): this {
    this.trigger = trigger;
    this.event = event;
    this.unit = unit;
    this.activity = activity === null ? null : this.activityRecord(activity);
    this.authorization = authorization === null ? null : this.authorizationRecord(authorization);
    return this;
  }

  root(name: RootName): Value {
    switch (name) {
      case 'event':
        return this.event;
      case 'unit':
        return this.unit;
      case 'activity':
        return this.activity;
      case 'authorization':
        return this.authorization;
      default:
        return null;
    }
  }

  party(code: string): Value {
    const party = this.state.parties.get(code);
    if (party === undefined) return null;
    return (this.partyRecords[party.id] ??= new PartyRecord(party));
  }

  holdings(partyOrAccount: string): number {
    if (partyOrAccount.includes(':')) return this.state.accounts.get(partyOrAccount)?.held ?? 0;
    return this.state.parties.get(partyOrAccount)?.held ?? 0;
  }

  issued(activity: string): number {
    return this.state.activities.get(activity)?.issued ?? 0;
  }

  firstTransferred(party: string, year: number): number {
    return this.booked(party, year, 'firstTransferred');
  }

  used(party: string, year: number): number {
    return this.booked(party, year, 'used');
  }

  acquired(party: string, year: number): number {
    return this.booked(party, year, 'acquired');
  }

  inventory(party: string, year: number): number | null {
    return this.state.parties.get(party)?.inventory.get(year) ?? null;
  }

  authorizedTotal(authorization: string): number {
    return this.state.authorizations.get(authorization)?.firstTransferred ?? 0;
  }

  accountRecord(account: AccountState): AccountRecord {
    return (this.accountRecords[account.id] ??= new AccountRecord(this, account));
  }

  activityRecord(activity: ActivityState): ActivityRecord {
    // An activity being registered is not in the state yet: its view must not be cached under its id.
    if (this.state.activities.items[activity.id] !== activity) return new ActivityRecord(activity);
    return (this.activityRecords[activity.id] ??= new ActivityRecord(activity));
  }

  authorizationRecord(authorization: AuthorizationState): AuthorizationRecord {
    if (this.state.authorizations.items[authorization.id] !== authorization) return new AuthorizationRecord(this, authorization);
    return (this.authorizationRecords[authorization.id] ??= new AuthorizationRecord(this, authorization));
  }

  isItmo(block: BlockState, attributes: UnitAttributes): boolean {
    if (!attributes.firstTransferred || attributes.levied) return false;
    return !(this.elections.a64Itmo === 'separate' && isA64Unit(block));
  }

  private booked(party: string, year: number, field: 'firstTransferred' | 'used' | 'acquired'): number {
    const id = this.state.parties.id(party);
    return id < 0 ? 0 : this.book.get(DEFAULT_METRIC, id, year, field);
  }
}

/** A6.4ERs follow `a64.itmo` (docs/language.md "Options"). */
export function isA64Unit(block: BlockState): boolean {
  return block.unitType === 'A6.4ER';
}
