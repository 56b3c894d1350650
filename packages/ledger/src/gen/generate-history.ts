import type { EventPayloads, EventType, FirstTransferDefinition, HistoryEvent, Purpose } from '../events/types.ts';
import { A64_PENDING, AIRLINES, CDM_PENDING, COMPANIES, NATIONAL_ACCOUNTS, SECTORS, SHARED_REGISTRIES, activityId, authorizationId, blockId, corsiaUser, nationalAccount, nationalRegistry, PENDING_ACCOUNTS, sharedAccount, sharedAccountOpened } from './gen-vocabulary.ts';
import { GLASGOW_ADOPTION } from './glasgow-adoption.ts';
import { partyCatalogue, type CataloguedParty, MAX_PARTIES } from './party-catalogue.ts';
import { createPrng, type Prng } from './prng.ts';

/**
 * `a6 gen`: a deterministic synthetic history for benchmarks and soak tests (docs/cli.md).
 *
 * The generator keeps a small model of the ledger *as `glasgow_2021` sees it* (who holds which unit
 * range, which activities are authorized or transitioned), so that replay under the Glasgow rulebook
 * accepts almost every event. About 1% of the episodes are deliberate mistakes the model knows will be
 * rejected (pre-2021 vintages first transferred at issuance, unauthorized ITMOs sent abroad, double
 * spends, units not held, CDM transitions without host approval, A6.4ERs of an activity that has not
 * transitioned); the model does not apply them, so nothing cascades.
 *
 * Memory is bounded by the model's pools (capped), never by the number of events: events are yielded
 * one at a time. Dates run evenly from 2021-01-01 to 2030-12-31 across the N events, so `at` never
 * decreases whatever N is.
 */
export interface GenerateOptions {
  /** Exactly this many events. */
  readonly events: number;
  readonly seed?: string;
  /** Number of Parties (2 ≤ parties ≤ MAX_PARTIES); default 20. */
  readonly parties?: number;
}

export const GEN_DEFAULT_SEED = '1';
export const GEN_DEFAULT_PARTIES = 20;
export { MAX_PARTIES };

const START_DAY = Date.UTC(2021, 0, 1) / 86_400_000;
const SPAN_DAYS = Date.UTC(2030, 11, 31) / 86_400_000 - START_DAY;
const MAX_LOTS = 20_000;
const MAX_ACTIVITIES = 4_000;
const RECENT_USES = 64;

type ActivityKind = '6.2' | '6.4' | 'CDM' | 'independent';

interface Activity {
  readonly id: string;
  readonly host: string;
  readonly kind: ActivityKind;
  readonly unitType: string;
  /** Where its units are issued. */
  readonly issueTo: string;
  readonly metric: string | null;
  authorization: { readonly id: string; readonly purposes: Purpose[]; readonly firstTransfer: FirstTransferDefinition | null; readonly windowed: boolean } | null;
  /** A 6.2 activity whose authorization never came: its ITMOs must not leave the country. */
  readonly unauthorizedItmo: boolean;
  /** CDM: registration year and whether its crediting period was active on 1 January 2021. */
  readonly registeredYear: number;
  readonly creditingActive2021: boolean;
  transitioned: boolean;
  revoked: boolean;
  nextSerial: number;
  blocks: number;
}

interface Lot {
  /** Position in the lot pool (kept up to date so removal is O(1)). */
  slot: number;
  account: string;
  /** Party of the holding account; `null` for pending accounts (forward them first). */
  party: string | null;
  readonly block: string;
  from: number;
  to: number;
  readonly vintage: number;
  readonly unitType: string;
  readonly activity: Activity;
}

interface UsedRange {
  readonly account: string;
  readonly block: string;
  readonly from: number;
  readonly to: number;
}

type Draft = { [T in EventType]: { type: T; data: EventPayloads[T]; decided?: { verdict: 'accepted' | 'rejected'; code?: string; rule?: string } } }[EventType];

const EPISODE_WEIGHTS = {
  issue: 24,
  transfer: 30,
  use: 14,
  cancel: 5,
  activity: 5,
  transition: 1,
  revoke: 0.15,
  renewNdc: 0.2,
  badVintage: 0.3,
  badUnauthorized: 0.3,
  badDoubleSpend: 0.3,
  badNotHeld: 0.2,
  badTransition: 0.2,
  badNotTransitioned: 0.2,
} as const;
const NDC_STYLES = { averaging: 3, trajectory: 3, multi: 2 } as const;
const ACTIVITY_KINDS: Readonly<Record<ActivityKind, number>> = { '6.2': 4, '6.4': 2, CDM: 2, independent: 2 };
const PURPOSE_SETS = { ndc: 3, oimp: 2, both: 3 } as const;
const FIRST_TRANSFERS = { none: 1, authorization: 2, issuance: 3, use: 1, international_transfer: 2 } as const;
const QUANTITY_SCALES = { small: 5, medium: 4, large: 1 } as const;


export function* generateHistory(options: GenerateOptions): Generator<HistoryEvent> {
  const total = options.events;
  if (!Number.isSafeInteger(total) || total < 0) throw new RangeError(`events must be a non-negative integer, got ${total}`);
  const partyCount = options.parties ?? GEN_DEFAULT_PARTIES;
  if (!Number.isSafeInteger(partyCount) || partyCount < 2 || partyCount > MAX_PARTIES) {
    throw new RangeError(`parties must be an integer from 2 to ${MAX_PARTIES}, got ${partyCount}`);
  }
  const state = new GeneratorState(createPrng(options.seed ?? GEN_DEFAULT_SEED), partyCatalogue(partyCount), total);
  let emitted = 0;
  const queue: Draft[] = [];
  state.setup(queue);
  let head = 0;
  while (emitted < total) {
    if (head === queue.length) {
      queue.length = 0;
      head = 0;
      state.episode(queue, dateFor(emitted, total));
      continue;
    }
    const draft = queue[head++]!;
    const id = `e${emitted}`;
    const at = dateFor(emitted, total);
    yield { type: draft.type, id, at, data: draft.data } as HistoryEvent;
    emitted++;
    state.lastEventId = id;
    if (draft.decided !== undefined && emitted < total) {
      const reasons = draft.decided.code === undefined ? [] : [{ rule: draft.decided.rule ?? null, code: draft.decided.code, message: `expected under ${GLASGOW_ADOPTION.name}` }];
      yield {
        type: 'TransactionDecided',
        id: `e${emitted}`,
        at,
        data: { event: id, rulebook: { ...GLASGOW_ADOPTION }, verdict: draft.decided.verdict, reasons },
      };
      emitted++;
    }
  }
}

let cachedDay = -1;
let cachedDate = '';

function dateFor(index: number, total: number): string {
  const day = START_DAY + Math.floor((index * SPAN_DAYS) / Math.max(total, 1));
  // Thousands of events share a day: format each day once.
  if (day !== cachedDay) {
    cachedDay = day;
    cachedDate = new Date(day * 86_400_000).toISOString().slice(0, 10);
  }
  return cachedDate;
}

class GeneratorState {
  lastEventId = '';
  private readonly buyers: CataloguedParty[];
  private readonly hosts: CataloguedParty[];
  private readonly activities: Activity[] = [];
  private readonly lots: Lot[] = [];
  private readonly recentUses: UsedRange[] = [];
  private readonly renewedNdc = new Set<string>();
  private activityCounter = 0;
  private inventoryYear = 2020;

  constructor(
    private readonly prng: Prng,
    private readonly parties: readonly CataloguedParty[],
    private readonly total: number,
  ) {
    this.buyers = parties.filter((party) => party.buyer);
    this.hosts = parties.filter((party) => !party.buyer);
    // Every history needs both sides of a trade.
    if (this.buyers.length === 0) this.buyers.push(parties[0]!);
    if (this.hosts.length === 0) this.hosts.push(parties[parties.length - 1]!);
  }

  setup(queue: Draft[]): void {
    const { prng } = this;
    queue.push({ type: 'RulebookAdopted', data: { name: GLASGOW_ADOPTION.name, sha256: GLASGOW_ADOPTION.sha256 } });
    for (const party of this.parties) {
      queue.push({ type: 'PartyJoined', data: { party: party.party, name: party.name, ...(party.groups.length > 0 ? { groups: [...party.groups] } : {}) } });
      queue.push({ type: 'NdcCommunicated', data: { party: party.party, ndc: this.ndc(party, 2021, prng.chance(0.3) ? 2025 : 2030) } });
    }
    for (const registry of Object.values(SHARED_REGISTRIES)) queue.push({ type: 'RegistryOpened', data: { ...registry } });
    const etsParty = this.buyers[0]!.party;
    queue.push({ type: 'RegistryOpened', data: { registry: `${etsParty}-ETS`, kind: 'ets', party: etsParty, name: `${this.buyers[0]!.name} emissions trading system` } });
    queue.push({ type: 'AccountOpened', data: { ...PENDING_ACCOUNTS[A64_PENDING] } });
    queue.push({ type: 'AccountOpened', data: { account: 'A64:omge', kind: 'omge', holder: 'Article 6.4 mechanism' } });
    queue.push({ type: 'AccountOpened', data: { account: 'A64:sop', kind: 'sop', holder: 'Adaptation Fund' } });
    queue.push({ type: 'AccountOpened', data: { ...PENDING_ACCOUNTS[CDM_PENDING] } });
    queue.push({ type: 'AccountOpened', data: { account: `${etsParty}-ETS:operators`, kind: 'holding', holder: 'Fuel importers under the CO2 Act' } });
    for (const party of this.parties) {
      const code = party.party;
      queue.push({ type: 'RegistryOpened', data: nationalRegistry(party) });
      const open = (account: keyof typeof NATIONAL_ACCOUNTS): void => {
        const { kind, holder } = NATIONAL_ACCOUNTS[account];
        queue.push({ type: 'AccountOpened', data: { account: nationalAccount(code, account), kind, holder: holder(party.name) } });
      };
      open('dev');
      open('buyer');
      open('gov');
      if (party.buyer) {
        open('retire');
        queue.push({ type: 'AccountOpened', data: sharedAccountOpened('UNIR', party) });
      } else {
        open('cancel');
        queue.push({ type: 'AccountOpened', data: sharedAccountOpened('A64', party) });
        queue.push({ type: 'AccountOpened', data: sharedAccountOpened('CDM', party) });
        queue.push({ type: 'AccountOpened', data: sharedAccountOpened('GS', party) });
        queue.push({ type: 'AccountOpened', data: sharedAccountOpened('VERRA', party) });
      }
    }
  }

  /** Appends the events of one episode (at least one). `today` is the date the first of them gets. */
  episode(queue: Draft[], today: string): void {
    const { prng } = this;
    const year = Number(today.slice(0, 4));
    if (year - 2 > this.inventoryYear) {
      // Inventories arrive two years after the year they cover (BTR cycle).
      this.inventoryYear = year - 2;
      for (const party of this.parties) {
        queue.push({ type: 'InventoryReported', data: { party: party.party, year: this.inventoryYear, emissions: this.emissions(party, this.inventoryYear) } });
      }
      return;
    }
    const kind = prng.weighted(EPISODE_WEIGHTS);
    const before = queue.length;
    switch (kind) {
      case 'issue':
        this.issue(queue, today);
        break;
      case 'transfer':
        this.transfer(queue);
        break;
      case 'use':
        this.use(queue, year);
        break;
      case 'cancel':
        this.cancel(queue);
        break;
      case 'activity':
        this.registerActivity(queue, today);
        break;
      case 'transition':
        this.transition(queue, today, true);
        break;
      case 'revoke':
        this.revoke(queue);
        break;
      case 'renewNdc':
        this.renewNdc(queue, year);
        break;
      case 'badVintage':
        this.badVintage(queue);
        break;
      case 'badUnauthorized':
        this.badUnauthorized(queue);
        break;
      case 'badDoubleSpend':
        this.badDoubleSpend(queue);
        break;
      case 'badNotHeld':
        this.badNotHeld(queue);
        break;
      case 'badTransition':
        this.transition(queue, today, false);
        break;
      case 'badNotTransitioned':
        this.badNotTransitioned(queue);
        break;
    }
    // An episode that found nothing to act on registers an activity instead, so the ledger grows.
    if (queue.length === before) this.registerActivity(queue, today);
  }

  private ndc(party: CataloguedParty, from: number, to: number): EventPayloads['NdcCommunicated']['ndc'] {
    const { prng } = this;
    const base = this.baseEmissions(party);
    const target = Math.round(base * (0.6 + prng.next() * 0.3));
    const trajectory: Record<string, number> = {};
    for (let year = from; year <= to; year++) trajectory[String(year)] = Math.round(base - ((base - target) * (year - from + 1)) / (to - from + 1));
    const style = prng.weighted(NDC_STYLES);
    const id = `${party.party}-NDC-${from}`;
    if (style === 'multi') return { id, kind: 'multi-year', from, to, metric: 'tCO2e', target, trajectory };
    if (style === 'averaging') return { id, kind: 'single-year', from, to, targetYear: to, metric: 'tCO2e', target, method: 'averaging' };
    return { id, kind: 'single-year', from, to, targetYear: to, metric: 'tCO2e', target, method: 'trajectory', trajectory };
  }

  private baseEmissions(party: CataloguedParty): number {
    // Stable per Party (not drawn from the PRNG, so it does not shift the stream).
    let hash = 7;
    for (const char of party.party) hash = (hash * 31 + char.charCodeAt(0)) % 1_000_003;
    return (party.buyer ? 40_000_000 : 5_000_000) + (hash % 97) * 1_000_000;
  }

  private emissions(party: CataloguedParty, year: number): number {
    const base = this.baseEmissions(party);
    return Math.round(base * (1 - 0.015 * (year - 2020)) * (0.98 + this.prng.next() * 0.04));
  }

  private renewNdc(queue: Draft[], year: number): void {
    if (year < 2025) return;
    const party = this.prng.pick(this.parties);
    if (this.renewedNdc.has(party.party)) return;
    this.renewedNdc.add(party.party);
    queue.push({ type: 'NdcCommunicated', data: { party: party.party, ndc: this.ndc(party, 2031, 2035) } });
  }

  private registerActivity(queue: Draft[], today: string): void {
    const { prng } = this;
    const host = prng.pick(this.hosts).party;
    const n = ++this.activityCounter;
    const kind = prng.weighted(ACTIVITY_KINDS);
    const sector = prng.pick(SECTORS);
    const year = Number(today.slice(0, 4));
    let activity: Activity;
    if (kind === 'CDM') {
      const registeredYear = prng.int(2008, 2019);
      const registeredOn = `${registeredYear}-${pad(prng.int(1, 12))}-${pad(prng.int(1, 28))}`;
      const creditingTo = `${registeredYear + (prng.chance(0.7) ? 10 : 7)}-${registeredOn.slice(5)}`;
      activity = this.newActivity({ id: activityId('CDM', host, n), host, kind, unitType: 'CER', issueTo: CDM_PENDING, registeredYear, creditingActive2021: creditingTo >= '2021-01-01' && registeredOn <= '2021-01-01' });
      queue.push({
        type: 'ActivityRegistered',
        data: { activity: activity.id, host, mechanism: 'CDM', title: `${sector} project ${n}`, sector, registeredOn, crediting: { from: registeredOn, to: creditingTo }, approvals: ['host', 'supervisory_body'] },
      });
      return;
    }
    if (kind === 'independent') {
      const verra = prng.chance(0.5);
      activity = this.newActivity({ id: activityId(verra ? 'VCS' : 'GS', host, n), host, kind, unitType: verra ? 'VCU' : 'VER', issueTo: sharedAccount(verra ? 'VERRA' : 'GS', host), registeredYear: year, creditingActive2021: false });
      queue.push({ type: 'ActivityRegistered', data: { activity: activity.id, host, mechanism: 'independent', standard: verra ? 'VCS' : 'GS', sector, registeredOn: today, approvals: ['technical_review'] } });
      if (prng.chance(0.4)) this.authorize(queue, activity, true);
      return;
    }
    if (kind === '6.4') {
      activity = this.newActivity({ id: activityId('6.4', host, n), host, kind, unitType: 'A6.4ER', issueTo: A64_PENDING, registeredYear: year, creditingActive2021: false });
      queue.push({
        type: 'ActivityRegistered',
        data: { activity: activity.id, host, mechanism: '6.4', sector, registeredOn: today, crediting: { from: today, to: `${year + 5}-12-31` }, inNdc: prng.chance(0.8), approvals: ['host', 'technical_review', 'supervisory_body'] },
      });
      // Authorized A6.4ERs vs mitigation-contribution A6.4ERs (no authorization).
      if (prng.chance(0.6)) this.authorize(queue, activity, true);
      return;
    }
    const unauthorizedItmo = prng.chance(0.08);
    activity = this.newActivity({
      id: activityId('6.2', host, n),
      host,
      kind,
      unitType: 'ITMO',
      issueTo: nationalAccount(host, 'dev'),
      registeredYear: year,
      creditingActive2021: false,
      unauthorizedItmo,
      metric: prng.chance(0.02) ? 'MWh' : null,
    });
    queue.push({
      type: 'ActivityRegistered',
      data: { activity: activity.id, host, mechanism: '6.2', sector, registeredOn: today, inNdc: prng.chance(0.85), approvals: prng.chance(0.5) ? ['host'] : ['host', 'technical_review'] },
    });
    if (!unauthorizedItmo) this.authorize(queue, activity, false);
  }

  private newActivity(fields: Pick<Activity, 'id' | 'host' | 'kind' | 'unitType' | 'issueTo' | 'registeredYear' | 'creditingActive2021'> & { unauthorizedItmo?: boolean; metric?: string | null }): Activity {
    const activity: Activity = {
      ...fields,
      metric: fields.metric ?? null,
      unauthorizedItmo: fields.unauthorizedItmo ?? false,
      authorization: null,
      transitioned: false,
      revoked: false,
      nextSerial: 1,
      blocks: 0,
    };
    this.activities.push(activity);
    if (this.activities.length > MAX_ACTIVITIES) this.swapRemove(this.activities, this.prng.int(0, this.activities.length - 2));
    return activity;
  }

  private authorize(queue: Draft[], activity: Activity, windowed: boolean): void {
    const { prng } = this;
    const purposes = prng.weighted(PURPOSE_SETS);
    const purposeList: Purpose[] = purposes === 'ndc' ? ['NDC'] : purposes === 'oimp' ? ['OIMP'] : ['NDC', 'OIMP'];
    const firstTransfer = prng.weighted(FIRST_TRANSFERS);
    // Windowed authorizations never cover units from before 2021 (CDM and independent activities may hold some).
    const window = windowed || prng.chance(0.3);
    const id = authorizationId(activity.id, activity.blocks + 1);
    activity.authorization = { id, purposes: purposeList, firstTransfer: firstTransfer === 'none' ? null : firstTransfer, windowed: window };
    const data: EventPayloads['AuthorizationIssued'] = { authorization: id, party: activity.host, activity: activity.id, purposes: purposeList };
    if (firstTransfer !== 'none') data.firstTransfer = firstTransfer;
    if (window) data.vintages = { from: 2021, to: 2030 };
    if (prng.chance(0.2)) data.acquirers = [prng.pick(this.buyers).party];
    if (prng.chance(0.1)) data.cap = 1_000_000 * prng.int(1, 20);
    queue.push({ type: 'AuthorizationIssued', data });
  }

  private pickActivity(accept: (activity: Activity) => boolean): Activity | null {
    for (let attempt = 0; attempt < 12 && this.activities.length > 0; attempt++) {
      const activity = this.prng.pick(this.activities);
      if (!activity.revoked && accept(activity)) return activity;
    }
    return null;
  }

  private issue(queue: Draft[], today: string): void {
    const { prng } = this;
    const year = Number(today.slice(0, 4));
    const activity = this.pickActivity((candidate) => candidate.kind !== 'CDM' || candidate.transitioned || year <= 2023);
    if (activity === null) return;
    const quantity = this.quantity();
    if (activity.kind === 'CDM' && !activity.transitioned) {
      // CERs of the Kyoto period, vintages from registration (2013 at the latest registered) to 2020.
      const vintage = prng.int(Math.max(activity.registeredYear, 2008), 2020);
      const lot = this.issueBlock(queue, activity, 'CER', vintage, quantity, null);
      this.forward(queue, lot, `CDM:${activity.host}`);
      return;
    }
    const vintage = Math.max(2021, year - prng.int(0, 2));
    const a64 = activity.kind === '6.4' || (activity.kind === 'CDM' && activity.transitioned);
    const lot = this.issueBlock(queue, activity, a64 ? 'A6.4ER' : activity.unitType, vintage, quantity, activity.metric);
    if (a64) {
      // Glasgow's levies at issuance (Decision 3/CMA.3): 5% SOP to the Adaptation Fund, at least 2% OMGE
      // cancelled, both from the low end of the block; the rest waits in the pending account.
      const levied = Math.floor((quantity * 5) / 100) + Math.ceil((quantity * 2) / 100);
      lot.from += levied;
      if (prng.chance(0.9)) this.forward(queue, lot, prng.chance(0.5) ? sharedAccount('A64', activity.host) : nationalAccount(activity.host, 'dev'));
    }
  }

  private issueBlock(queue: Draft[], activity: Activity, unitType: string, vintage: number, quantity: number, metric: string | null): Lot {
    const from = activity.nextSerial;
    const to = from + quantity - 1;
    activity.nextSerial = to + 1;
    activity.blocks++;
    const block = blockId(activity.id, vintage, activity.blocks);
    const data: EventPayloads['UnitsIssued'] = { account: activity.issueTo, activity: activity.id, unitType, block, from, to, vintage };
    if (metric !== null) data.metric = metric;
    const authorized = activity.authorization !== null && unitType !== 'CER';
    queue.push({ type: 'UnitsIssued', data, ...(authorized && this.prng.chance(0.01) ? { decided: { verdict: 'accepted' as const } } : {}) });
    const lot: Lot = { slot: -1, account: activity.issueTo, party: this.partyOf(activity.issueTo), block, from, to, vintage, unitType, activity };
    this.addLot(lot);
    return lot;
  }

  private quantity(): number {
    const { prng } = this;
    // Mostly thousands to tens of thousands, now and then a forest-sized issuance.
    const scale = prng.weighted(QUANTITY_SCALES);
    return scale === 'small' ? prng.int(100, 5_000) : scale === 'medium' ? prng.int(5_000, 120_000) : prng.int(120_000, 2_000_000);
  }

  private forward(queue: Draft[], lot: Lot, to: string): void {
    if (lot.from > lot.to) return;
    queue.push({ type: 'UnitsTransferred', data: { from: lot.account, to, units: [{ block: lot.block, from: lot.from, to: lot.to }] } });
    lot.account = to;
    lot.party = this.partyOf(to);
  }

  private transfer(queue: Draft[]): void {
    const { prng } = this;
    const lot = this.pickLot(() => true);
    if (lot === null) return;
    if (lot.party === null) {
      const host = lot.activity.host;
      this.forward(queue, lot, lot.unitType === 'CER' ? `CDM:${host}` : `A64:${host}`);
      return;
    }
    const international = !lot.activity.unauthorizedItmo && prng.chance(0.6);
    let to: string;
    if (international) {
      const buyer = prng.pick(this.buyers.filter((party) => party.party !== lot.party).concat(this.hosts.filter((party) => party.party !== lot.party).slice(0, 1)));
      to = prng.pick([`${buyer.party}-NR:buyer`, `${buyer.party}-NR:buyer`, `${buyer.party}-NR:gov`, ...(buyer.buyer ? [`UNIR:${buyer.party}`] : [])]);
    } else {
      const party = lot.party;
      const choices = [`${party}-NR:buyer`, `${party}-NR:gov`, `${party}-NR:dev`];
      if (party === this.buyers[0]!.party) choices.push(`${party}-ETS:operators`);
      to = prng.pick(choices.filter((account) => account !== lot.account));
    }
    const moved = this.takeRange(lot);
    queue.push({ type: 'UnitsTransferred', data: { from: moved.account, to, units: [{ block: moved.block, from: moved.from, to: moved.to }] }, ...(prng.chance(0.005) ? { decided: { verdict: 'accepted' as const } } : {}) });
    moved.account = to;
    moved.party = this.partyOf(to);
    this.addLot(moved);
  }

  private use(queue: Draft[], year: number): void {
    const { prng } = this;
    const lot = this.pickLot((candidate) => candidate.party !== null && this.usable(candidate));
    if (lot === null) return;
    const purposes = lot.activity.authorization?.purposes ?? [];
    const acquired = lot.party !== lot.activity.host;
    let purpose: 'NDC' | 'OIMP' | 'voluntary';
    if (lot.unitType === 'CER') purpose = acquired ? 'NDC' : 'voluntary';
    else if (purposes.includes('NDC') && acquired && prng.chance(0.7)) purpose = 'NDC';
    else if (purposes.includes('OIMP') && prng.chance(0.7)) purpose = 'OIMP';
    else purpose = 'voluntary';
    const by = purpose === 'NDC' ? lot.party! : purpose === 'OIMP' ? corsiaUser(prng.pick(AIRLINES)) : prng.pick(COMPANIES);
    const used = this.takeRange(lot);
    const data: EventPayloads['UnitsUsed'] = { account: used.account, units: [{ block: used.block, from: used.from, to: used.to }], purpose, by };
    if (prng.chance(0.2)) data.year = year;
    queue.push({ type: 'UnitsUsed', data });
    this.remember({ account: used.account, block: used.block, from: used.from, to: used.to });
  }

  private usable(lot: Lot): boolean {
    // Glasgow's cer_first_ndc: CERs count only from activities registered since 2013, vintages since 2013.
    if (lot.unitType === 'CER') return lot.activity.registeredYear >= 2013 && lot.vintage >= 2013;
    return true;
  }

  private cancel(queue: Draft[]): void {
    const lot = this.pickLot((candidate) => candidate.party !== null);
    if (lot === null) return;
    const cancelled = this.takeRange(lot);
    const reason = this.prng.chance(0.8) ? 'voluntary' : 'other';
    // A voluntary cancellation is a `use` for first-transfer purposes: CERs must pass the same test.
    if (reason === 'voluntary' && !this.usable(cancelled)) {
      this.addLot(cancelled);
      return;
    }
    queue.push({ type: 'UnitsCancelled', data: { account: cancelled.account, units: [{ block: cancelled.block, from: cancelled.from, to: cancelled.to }], reason } });
    this.remember({ account: cancelled.account, block: cancelled.block, from: cancelled.from, to: cancelled.to });
  }

  private transition(queue: Draft[], today: string, approved: boolean): void {
    const { prng } = this;
    // Requests close 31 Dec 2023, host approvals 30 June 2026 (Decision 3/CMA.3, 7/CMA.4).
    if (today < '2021-02-01' || today > '2026-06-30') return;
    const activity = this.pickActivity((candidate) => candidate.kind === 'CDM' && !candidate.transitioned && candidate.creditingActive2021);
    if (activity === null) return;
    const requestedOn = today <= '2023-12-31' ? today : `2023-${pad(prng.int(1, 12))}-${pad(prng.int(1, 28))}`;
    const data: EventPayloads['ActivityTransitioned'] = { activity: activity.id, to: '6.4', requestedOn };
    if (approved) {
      data.hostApprovedOn = today;
      activity.transitioned = true;
      queue.push({ type: 'ActivityTransitioned', data });
      if (prng.chance(0.7)) this.authorize(queue, activity, true);
    } else {
      queue.push({ type: 'ActivityTransitioned', data, decided: { verdict: 'rejected', code: 'rule.cdm_window', rule: 'cdm_window' } });
    }
  }

  private revoke(queue: Draft[]): void {
    const activity = this.pickActivity((candidate) => candidate.authorization !== null);
    if (activity === null) return;
    activity.revoked = true;
    queue.push({ type: 'AuthorizationRevoked', data: { authorization: activity.authorization!.id, reason: 'authorization withdrawn by the host Party' } });
  }

  private badVintage(queue: Draft[]): void {
    // A pre-2021 vintage first transferred at issuance: rejected by vintage_2021.
    const activity = this.pickActivity(
      (candidate) =>
        candidate.kind === '6.2' &&
        candidate.authorization !== null &&
        !candidate.authorization.windowed &&
        candidate.authorization.purposes.includes('OIMP') &&
        (candidate.authorization.firstTransfer === 'issuance' || candidate.authorization.firstTransfer === 'authorization'),
    );
    if (activity === null) return;
    const from = activity.nextSerial;
    const quantity = this.prng.int(100, 5_000);
    activity.nextSerial += quantity;
    activity.blocks++;
    const vintage = this.prng.int(2018, 2020);
    const block = blockId(activity.id, vintage, activity.blocks);
    queue.push({
      type: 'UnitsIssued',
      data: { account: activity.issueTo, activity: activity.id, unitType: 'ITMO', block, from, to: from + quantity - 1, vintage },
      decided: { verdict: 'rejected', code: 'rule.vintage_2021', rule: 'vintage_2021' },
    });
  }

  private badUnauthorized(queue: Draft[]): void {
    const lot = this.pickLot((candidate) => candidate.activity.unauthorizedItmo && candidate.party !== null);
    if (lot === null) return;
    const buyers = this.buyers.filter((party) => party.party !== lot.party);
    if (buyers.length === 0) return;
    const buyer = this.prng.pick(buyers);
    queue.push({
      type: 'UnitsTransferred',
      data: { from: lot.account, to: `${buyer.party}-NR:buyer`, units: [{ block: lot.block, from: lot.from, to: lot.to }] },
      decided: { verdict: 'rejected', code: 'rule.authorized_first', rule: 'authorized_first' },
    });
  }

  private badDoubleSpend(queue: Draft[]): void {
    if (this.recentUses.length === 0) return;
    const spent = this.prng.pick(this.recentUses);
    queue.push({ type: 'UnitsUsed', data: { account: spent.account, units: [{ block: spent.block, from: spent.from, to: spent.to }], purpose: 'voluntary', by: this.prng.pick(COMPANIES) } });
  }

  private badNotHeld(queue: Draft[]): void {
    const lot = this.pickLot((candidate) => candidate.party !== null && candidate.account.endsWith('-NR:dev'));
    if (lot === null) return;
    // Asked of the wrong account of the same registry: the ITL's "units not held".
    const wrong = lot.account.replace(/:dev$/, ':gov');
    queue.push({
      type: 'UnitsTransferred',
      data: { from: wrong, to: lot.account.replace(/:dev$/, ':buyer'), units: [{ block: lot.block, from: lot.from, to: lot.to }] },
      decided: { verdict: 'rejected', code: 'ledger.units_not_held' },
    });
  }

  private badNotTransitioned(queue: Draft[]): void {
    const activity = this.pickActivity((candidate) => candidate.kind === 'CDM' && !candidate.transitioned);
    if (activity === null) return;
    const from = activity.nextSerial;
    const quantity = this.prng.int(100, 5_000);
    activity.nextSerial += quantity;
    activity.blocks++;
    queue.push({
      type: 'UnitsIssued',
      data: { account: A64_PENDING, activity: activity.id, unitType: 'A6.4ER', block: blockId(activity.id, 2022, activity.blocks), from, to: from + quantity - 1, vintage: 2022 },
      decided: { verdict: 'rejected', code: 'ledger.not_transitioned' },
    });
  }

  private pickLot(accept: (lot: Lot) => boolean): Lot | null {
    for (let attempt = 0; attempt < 12 && this.lots.length > 0; attempt++) {
      const index = this.prng.int(0, this.lots.length - 1);
      const lot = this.lots[index]!;
      // Units of a revoked authorization are left where they are.
      if (lot.activity.revoked || lot.from > lot.to) {
        this.removeLot(lot);
        continue;
      }
      if (accept(lot)) return lot;
    }
    return null;
  }

  /** Splits a random sub-range off `lot` (the whole lot now and then); the rest stays where it is. */
  private takeRange(lot: Lot): Lot {
    const { prng } = this;
    const size = lot.to - lot.from + 1;
    if (size === 1 || prng.chance(0.3)) {
      this.removeLot(lot);
      return lot;
    }
    const length = prng.int(1, size - 1);
    const start = lot.from + prng.int(0, size - length);
    const taken: Lot = { ...lot, slot: -1, from: start, to: start + length - 1 };
    if (start + length <= lot.to) this.addLot({ ...lot, slot: -1, from: start + length });
    lot.to = start - 1;
    if (lot.from > lot.to) this.removeLot(lot);
    return taken;
  }

  private addLot(lot: Lot): void {
    lot.slot = this.lots.length;
    this.lots.push(lot);
    // Beyond the cap a random older lot is forgotten: its units stay held, the generator just never moves them.
    if (this.lots.length > MAX_LOTS) this.removeLot(this.lots[this.prng.int(0, this.lots.length - 2)]!);
  }

  private removeLot(lot: Lot): void {
    const index = lot.slot;
    if (index < 0 || this.lots[index] !== lot) return;
    const last = this.lots.pop()!;
    if (last !== lot) {
      this.lots[index] = last;
      last.slot = index;
    }
    lot.slot = -1;
  }

  private remember(range: UsedRange): void {
    this.recentUses.push(range);
    if (this.recentUses.length > RECENT_USES) this.recentUses.shift();
  }

  private swapRemove<T>(items: T[], index: number): void {
    if (index < 0 || index >= items.length) return;
    items[index] = items[items.length - 1]!;
    items.pop();
  }

  private partyOf(account: string): string | null {
    const [registry, name] = account.split(':') as [string, string];
    if (name === 'pending') return null;
    if (registry.endsWith('-NR') || registry.endsWith('-ETS')) return registry.slice(0, 3);
    return name;
  }
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
