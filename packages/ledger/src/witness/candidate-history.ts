import type { EventPayloads, EventType, FirstTransferDefinition, HistoryEvent, Ndc, Purpose } from '../events/types.ts';
import {
  A64_PENDING,
  AIRLINES,
  CDM_PENDING,
  COMPANIES,
  NATIONAL_ACCOUNTS,
  PENDING_ACCOUNTS,
  SECTORS,
  SHARED_REGISTRIES,
  activityId,
  authorizationId,
  blockId,
  corsiaUser,
  nationalAccount,
  nationalRegistry,
  sharedAccount,
  sharedAccountOpened,
  type NationalAccount,
  type SharedRegistry,
} from '../gen/gen-vocabulary.ts';
import { partyCatalogue, type CataloguedParty } from '../gen/party-catalogue.ts';
import type { Prng } from '../gen/prng.ts';
import { GUIDED_FACTOR, type SearchGuide } from './search-guide.ts';

/**
 * One candidate of the witness search: a small history over a few Parties, registries, activities,
 * authorizations and unit blocks, in `a6 gen`'s vocabulary. Like `a6 gen` it keeps a model of the
 * ledger (who holds which units, what is registered, authorized, transitioned) so its requests are
 * plausible, but it never assumes a rulebook: whether a request is accepted is for the replay to say,
 * and the two rulebooks may well disagree on it.
 *
 * Every step opens what it refers to first (a Party joins before its registry opens, an account
 * before units move to it), so any prefix of a candidate passes the import checks (docs/events.md "Bad
 * input"): the history is cut at `events`. Dates never decrease.
 */
export interface CandidateOptions {
  readonly prng: Prng;
  /** The candidate has exactly this many events. */
  readonly events: number;
  readonly guide: SearchGuide;
}

/** The Parties a candidate draws from: the first of `a6 gen`'s catalogue, hosts and buyers, LDC, SIDS and African. */
const PARTY_POOL: readonly CataloguedParty[] = partyCatalogue(8);

type Step = 'ndc' | 'inventory' | 'register' | 'authorize' | 'revoke' | 'transition' | 'issue' | 'transfer' | 'use' | 'cancel';

/** Base weights of the steps, and the event type each step is for (what the guide leans on). */
const STEPS: Readonly<Record<Step, { readonly weight: number; readonly event: EventType }>> = {
  ndc: { weight: 3, event: 'NdcCommunicated' },
  inventory: { weight: 2, event: 'InventoryReported' },
  register: { weight: 2, event: 'ActivityRegistered' },
  authorize: { weight: 3, event: 'AuthorizationIssued' },
  revoke: { weight: 0.5, event: 'AuthorizationRevoked' },
  transition: { weight: 1, event: 'ActivityTransitioned' },
  issue: { weight: 5, event: 'UnitsIssued' },
  transfer: { weight: 5, event: 'UnitsTransferred' },
  use: { weight: 3, event: 'UnitsUsed' },
  cancel: { weight: 1, event: 'UnitsCancelled' },
};

type ActivityKind = '6.2' | '6.4' | 'CDM' | 'GS';
const ACTIVITY_KINDS: Readonly<Record<ActivityKind, number>> = { '6.2': 4, '6.4': 3, CDM: 2, GS: 1 };
const PURPOSES = { ndc: 3, oimp: 2, both: 3 } as const;
const FIRST_TRANSFERS = { none: 2, authorization: 2, issuance: 3, use: 1, international_transfer: 2 } as const;
const QUANTITIES = [1, 2, 10, 50, 100, 1000] as const;
const APPROVALS: readonly (readonly string[] | null)[] = [null, ['host'], ['host', 'technical_review'], ['host', 'technical_review', 'supervisory_body'], ['technical_review']];
/** Dates around the CDM transition deadlines (Decision 3/CMA.3, 7/CMA.4): request by 2023-12-31, approval by 2026-06-30. */
const REQUESTED_ON = ['2022-05-16', '2023-06-30', '2023-12-31', '2024-01-02'] as const;
const APPROVED_ON = [null, '2023-09-01', '2026-06-30', '2026-07-01'] as const;
const DAY_STEPS = [0, 0, 1, 30, 90, 200, 365, 1000] as const;
const FIRST_DAY = Date.UTC(2021, 0, 1) / 86_400_000;
const LAST_DAY = Date.UTC(2032, 11, 31) / 86_400_000;

interface PartyModel {
  readonly catalogued: CataloguedParty;
  joined: boolean;
}

interface ActivityModel {
  readonly id: string;
  readonly host: PartyModel;
  readonly kind: ActivityKind;
  transitioned: boolean;
  readonly authorizations: string[];
  nextSerial: number;
  blocks: number;
}

interface Lot {
  account: string;
  /** Party of the holding account; `null` for a pending account. */
  party: string | null;
  readonly block: string;
  from: number;
  to: number;
  readonly activity: ActivityModel;
}

export function generateCandidate(options: CandidateOptions): HistoryEvent[] {
  const builder = new CandidateBuilder(options.prng, options.guide);
  while (builder.events.length < options.events) builder.step();
  // Every step opens what it refers to before it, so a prefix is a valid history too.
  return builder.events.slice(0, options.events);
}

class CandidateBuilder {
  readonly events: HistoryEvent[] = [];
  private readonly parties: PartyModel[];
  private readonly registries = new Set<string>();
  private readonly accounts = new Set<string>();
  private readonly activities: ActivityModel[] = [];
  private readonly lots: Lot[] = [];
  private readonly authorizations: { id: string; revoked: boolean }[] = [];
  private readonly weights: Readonly<Record<Step, number>>;
  private day: number;
  private activityCount = 0;

  constructor(
    private readonly prng: Prng,
    guide: SearchGuide,
  ) {
    const count = prng.int(1, 3);
    const pool = [...PARTY_POOL];
    this.parties = [];
    for (let index = 0; index < count; index++) this.parties.push({ catalogued: pool.splice(prng.int(0, pool.length - 1), 1)[0]!, joined: false });
    const guided = new Set(guide.events);
    const weights = {} as Record<Step, number>;
    for (const [step, { weight, event }] of Object.entries(STEPS) as [Step, (typeof STEPS)[Step]][]) weights[step] = guided.has(event) ? weight * GUIDED_FACTOR : weight;
    this.weights = weights;
    // Half the candidates start with the first NDC period, half later in it, so late vintages and
    // deadlines (2025, 2030) are reached by short histories too.
    this.day = FIRST_DAY + (prng.chance(0.5) ? prng.int(0, 180) : prng.int(0, 3_650));
  }

  step(): void {
    switch (this.prng.weighted(this.weights)) {
      case 'ndc':
        this.communicateNdc();
        break;
      case 'inventory':
        this.reportInventory();
        break;
      case 'register':
        this.registerActivity(this.prng.weighted(ACTIVITY_KINDS));
        break;
      case 'authorize':
        this.authorize(this.pickActivity((activity) => activity.kind !== 'CDM' || activity.transitioned) ?? this.registerActivity(this.prng.weighted(ACTIVITY_KINDS)));
        break;
      case 'revoke':
        this.revoke();
        break;
      case 'transition':
        this.transition();
        break;
      case 'issue':
        this.issue(this.pickActivity(() => true) ?? this.registerActivity(this.prng.weighted(ACTIVITY_KINDS)));
        break;
      case 'transfer':
        this.transfer();
        break;
      case 'use':
        this.use();
        break;
      case 'cancel':
        this.cancel();
        break;
    }
    this.day = Math.min(LAST_DAY, this.day + this.prng.pick(DAY_STEPS));
  }

  // ——— Emitting, and opening what an event refers to ———

  private emit<T extends EventType>(type: T, data: EventPayloads[T]): void {
    const at = new Date(this.day * 86_400_000).toISOString().slice(0, 10);
    this.events.push({ type, id: `e${this.events.length}`, at, data } as HistoryEvent);
  }

  private get year(): number {
    return new Date(this.day * 86_400_000).getUTCFullYear();
  }

  private join(party: PartyModel): string {
    const { catalogued } = party;
    if (!party.joined) {
      party.joined = true;
      this.emit('PartyJoined', { party: catalogued.party, name: catalogued.name, ...(catalogued.groups.length > 0 ? { groups: [...catalogued.groups] } : {}) });
    }
    return catalogued.party;
  }

  private openNational(party: PartyModel, account: NationalAccount): string {
    const code = this.join(party);
    const registry = nationalRegistry(party.catalogued);
    if (!this.registries.has(registry.registry)) {
      this.registries.add(registry.registry);
      this.emit('RegistryOpened', registry);
    }
    const ref = nationalAccount(code, account);
    if (!this.accounts.has(ref)) {
      this.accounts.add(ref);
      const { kind, holder } = NATIONAL_ACCOUNTS[account];
      this.emit('AccountOpened', { account: ref, kind, holder: holder(party.catalogued.name) });
    }
    return ref;
  }

  private openSharedRegistry(registry: SharedRegistry): void {
    if (this.registries.has(registry)) return;
    this.registries.add(registry);
    this.emit('RegistryOpened', { ...SHARED_REGISTRIES[registry] });
  }

  private openShared(registry: SharedRegistry, party: PartyModel): string {
    this.join(party);
    this.openSharedRegistry(registry);
    const ref = sharedAccount(registry, party.catalogued.party);
    if (!this.accounts.has(ref)) {
      this.accounts.add(ref);
      this.emit('AccountOpened', sharedAccountOpened(registry, party.catalogued));
    }
    return ref;
  }

  private openPending(ref: typeof A64_PENDING | typeof CDM_PENDING): string {
    this.openSharedRegistry(ref === A64_PENDING ? 'A64' : 'CDM');
    if (!this.accounts.has(ref)) {
      this.accounts.add(ref);
      this.emit('AccountOpened', { ...PENDING_ACCOUNTS[ref] });
    }
    return ref;
  }

  // ——— Parties ———

  private communicateNdc(): void {
    const { prng } = this;
    const party = prng.pick(this.parties);
    const code = this.join(party);
    const to = prng.pick([2025, 2030]);
    const target = 1_000_000 * prng.int(1, 50);
    const metric = prng.chance(0.85) ? 'tCO2e' : 'MWh';
    let ndc: Ndc;
    if (prng.chance(0.35)) ndc = { kind: 'multi-year', from: 2021, to, metric, target, ...(prng.chance(0.5) ? { trajectory: trajectory(target, to) } : {}) };
    else {
      const method = prng.pick([null, 'trajectory', 'averaging'] as const);
      ndc = { kind: 'single-year', from: 2021, to, targetYear: to, metric, target, ...(method === null ? {} : { method }), ...(method === 'trajectory' && prng.chance(0.5) ? { trajectory: trajectory(target, to) } : {}) };
    }
    this.emit('NdcCommunicated', { party: code, ndc });
  }

  private reportInventory(): void {
    const { prng } = this;
    const code = this.join(prng.pick(this.parties));
    this.emit('InventoryReported', { party: code, year: prng.int(2021, Math.max(2021, this.year)), emissions: 1_000_000 * prng.int(1, 60) });
  }

  // ——— Activities and authorizations ———

  private registerActivity(kind: ActivityKind): ActivityModel {
    const { prng } = this;
    const host = prng.pick(this.parties);
    const code = this.join(host);
    const id = activityId(kind, code, ++this.activityCount);
    const today = new Date(this.day * 86_400_000).toISOString().slice(0, 10);
    const approvals = prng.pick(APPROVALS);
    const inNdc = prng.pick([true, true, false, null]);
    const sector = prng.pick(SECTORS);
    let data: EventPayloads['ActivityRegistered'];
    if (kind === 'CDM') {
      const registeredOn = `${prng.int(2008, 2019)}-${pad(prng.int(1, 12))}-${pad(prng.int(1, 28))}`;
      const creditingTo = `${Number(registeredOn.slice(0, 4)) + prng.pick([7, 10, 14])}${registeredOn.slice(4)}`;
      data = { activity: id, host: code, mechanism: 'CDM', sector, registeredOn, crediting: { from: registeredOn, to: creditingTo }, approvals: approvals === null ? ['host', 'supervisory_body'] : [...approvals] };
    } else if (kind === 'GS') {
      data = { activity: id, host: code, mechanism: 'independent', standard: 'GS', sector, registeredOn: today, ...(approvals === null ? {} : { approvals: [...approvals] }) };
    } else {
      data = {
        activity: id,
        host: code,
        mechanism: kind,
        sector,
        registeredOn: today,
        ...(inNdc === null ? {} : { inNdc }),
        ...(kind === '6.4' ? { crediting: { from: today, to: `${this.year + 5}-12-31` } } : {}),
        ...(approvals === null ? {} : { approvals: [...approvals] }),
      };
    }
    this.emit('ActivityRegistered', data);
    const activity: ActivityModel = { id, host, kind, transitioned: false, authorizations: [], nextSerial: 1, blocks: 0 };
    this.activities.push(activity);
    return activity;
  }

  private pickActivity(accept: (activity: ActivityModel) => boolean): ActivityModel | null {
    const candidates = this.activities.filter(accept);
    // Now and then a new activity even when some exist, so candidates hold more than one.
    if (candidates.length === 0 || this.prng.chance(0.2)) return null;
    return this.prng.pick(candidates);
  }

  private authorize(activity: ActivityModel): void {
    const { prng } = this;
    const party = this.join(activity.host);
    const purposeSet = prng.weighted(PURPOSES);
    const purposes: Purpose[] = purposeSet === 'ndc' ? ['NDC'] : purposeSet === 'oimp' ? ['OIMP'] : ['NDC', 'OIMP'];
    const firstTransfer = prng.weighted(FIRST_TRANSFERS);
    const id = authorizationId(activity.id, activity.authorizations.length + 1);
    const data: EventPayloads['AuthorizationIssued'] = { authorization: id, party, activity: activity.id, purposes };
    if (firstTransfer !== 'none') data.firstTransfer = firstTransfer as FirstTransferDefinition;
    if (prng.chance(0.25)) data.vintages = { from: 2021, to: prng.pick([2025, 2030]) };
    if (prng.chance(0.15) && this.parties.length > 1) {
      const acquirer = prng.pick(this.parties.filter((candidate) => candidate !== activity.host));
      data.acquirers = [this.join(acquirer)];
    }
    if (prng.chance(0.1)) data.cap = prng.pick(QUANTITIES);
    this.emit('AuthorizationIssued', data);
    activity.authorizations.push(id);
    this.authorizations.push({ id, revoked: false });
  }

  private revoke(): void {
    const open = this.authorizations.filter((authorization) => !authorization.revoked);
    if (open.length === 0) return this.authorize(this.pickActivity(() => true) ?? this.registerActivity('6.2'));
    const authorization = this.prng.pick(open);
    authorization.revoked = true;
    this.emit('AuthorizationRevoked', { authorization: authorization.id, ...(this.prng.chance(0.5) ? { reason: 'authorization withdrawn by the host Party' } : {}) });
  }

  private transition(): void {
    const { prng } = this;
    const activity = this.pickActivity((candidate) => candidate.kind === 'CDM' && !candidate.transitioned) ?? this.registerActivity('CDM');
    const approved = prng.pick(APPROVED_ON);
    this.emit('ActivityTransitioned', { activity: activity.id, to: '6.4', requestedOn: prng.pick(REQUESTED_ON), ...(approved === null ? {} : { hostApprovedOn: approved }) });
    activity.transitioned = true;
  }

  // ——— Units ———

  private issue(activity: ActivityModel): void {
    const { prng } = this;
    const host = activity.host;
    const quantity = prng.chance(0.8) ? prng.pick(QUANTITIES) : prng.int(1, 5_000);
    let unitType: string;
    let account: string;
    let vintage: number;
    if (activity.kind === 'CDM' && !activity.transitioned) {
      unitType = 'CER';
      account = this.openPending(CDM_PENDING);
      vintage = prng.int(2008, 2020);
    } else {
      vintage = Math.max(2019, this.year - prng.pick([0, 0, 1, 2, 3]));
      if (activity.kind === '6.2') {
        unitType = 'ITMO';
        account = this.openNational(host, 'dev');
      } else if (activity.kind === 'GS') {
        unitType = 'VER';
        account = this.openShared('GS', host);
      } else {
        unitType = 'A6.4ER';
        account = this.openPending(A64_PENDING);
      }
    }
    const from = activity.nextSerial;
    const to = from + quantity - 1;
    activity.nextSerial = to + 1;
    const block = blockId(activity.id, vintage, ++activity.blocks);
    const data: EventPayloads['UnitsIssued'] = { account, activity: activity.id, unitType, block, from, to, vintage };
    if (activity.kind === '6.2' && prng.chance(0.1)) data.metric = 'MWh';
    if (activity.authorizations.length > 0 && prng.chance(0.15)) data.authorization = prng.pick(activity.authorizations);
    this.emit('UnitsIssued', data);
    this.lots.push({ account, party: account === A64_PENDING || account === CDM_PENDING ? null : host.catalogued.party, block, from, to, activity });
  }

  private pickLot(accept: (lot: Lot) => boolean): Lot | null {
    const candidates = this.lots.filter((lot) => lot.from <= lot.to && accept(lot));
    return candidates.length === 0 ? null : this.prng.pick(candidates);
  }

  /** A lot to move: an existing one, or a fresh issuance when there is none. */
  private lotFor(accept: (lot: Lot) => boolean): Lot | null {
    const lot = this.pickLot(accept);
    if (lot !== null) return lot;
    this.issue(this.pickActivity((activity) => activity.kind !== 'CDM') ?? this.registerActivity(this.prng.weighted(ACTIVITY_KINDS)));
    return this.pickLot(accept);
  }

  private transfer(): void {
    const { prng } = this;
    const lot = this.lotFor(() => true);
    if (lot === null) return;
    const host = lot.activity.host;
    let to: string;
    let party: string | null;
    if (lot.party === null) {
      // Out of a pending account, which has no Party: a forward, never international.
      to = lot.account === CDM_PENDING ? this.openShared('CDM', host) : prng.chance(0.5) ? this.openShared('A64', host) : this.openNational(host, 'dev');
      party = host.catalogued.party;
    } else {
      const others = this.parties.filter((candidate) => candidate.catalogued.party !== lot.party);
      if (others.length > 0 && prng.chance(0.7)) {
        const buyer = prng.pick(others);
        to = prng.chance(0.75) ? this.openNational(buyer, 'buyer') : this.openShared('UNIR', buyer);
        party = buyer.catalogued.party;
      } else {
        const own = this.parties.find((candidate) => candidate.catalogued.party === lot.party)!;
        to = this.openNational(own, lot.account === nationalAccount(lot.party, 'buyer') ? 'gov' : 'buyer');
        party = lot.party;
      }
    }
    const moved = this.takeRange(lot);
    this.emit('UnitsTransferred', { from: moved.account, to, units: [{ block: moved.block, from: moved.from, to: moved.to }] });
    moved.account = to;
    moved.party = party;
    this.lots.push(moved);
  }

  private use(): void {
    const { prng } = this;
    const lot = this.lotFor((candidate) => candidate.party !== null);
    if (lot === null) return;
    const purpose = prng.pick(['NDC', 'NDC', 'OIMP', 'voluntary'] as const);
    const by = purpose === 'NDC' ? lot.party! : purpose === 'OIMP' ? corsiaUser(prng.pick(AIRLINES)) : prng.pick(COMPANIES);
    const used = this.takeRange(lot);
    const data: EventPayloads['UnitsUsed'] = { account: used.account, units: [{ block: used.block, from: used.from, to: used.to }], purpose, by };
    if (prng.chance(0.25)) data.year = Math.max(2021, this.year - prng.int(0, 1));
    this.emit('UnitsUsed', data);
  }

  private cancel(): void {
    const lot = this.lotFor(() => true);
    if (lot === null) return;
    const cancelled = this.takeRange(lot);
    this.emit('UnitsCancelled', { account: cancelled.account, units: [{ block: cancelled.block, from: cancelled.from, to: cancelled.to }], reason: this.prng.pick(['voluntary', 'voluntary', 'other', 'omge'] as const) });
  }

  /** Splits a sub-range off the low end of `lot` (the whole lot now and then); the rest stays where it is. */
  private takeRange(lot: Lot): Lot {
    const size = lot.to - lot.from + 1;
    if (size === 1 || this.prng.chance(0.4)) {
      this.lots.splice(this.lots.indexOf(lot), 1);
      return { ...lot };
    }
    const length = this.prng.int(1, size - 1);
    const taken: Lot = { ...lot, to: lot.from + length - 1 };
    lot.from += length;
    return taken;
  }
}

/** A straight line from 2021 to the target year, as NDCs' indicative trajectories are drawn. */
function trajectory(target: number, to: number): Record<string, number> {
  const start = target * 1.25;
  const years: Record<string, number> = {};
  for (let year = 2021; year <= to; year++) years[String(year)] = Math.round(start - ((start - target) * (year - 2020)) / (to - 2020));
  return years;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
