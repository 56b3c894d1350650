import { registryOf } from '../events/account-ref.ts';
import type { EventPayloads, Ndc } from '../events/types.ts';
import { CANCELLED, USED, UnitRanges, type UnitAttributes } from './unit-ranges.ts';

/**
 * The ledger's state under one rulebook: Parties, registries, accounts, activities, authorizations,
 * inventories and unit blocks. Every entity has a compact id (its index in an array) and a map from its
 * public name to that id, so the hot path compares small integers. Memory grows with the state, never
 * with the number of events (replay.md). The state knows nothing of rulebooks: the engine decides what
 * changes and calls the mutators here.
 */

export const LEVY_REGISTRY = 'LEVY';

export interface PartyState {
  readonly id: number;
  readonly code: string;
  readonly name: string;
  readonly groups: readonly string[];
  /** The NDC in force (a later `NdcCommunicated` replaces it). */
  ndc: Ndc | null;
  /** Units held in accounts of this Party (builtin `holdings(party)`). */
  held: number;
  /** Reported emissions by year (a later report for the same year replaces the figure). */
  readonly inventory: Map<number, number>;
}

export interface RegistryState {
  readonly id: number;
  readonly code: string;
  readonly kind: string | null;
  readonly name: string | null;
  /** Party id, `-1` when none. */
  readonly party: number;
}

export interface AccountState {
  readonly id: number;
  /** `REGISTRY:ACCOUNT`. */
  readonly ref: string;
  readonly registry: string;
  readonly kind: string | null;
  readonly holder: string | null;
  /** Party id, `-1` when none (`LEVY:*` accounts and accounts of registries without a Party). */
  readonly party: number;
  /** Units held (builtin `holdings(account)`). */
  held: number;
}

export interface ActivityState {
  readonly id: number;
  readonly code: string;
  readonly data: EventPayloads['ActivityRegistered'];
  readonly host: number;
  /** `6.4` after an accepted transition. */
  mechanism: string;
  transitionedOn: string | null;
  /** Units issued (builtin `issued(activity)`). */
  issued: number;
  /** Block ids in issuance order. */
  readonly blocks: number[];
  /** Authorization ids naming this activity, in issuance order. */
  readonly authorizations: number[];
}

export interface AuthorizationState {
  readonly id: number;
  readonly code: string;
  readonly data: EventPayloads['AuthorizationIssued'];
  readonly party: number;
  /** Activity id, `-1` when the authorization names a cooperative approach only. */
  readonly activity: number;
  /** The day it was issued (`authorization.date`). */
  readonly date: string;
  revoked: boolean;
  /** Units first transferred under it so far (builtin `authorized_total`). */
  firstTransferred: number;
  /** Blocks whose `UnitsIssued.authorization` names it (a revocation must find them too). */
  readonly namedBlocks: number[];
}

export interface BlockState {
  readonly id: number;
  readonly code: string;
  readonly activity: number;
  readonly unitType: string;
  readonly vintage: number;
  readonly metric: string;
  readonly issuedOn: string;
  /** The authorization `UnitsIssued.authorization` named, `-1` when resolved by activity and vintage. */
  readonly namedAuthorization: number;
  readonly units: UnitRanges;
}

/** A registry of names to compact ids, in the order of first appearance (deterministic iteration). */
class Directory<T> {
  readonly items: T[] = [];
  private readonly ids = new Map<string, number>();

  id(code: string): number {
    return this.ids.get(code) ?? -1;
  }

  get(code: string): T | undefined {
    const id = this.ids.get(code);
    return id === undefined ? undefined : this.items[id];
  }

  add(code: string, make: (id: number) => T): T {
    const item = make(this.items.length);
    this.ids.set(code, this.items.length);
    this.items.push(item);
    return item;
  }
}

export class LedgerState {
  readonly parties = new Directory<PartyState>();
  readonly registries = new Directory<RegistryState>();
  readonly accounts = new Directory<AccountState>();
  readonly activities = new Directory<ActivityState>();
  readonly authorizations = new Directory<AuthorizationState>();
  readonly blocks = new Directory<BlockState>();

  party(id: number): PartyState | undefined {
    return this.parties.items[id];
  }

  account(id: number): AccountState | undefined {
    return this.accounts.items[id];
  }

  /** An account by reference; `LEVY:*` accounts exist implicitly (events.md "Storage"). */
  findAccount(ref: string): AccountState | undefined {
    const account = this.accounts.get(ref);
    if (account !== undefined || !isLevyAccount(ref)) return account;
    return this.accounts.add(ref, (id) => ({
      id,
      ref,
      registry: LEVY_REGISTRY,
      kind: null,
      holder: null,
      party: -1,
      held: 0,
    }));
  }

  joinParty(data: EventPayloads['PartyJoined']): PartyState {
    return this.parties.add(data.party, (id) => ({
      id,
      code: data.party,
      name: data.name,
      groups: data.groups ?? [],
      ndc: null,
      held: 0,
      inventory: new Map(),
    }));
  }

  openRegistry(data: EventPayloads['RegistryOpened']): RegistryState {
    return this.registries.add(data.registry, (id) => ({
      id,
      code: data.registry,
      kind: data.kind,
      name: data.name ?? null,
      party: data.party === undefined ? -1 : this.parties.id(data.party),
    }));
  }

  openAccount(data: EventPayloads['AccountOpened']): AccountState {
    const registry = registryOf(data.account);
    const registryParty = this.registries.get(registry)?.party ?? -1;
    return this.accounts.add(data.account, (id) => ({
      id,
      ref: data.account,
      registry,
      kind: data.kind,
      holder: data.holder,
      party: data.party === undefined ? registryParty : this.parties.id(data.party),
      held: 0,
    }));
  }

  /** Builds the state of an activity about to be registered (rules see it before it exists). */
  prepareActivity(data: EventPayloads['ActivityRegistered']): ActivityState {
    return {
      id: this.activities.items.length,
      code: data.activity,
      data,
      host: this.parties.id(data.host),
      mechanism: data.mechanism,
      transitionedOn: null,
      issued: 0,
      blocks: [],
      authorizations: [],
    };
  }

  registerActivity(activity: ActivityState): void {
    this.activities.add(activity.code, () => activity);
  }

  prepareAuthorization(data: EventPayloads['AuthorizationIssued'], date: string): AuthorizationState {
    return {
      id: this.authorizations.items.length,
      code: data.authorization,
      data,
      party: this.parties.id(data.party),
      activity: data.activity === undefined ? -1 : this.activities.id(data.activity),
      date,
      revoked: false,
      firstTransferred: 0,
      namedBlocks: [],
    };
  }

  issueAuthorization(authorization: AuthorizationState): void {
    this.authorizations.add(authorization.code, () => authorization);
    if (authorization.activity >= 0) this.activities.items[authorization.activity]!.authorizations.push(authorization.id);
  }

  /** The earliest non-revoked authorization of the activity whose vintages include `vintage`, or -1. */
  coveringAuthorization(activity: ActivityState, vintage: number): number {
    for (const id of activity.authorizations) {
      const authorization = this.authorizations.items[id]!;
      if (!authorization.revoked && coversVintage(authorization, vintage)) return id;
    }
    return -1;
  }

  /** Builds a block about to be issued (rules see it before it exists); `addBlock` commits it. */
  prepareBlock(data: EventPayloads['UnitsIssued'], issuedOn: string, namedAuthorization: number, attributes: UnitAttributes): BlockState {
    return {
      id: this.blocks.items.length,
      code: data.block,
      activity: this.activities.id(data.activity),
      unitType: data.unitType,
      vintage: data.vintage,
      metric: data.metric ?? 'tCO2e',
      issuedOn,
      namedAuthorization,
      units: new UnitRanges(data.from, data.to, attributes),
    };
  }

  /** Commits an issued block: all its units in the issuing account (levies then move some out). */
  addBlock(block: BlockState, holder: number): void {
    this.blocks.add(block.code, () => block);
    const activity = this.activities.items[block.activity]!;
    activity.blocks.push(block.id);
    const quantity = block.units.to - block.units.from + 1;
    activity.issued += quantity;
    if (block.namedAuthorization >= 0) this.authorizations.items[block.namedAuthorization]!.namedBlocks.push(block.id);
    this.addHeld(holder, quantity);
  }

  /** Moves a held quantity between holders (accounts, or out of circulation) in the holdings counters. */
  moveHeld(fromHolder: number, toHolder: number, quantity: number): void {
    if (fromHolder === toHolder) return;
    this.addHeld(fromHolder, -quantity);
    this.addHeld(toHolder, quantity);
  }

  private addHeld(holder: number, quantity: number): void {
    if (holder === USED || holder === CANCELLED) return;
    const account = this.accounts.items[holder]!;
    account.held += quantity;
    if (account.party >= 0) this.parties.items[account.party]!.held += quantity;
  }
}

export function coversVintage(authorization: AuthorizationState, vintage: number): boolean {
  const vintages = authorization.data.vintages;
  return vintages === undefined || (vintage >= vintages.from && vintage <= vintages.to);
}

export { registryOf } from '../events/account-ref.ts';

export function isLevyAccount(ref: string): boolean {
  return ref.startsWith(`${LEVY_REGISTRY}:`) && ref.length > LEVY_REGISTRY.length + 1;
}
