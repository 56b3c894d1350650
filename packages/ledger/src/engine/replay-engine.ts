import { TRIGGERS, type CheckFailure, type CompiledLevy, type CompiledRule, type CompiledRulebook, type JsonValue, type Trigger } from '@a6/dsl';
import { AccountingBook } from '../accounting/accounting-book.ts';
import { accountingElections, type AccountingElections } from '../accounting/accounting-elections.ts';
import { bookUnitFlow, emptyUnitFlow, type UnitFlow } from '../accounting/entry-booking.ts';
import { dayOf } from '../events/timestamp.ts';
import type { EventOf, HistoryEvent, UnitRange } from '../events/types.ts';
import {
  LEVY_REGISTRY,
  coversVintage,
  isLevyAccount,
  registryOf,
  type AccountState,
  type ActivityState,
  type AuthorizationState,
  type BlockState,
  LedgerState,
} from '../state/ledger-state.ts';
import { CANCELLED, USED, type UnitAttributes } from '../state/unit-ranges.ts';
import { EventRecord, UnitRecord } from './context-records.ts';
import { firstTransferMoments, ON_COVERAGE, ON_INTERNATIONAL_TRANSFER, ON_SECOND_INTERNATIONAL_TRANSFER, ON_USE } from './first-transfer-moments.ts';
import type { BookedEntry } from './booked-entry.ts';
import type { UnitMove } from './unit-move.ts';
import type { IntegrityCode } from './integrity-codes.ts';
import { ReplayEvalContext, isA64Unit } from './replay-eval-context.ts';
import type { VerdictEntry } from './verdict-entry.ts';

const TRIGGER_BIT = Object.fromEntries(TRIGGERS.map((trigger, index) => [trigger, 1 << index])) as Record<Trigger, number>;
const FIRST_TRANSFER_BIT = TRIGGER_BIT.first_transfer;

/** A unit trigger's event kind, in the order its triggers fire (transfer before international_transfer). */
type UnitEventKind = UnitFlow['kind'];

interface LevyTake {
  readonly levy: number;
  readonly from: number;
  readonly to: number;
}

/**
 * One fragment of an event (dsl.md, Granularity): a maximal uniform piece of a listed range, with what
 * the event decided for it. Levies take `from..keptFrom-1` (the event's triggers) and then
 * `keptFrom..firstTransferKeptFrom-1` (first_transfer's), always from the low end; the rest moves.
 */
interface Fragment {
  readonly block: BlockState;
  readonly from: number;
  readonly to: number;
  /** The fragment's attributes before the event. */
  readonly before: UnitAttributes;
  /** The authorization the units fall under at this event (`null`: unauthorized). */
  readonly authorization: AuthorizationState | null;
  firstTransfer: boolean;
  keptFrom: number;
  firstTransferKeptFrom: number;
  takes: LevyTake[] | null;
}

/** What the rulebook runs at each trigger, resolved once so the hot path indexes arrays. */
interface RulebookPlan {
  readonly rules: readonly CompiledRule[];
  readonly ruleMasks: readonly number[];
  /** Union of the triggers any rule or levy listens to. */
  readonly listened: number;
  /** Levies per trigger, each with its index in `levies`. */
  readonly leviesAt: ReadonlyMap<Trigger, readonly { readonly levy: CompiledLevy; readonly index: number }[]>;
  readonly levies: readonly CompiledLevy[];
  readonly levyAccounts: readonly string[];
}

function planRulebook(rulebook: CompiledRulebook): RulebookPlan {
  const ruleMasks = rulebook.rules.map((rule) => rule.triggers.reduce((mask, trigger) => mask | TRIGGER_BIT[trigger], 0));
  const leviesAt = new Map<Trigger, { levy: CompiledLevy; index: number }[]>();
  let listened = ruleMasks.reduce((all, mask) => all | mask, 0);
  rulebook.levies.forEach((levy, index) => {
    const list = leviesAt.get(levy.trigger) ?? [];
    list.push({ levy, index });
    leviesAt.set(levy.trigger, list);
    listened |= TRIGGER_BIT[levy.trigger];
  });
  const levyAccounts = rulebook.levies.map((levy) =>
    levy.destination.kind === 'account'
      ? levy.destination.account.startsWith(`${LEVY_REGISTRY}:`)
        ? levy.destination.account
        : `${LEVY_REGISTRY}:${levy.destination.account}`
      : '',
  );
  return { rules: rulebook.rules, ruleMasks, listened, leviesAt, levies: rulebook.levies, levyAccounts };
}

/** Optional powers of an engine; a plain replay uses none of them. */
export interface ReplayEngineOptions {
  /**
   * A probe: this engine decides with its own rulebook on the *other* engine's state and book
   * (`decideOnly`), never stepping. `a6 compare` uses it to tell a direct verdict difference from a
   * cascade (replay.md "Compare").
   */
  readonly probeOf?: ReplayEngine;
  /** Every accounting entry as it is booked, with its event and unit range (`a6 explain`, `a6 compare`). */
  readonly onEntry?: (entry: BookedEntry) => void;
  /** Every fragment an accepted event moves, first transfers, uses or cancels, as decided (the AEF's actions). */
  readonly onMove?: (move: UnitMove) => void;
}

/**
 * Folds history events, one at a time, through one compiled rulebook (replay.md "Per event"):
 * integrity checks, fragments and triggers, levies then rules, and — only when every `require`
 * holds — the state change and its accounting entries. Pure: no clock, no randomness, no I/O.
 */
export class ReplayEngine {
  readonly state = new LedgerState();
  readonly book = new AccountingBook();
  readonly elections: AccountingElections;
  readonly rejections: VerdictEntry[] = [];
  readonly findings: VerdictEntry[] = [];
  readonly levyTotals: number[];
  accepted = 0;
  rejected = 0;
  events = 0;
  /** `at` of the last replayed event (averaging's "no inventory" horizon). */
  lastAt: string | null = null;

  private readonly plan: RulebookPlan;
  private readonly context: ReplayEvalContext;
  private readonly onMove: ((move: UnitMove) => void) | null;
  private readonly flow = emptyUnitFlow();

  // The event being decided (fields reused across events; see `step`).
  private seq = 0;
  private event!: HistoryEvent;
  private eventYear = 0;
  private readonly failures: VerdictEntry[] = [];
  private readonly pendingFindings: VerdictEntry[] = [];
  // What `decide` prepared for `apply` (no closure per event: fields reused).
  private pendingFragments: Fragment[] = [];
  private pendingActivity: ActivityState | null = null;
  private pendingAuthorization: AuthorizationState | null = null;
  private pendingBlock: BlockState | null = null;
  private pendingSource: AccountState | null = null;
  private pendingDestination: AccountState | null = null;
  private pendingInternational = false;

  // The fragment being booked, for `onEntry` (set per fragment; read only when tracing).
  private bookingBlock = '';
  private bookingFrom = 0;
  private bookingTo = 0;

  constructor(
    readonly rulebook: CompiledRulebook,
    options: ReplayEngineOptions = {},
  ) {
    if (options.probeOf !== undefined) {
      this.state = options.probeOf.state;
      this.book = options.probeOf.book;
    }
    const onEntry = options.onEntry;
    if (onEntry !== undefined) {
      this.book.onEntry = (metric, party, year, field, quantity, vintage) =>
        onEntry({
          seq: this.seq,
          event: this.event.id,
          type: this.event.type,
          at: this.event.at,
          unit: `${this.bookingBlock}:${this.bookingFrom}-${this.bookingTo}`,
          metric,
          party: this.state.party(party)?.code ?? String(party),
          year,
          field,
          quantity,
          vintage,
        });
    }
    this.onMove = options.onMove ?? null;
    this.plan = planRulebook(rulebook);
    this.elections = accountingElections(rulebook.options);
    this.context = new ReplayEvalContext(this.state, this.book, this.elections);
    this.levyTotals = rulebook.levies.map(() => 0);
  }

  /** Decides and (when accepted) applies one event at history position `seq`. */
  step(event: HistoryEvent, seq: number): void {
    this.seq = seq;
    this.event = event;
    this.eventYear = eventYear(event);
    this.failures.length = 0;
    this.pendingFindings.length = 0;
    this.events += 1;
    this.lastAt = event.at;

    this.decide(event);
    if (this.failures.length > 0) {
      this.rejected += 1;
      for (const entry of this.failures) this.rejections.push(entry);
      return;
    }
    this.accepted += 1;
    this.apply(event);
    for (const entry of this.pendingFindings) this.findings.push(entry);
  }

  /**
   * Decides one event at history position `seq` without applying it or counting it: the rejections it
   * would get (empty: accepted). The state is left exactly as it was (`decide` never mutates it).
   */
  decideOnly(event: HistoryEvent, seq: number): readonly VerdictEntry[] {
    this.seq = seq;
    this.event = event;
    this.eventYear = eventYear(event);
    this.failures.length = 0;
    this.pendingFindings.length = 0;
    this.decide(event);
    return [...this.failures];
  }

  /**
   * Runs the integrity checks, levies and rules of one event without changing the state; what an
   * acceptance would do is left in the `pending*` fields for `apply`.
   */
  private decide(event: HistoryEvent): null {
    switch (event.type) {
      case 'PartyJoined':
        return this.decidePartyJoined(event);
      case 'NdcCommunicated':
        return this.decideNdc(event);
      case 'RegistryOpened':
        return this.decideRegistry(event);
      case 'AccountOpened':
        return this.decideAccount(event);
      case 'ActivityRegistered':
        return this.decideActivity(event);
      case 'ActivityTransitioned':
        return this.decideTransition(event);
      case 'AuthorizationIssued':
        return this.decideAuthorization(event);
      case 'AuthorizationRevoked':
        return this.decideRevocation(event);
      case 'UnitsIssued':
        return this.decideIssuance(event);
      case 'UnitsTransferred':
        return this.decideMove(event, 'transfer', event.data.from, event.data.units);
      case 'UnitsUsed':
        return this.decideMove(event, 'use', event.data.account, event.data.units);
      case 'UnitsCancelled':
        return this.decideMove(event, 'cancellation', event.data.account, event.data.units);
      case 'InventoryReported':
        return this.decideInventory(event);
      case 'RulebookAdopted':
      case 'TransactionDecided':
        return null;
    }
  }

  /** Applies an accepted event: what `decide` prepared. */
  private apply(event: HistoryEvent): void {
    const state = this.state;
    switch (event.type) {
      case 'PartyJoined':
        state.joinParty(event.data);
        return;
      case 'NdcCommunicated':
        state.parties.get(event.data.party)!.ndc = event.data.ndc;
        return;
      case 'RegistryOpened':
        state.openRegistry(event.data);
        return;
      case 'AccountOpened':
        state.openAccount(event.data);
        return;
      case 'ActivityRegistered':
        state.registerActivity(this.pendingActivity!);
        return;
      case 'ActivityTransitioned': {
        const activity = this.pendingActivity!;
        activity.mechanism = '6.4';
        activity.transitionedOn = dayOf(event.at);
        return;
      }
      case 'AuthorizationIssued':
        state.issueAuthorization(this.pendingAuthorization!);
        this.applyFragments('authorization', this.pendingFragments, null, null, false);
        return;
      case 'AuthorizationRevoked':
        this.revoke(this.pendingAuthorization!);
        return;
      case 'UnitsIssued':
        state.addBlock(this.pendingBlock!, this.pendingSource!.id);
        this.applyFragments('issuance', this.pendingFragments, this.pendingSource, null, false);
        return;
      case 'UnitsTransferred':
        this.applyFragments('transfer', this.pendingFragments, this.pendingSource, this.pendingDestination, this.pendingInternational);
        return;
      case 'UnitsUsed':
        this.applyFragments('use', this.pendingFragments, this.pendingSource, null, false);
        return;
      case 'UnitsCancelled':
        this.applyFragments('cancellation', this.pendingFragments, this.pendingSource, null, false);
        return;
      case 'InventoryReported':
        state.parties.get(event.data.party)!.inventory.set(event.data.year, event.data.emissions);
        return;
      case 'RulebookAdopted':
      case 'TransactionDecided':
        return;
    }
  }

  // ——— Parties, registries, accounts ———

  private decidePartyJoined(event: EventOf<'PartyJoined'>): null {
    const { data } = event;
    if (this.state.parties.id(data.party) >= 0) {
      return this.reject('ledger.duplicate_party', `Party ${data.party} has already joined`, null, { party: data.party });
    }
    return null;
  }

  private decideNdc(event: EventOf<'NdcCommunicated'>): null {
    const party = this.state.parties.get(event.data.party);
    if (party === undefined) return this.unknownParty(event.data.party);
    return null;
  }

  private decideRegistry(event: EventOf<'RegistryOpened'>): null {
    const { data } = event;
    if (data.registry === LEVY_REGISTRY) {
      return this.reject('ledger.reserved_registry', `${LEVY_REGISTRY} is a reserved registry (levy accounts exist implicitly)`, null, { registry: data.registry });
    }
    if (this.state.registries.id(data.registry) >= 0) {
      return this.reject('ledger.duplicate_registry', `registry ${data.registry} is already open`, null, { registry: data.registry });
    }
    if (data.party !== undefined && this.state.parties.id(data.party) < 0) return this.unknownParty(data.party);
    return null;
  }

  private decideAccount(event: EventOf<'AccountOpened'>): null {
    const { data } = event;
    const registry = registryOf(data.account);
    if (registry === LEVY_REGISTRY) {
      return this.reject('ledger.reserved_registry', `${data.account}: accounts of the ${LEVY_REGISTRY} registry exist implicitly and cannot be opened`, null, { account: data.account });
    }
    if (this.state.registries.id(registry) < 0) {
      return this.reject('ledger.unknown_registry', `account ${data.account} is in registry ${registry}, which is not open`, null, { registry });
    }
    if (this.state.accounts.id(data.account) >= 0) {
      return this.reject('ledger.duplicate_account', `account ${data.account} is already open`, null, { account: data.account });
    }
    if (data.party !== undefined && this.state.parties.id(data.party) < 0) return this.unknownParty(data.party);
    return null;
  }

  // ——— Activities and authorizations ———

  private decideActivity(event: EventOf<'ActivityRegistered'>): null {
    const { data } = event;
    if (this.state.activities.id(data.activity) >= 0) {
      return this.reject('ledger.duplicate_activity', `activity ${data.activity} is already registered`, null, { activity: data.activity });
    }
    if (this.state.parties.id(data.host) < 0) return this.unknownParty(data.host);
    const activity = this.state.prepareActivity(data);
    this.runEventRules('registration', activity, null);
    this.pendingActivity = activity;
    return null;
  }

  private decideTransition(event: EventOf<'ActivityTransitioned'>): null {
    const { data } = event;
    const activity = this.state.activities.get(data.activity);
    if (activity === undefined) return this.unknownActivity(data.activity);
    if (activity.mechanism !== 'CDM') {
      return this.reject('ledger.not_cdm', `activity ${data.activity} is a ${activity.mechanism} activity; only CDM activities transition`, null, {
        activity: data.activity,
        'activity.mechanism': activity.mechanism,
      });
    }
    this.runEventRules('transition', activity, null);
    this.pendingActivity = activity;
    return null;
  }

  private decideAuthorization(event: EventOf<'AuthorizationIssued'>): null {
    const { data } = event;
    if (this.state.authorizations.id(data.authorization) >= 0) {
      return this.reject('ledger.duplicate_authorization', `authorization ${data.authorization} is already issued`, null, { authorization: data.authorization });
    }
    if (this.state.parties.id(data.party) < 0) return this.unknownParty(data.party);
    const activity = data.activity === undefined ? null : (this.state.activities.get(data.activity) ?? null);
    if (data.activity !== undefined && activity === null) return this.unknownActivity(data.activity);
    const authorization = this.state.prepareAuthorization(data, dayOf(event.at));
    if (activity !== null) this.findOverlap(authorization, activity);
    this.runEventRules('authorization', activity, authorization);

    // Units already issued that this authorization now covers; some may be first transferred by it
    // ("a unit can be first transferred only once it is both issued and authorized", dsl.md Options).
    const fragments: Fragment[] = [];
    if (activity !== null) {
      for (const blockId of activity.blocks) {
        const block = this.state.blocks.items[blockId]!;
        if (block.namedAuthorization >= 0 || !coversVintage(authorization, block.vintage)) continue;
        const moments = firstTransferMoments(authorization, block, this.elections);
        const units = block.units;
        for (let index = 0; index < units.size; index++) {
          const segment = units.at(index)!;
          if (segment.authorization >= 0 || segment.levied || segment.firstTransferred || segment.holder < 0) continue;
          fragments.push(newFragment(block, segment.from, segment.to, segment, authorization, (moments & ON_COVERAGE) !== 0));
        }
      }
    }
    this.evaluateFragments('authorization', fragments, 0);
    this.pendingAuthorization = authorization;
    this.pendingFragments = fragments;
    return null;
  }

  private findOverlap(authorization: AuthorizationState, activity: ActivityState): void {
    const vintages = authorization.data.vintages;
    for (const id of activity.authorizations) {
      const other = this.state.authorizations.items[id]!;
      if (other.revoked) continue;
      const theirs = other.data.vintages;
      const overlaps = vintages === undefined || theirs === undefined || (vintages.from <= theirs.to && theirs.from <= vintages.to);
      if (!overlaps) continue;
      this.pendingFindings.push(
        this.integrityEntry(
          'ledger.overlapping_authorization',
          `authorization ${authorization.code} overlaps ${other.code} for activity ${activity.code} and the same vintages; units fall under the earlier one`,
          null,
          { authorization: authorization.code, overlaps: other.code, activity: activity.code },
        ),
      );
      return;
    }
  }

  private decideRevocation(event: EventOf<'AuthorizationRevoked'>): null {
    const code = event.data.authorization;
    const authorization = this.state.authorizations.get(code);
    if (authorization === undefined) {
      return this.reject('ledger.unknown_authorization', `authorization ${code} was never issued`, null, { authorization: code });
    }
    if (authorization.revoked) {
      return this.reject('ledger.authorization_revoked', `authorization ${code} is already revoked`, null, { authorization: code });
    }
    const activity = authorization.activity < 0 ? null : this.state.activities.items[authorization.activity]!;
    this.runEventRules('revocation', activity, authorization);
    this.pendingAuthorization = authorization;
    return null;
  }

  private revoke(authorization: AuthorizationState): void {
    const activity = authorization.activity < 0 ? null : this.state.activities.items[authorization.activity]!;
    authorization.revoked = true;
    // "A revocation un-authorizes units not yet first transferred" (dsl.md Options); first-transferred units stay so.
    const blocks = activity === null ? authorization.namedBlocks : [...activity.blocks, ...authorization.namedBlocks];
    for (const blockId of blocks) {
      const units = this.state.blocks.items[blockId]!.units;
      for (let index = 0; index < units.size; index++) {
        const segment = units.at(index)!;
        if (segment.authorization !== authorization.id || segment.firstTransferred) continue;
        units.assign(segment.from, segment.to, { ...segment, authorization: -1 });
        index = units.indexOf(segment.from);
      }
    }
  }

  // ——— Units ———

  private decideIssuance(event: EventOf<'UnitsIssued'>): null {
    const { data } = event;
    const account = this.state.findAccount(data.account);
    if (account === undefined) return this.unknownAccount(data.account);
    const activity = this.state.activities.get(data.activity);
    if (activity === undefined) return this.unknownActivity(data.activity);
    const serial = `${data.block}:${data.from}-${data.to}`;
    if (!Number.isSafeInteger(data.from) || !Number.isSafeInteger(data.to) || data.from < 0 || data.from > data.to) {
      return this.reject('ledger.bad_range', `${serial}: a range runs from a serial to a serial not below it`, serial, { from: data.from, to: data.to });
    }
    if (this.state.blocks.id(data.block) >= 0) {
      return this.reject('ledger.duplicate_block', `block ${data.block} is already issued`, serial, { block: data.block });
    }
    let named = -1;
    if (data.authorization !== undefined) {
      const authorization = this.state.authorizations.get(data.authorization);
      if (authorization === undefined) {
        return this.reject('ledger.unknown_authorization', `authorization ${data.authorization} was never issued`, serial, { authorization: data.authorization });
      }
      if (authorization.revoked) {
        return this.reject('ledger.authorization_revoked', `authorization ${data.authorization} is revoked`, serial, { authorization: data.authorization });
      }
      if (authorization.activity >= 0 && authorization.activity !== activity.id) {
        return this.reject('ledger.authorization_mismatch', `authorization ${data.authorization} covers activity ${authorization.data.activity}, not ${data.activity}`, serial, {
          authorization: data.authorization,
          activity: data.activity,
        });
      }
      named = authorization.id;
    }
    if (data.unitType === 'A6.4ER' && activity.mechanism === 'CDM') {
      return this.reject('ledger.not_transitioned', `A6.4ERs for CDM activity ${data.activity}, which has no accepted transition`, serial, {
        activity: data.activity,
        'activity.mechanism': activity.mechanism,
      });
    }
    const authorizationId = named >= 0 ? named : this.state.coveringAuthorization(activity, data.vintage);
    const authorization = authorizationId < 0 ? null : this.state.authorizations.items[authorizationId]!;
    const attributes: UnitAttributes = {
      holder: account.id,
      authorization: authorizationId,
      firstTransferred: false,
      levied: false,
      internationalTransfers: 0,
      acquirer: -1,
      transferorBooked: false,
    };
    const block = this.state.prepareBlock(data, dayOf(event.at), named, attributes);
    const firstTransfer = authorization !== null && (firstTransferMoments(authorization, block, this.elections) & ON_COVERAGE) !== 0;
    const fragments = [newFragment(block, data.from, data.to, attributes, authorization, firstTransfer)];
    this.evaluateFragments('issuance', fragments, data.to - data.from + 1, account);
    this.pendingBlock = block;
    this.pendingSource = account;
    this.pendingFragments = fragments;
    return null;
  }

  private decideMove(event: HistoryEvent, kind: 'transfer' | 'use' | 'cancellation', source: string, ranges: readonly UnitRange[]): null {
    const account = this.state.findAccount(source);
    if (account === undefined) return this.unknownAccount(source);
    let destination: AccountState | null = null;
    if (event.type === 'UnitsTransferred') {
      destination = this.state.findAccount(event.data.to) ?? null;
      if (destination === null) return this.unknownAccount(event.data.to);
    }
    if (event.type === 'UnitsUsed' && event.data.purpose === 'NDC' && this.state.parties.id(event.data.by) < 0) {
      return this.unknownParty(event.data.by);
    }
    if (!this.checkRanges(ranges, account)) return null;

    const international = destination !== null && account.party >= 0 && destination.party >= 0 && account.party !== destination.party;
    const defining = kind === 'transfer' ? (international ? ON_INTERNATIONAL_TRANSFER : 0) : kind === 'use' || isVoluntaryCancellation(event) ? ON_USE : 0;
    const fragments: Fragment[] = [];
    let total = 0;
    for (const range of ranges) {
      const block = this.state.blocks.get(range.block)!;
      total += range.to - range.from + 1;
      const units = block.units;
      for (let index = units.indexOf(range.from); index < units.size; index++) {
        const segment = units.at(index)!;
        if (segment.from > range.to) break;
        const authorization = segment.authorization < 0 ? null : this.state.authorizations.items[segment.authorization]!;
        let firstTransfer = false;
        if (authorization !== null && defining !== 0 && !segment.firstTransferred && !segment.levied) {
          const moments = firstTransferMoments(authorization, block, this.elections);
          firstTransfer =
            (moments & defining) !== 0 ||
            (international && (moments & ON_SECOND_INTERNATIONAL_TRANSFER) !== 0 && segment.internationalTransfers >= 1);
        }
        fragments.push(newFragment(block, Math.max(range.from, segment.from), Math.min(range.to, segment.to), segment, authorization, firstTransfer));
      }
    }
    this.evaluateFragments(kind, fragments, total, null, international);
    this.pendingFragments = fragments;
    this.pendingSource = account;
    this.pendingDestination = destination;
    this.pendingInternational = international;
    return null;
  }

  /** Integrity of listed ranges: known blocks, sane bounds, no unit listed twice, all held by `account`. */
  private checkRanges(ranges: readonly UnitRange[], account: AccountState): boolean {
    for (let position = 0; position < ranges.length; position++) {
      const range = ranges[position]!;
      const serial = `${range.block}:${range.from}-${range.to}`;
      const block = this.state.blocks.get(range.block);
      if (block === undefined) {
        this.reject('ledger.unknown_block', `block ${range.block} was never issued`, serial, { block: range.block });
        return false;
      }
      if (range.from > range.to || range.from < block.units.from || range.to > block.units.to) {
        this.reject('ledger.bad_range', `${serial} is not a range of block ${block.code} (${block.units.from}-${block.units.to})`, serial, {
          from: range.from,
          to: range.to,
        });
        return false;
      }
      for (let earlier = 0; earlier < position; earlier++) {
        const other = ranges[earlier]!;
        if (other.block === range.block && other.from <= range.to && range.from <= other.to) {
          this.reject('ledger.bad_range', `${serial} overlaps ${other.block}:${other.from}-${other.to} listed before it`, serial, { from: range.from, to: range.to });
          return false;
        }
      }
      const units = block.units;
      for (let index = units.indexOf(range.from); index < units.size; index++) {
        const segment = units.at(index)!;
        if (segment.from > range.to) break;
        if (segment.holder === account.id) continue;
        const piece = `${block.code}:${Math.max(range.from, segment.from)}-${Math.min(range.to, segment.to)}`;
        if (segment.holder === USED) this.reject('ledger.units_used', `${piece} are used and never move again`, piece, { account: account.ref });
        else if (segment.holder === CANCELLED) this.reject('ledger.units_cancelled', `${piece} are cancelled and never move again`, piece, { account: account.ref });
        else {
          const holder = this.state.account(segment.holder)!;
          this.reject('ledger.units_not_held', `${piece} are held by ${holder.ref}, not ${account.ref}`, piece, { account: account.ref, holder: holder.ref });
        }
        return false;
      }
    }
    return true;
  }

  private decideInventory(event: EventOf<'InventoryReported'>): null {
    const party = this.state.parties.get(event.data.party);
    if (party === undefined) return this.unknownParty(event.data.party);
    this.runEventRules('inventory', null, null);
    return null;
  }

  // ——— Rules and levies ———

  /** Rules of a trigger that runs once per event. */
  private runEventRules(trigger: Trigger, activity: ActivityState | null, authorization: AuthorizationState | null): void {
    const bit = TRIGGER_BIT[trigger];
    if ((this.plan.listened & bit) === 0) return;
    const record = new EventRecord(this.context, this.event, this.eventYear, null, null);
    this.context.focus(trigger, record, null, activity, authorization);
    const { rules, ruleMasks } = this.plan;
    for (let index = 0; index < rules.length; index++) {
      if ((ruleMasks[index]! & bit) !== 0) this.record(rules[index]!.evaluate(this.context), null);
    }
  }

  /**
   * Levies then rules for every fragment (replay.md "Per event" step 3), in serial order: the event's
   * own triggers see the whole fragment; `first_transfer` sees what their levies left.
   */
  private evaluateFragments(
    kind: UnitEventKind,
    fragments: Fragment[],
    total: number,
    issuingAccount: AccountState | null = null,
    international = false,
  ): void {
    const triggers = eventTriggers(kind, international);
    let firstTransferTotal = 0;
    if (kind === 'authorization') {
      for (const fragment of fragments) if (fragment.firstTransfer) firstTransferTotal += fragment.to - fragment.from + 1;
    }
    const listensToEvent = (this.plan.listened & triggers) !== 0;
    const listensToFirstTransfer = (this.plan.listened & FIRST_TRANSFER_BIT) !== 0;
    for (const fragment of fragments) {
      const size = fragment.to - fragment.from + 1;
      if (listensToEvent) {
        const event = new EventRecord(this.context, this.event, this.eventYear, size, total);
        const unit = this.unitRecord(fragment, fragment.from, issuingAccount);
        for (const trigger of TRIGGERS) {
          if ((triggers & TRIGGER_BIT[trigger]) !== 0) this.takeLevies(trigger, fragment, event, unit, size, 'event');
        }
        const { rules, ruleMasks } = this.plan;
        for (let index = 0; index < rules.length; index++) {
          const matching = ruleMasks[index]! & triggers;
          if (matching === 0) continue;
          this.focusUnit(firstTrigger(matching), event, unit, fragment);
          this.record(rules[index]!.evaluate(this.context), unit.id);
        }
      }
      if (!fragment.firstTransfer || fragment.keptFrom > fragment.to) {
        fragment.firstTransfer = false;
        fragment.firstTransferKeptFrom = fragment.keptFrom;
        continue;
      }
      fragment.firstTransferKeptFrom = fragment.keptFrom;
      if (!listensToFirstTransfer) continue;
      const left = fragment.to - fragment.keptFrom + 1;
      const event = new EventRecord(this.context, this.event, this.eventYear, left, kind === 'authorization' ? firstTransferTotal : total);
      const unit = this.unitRecord(fragment, fragment.keptFrom, issuingAccount);
      this.takeLevies('first_transfer', fragment, event, unit, left, 'first_transfer');
      const { rules, ruleMasks } = this.plan;
      for (let index = 0; index < rules.length; index++) {
        if ((ruleMasks[index]! & FIRST_TRANSFER_BIT) === 0) continue;
        this.focusUnit('first_transfer', event, unit, fragment);
        this.record(rules[index]!.evaluate(this.context), unit.id);
      }
    }
  }

  private unitRecord(fragment: Fragment, from: number, issuingAccount: AccountState | null): UnitRecord {
    const holder = fragment.before.holder >= 0 ? this.state.account(fragment.before.holder)! : issuingAccount;
    return new UnitRecord(this.context, fragment.block, from, fragment.to, fragment.before, fragment.authorization, holder);
  }

  private focusUnit(trigger: Trigger, event: EventRecord, unit: UnitRecord, fragment: Fragment): void {
    const activity = this.state.activities.items[fragment.block.activity] ?? null;
    this.context.focus(trigger, event, unit, activity, fragment.authorization);
  }

  /**
   * dsl.md, Levies: `round(rate × quantity)` of the fragment, each on the original quantity, in
   * declaration order, from the low end, never more than is left.
   */
  private takeLevies(trigger: Trigger, fragment: Fragment, event: EventRecord, unit: UnitRecord, quantity: number, stage: 'event' | 'first_transfer'): void {
    const levies = this.plan.leviesAt.get(trigger);
    if (levies === undefined) return;
    let next = stage === 'event' ? fragment.keptFrom : fragment.firstTransferKeptFrom;
    for (const { levy, index } of levies) {
      this.focusUnit(trigger, event, unit, fragment);
      if (!levy.applies(this.context)) continue;
      const amount = Math.min(levy.amount(quantity), fragment.to - next + 1);
      if (amount <= 0) continue;
      (fragment.takes ??= []).push({ levy: index, from: next, to: next + amount - 1 });
      next += amount;
    }
    if (stage === 'event') fragment.keptFrom = next;
    else fragment.firstTransferKeptFrom = next;
  }

  private record(failures: readonly CheckFailure[], unit: string | null): void {
    for (const failure of failures) {
      const entry: VerdictEntry = {
        seq: this.seq,
        event: this.event.id,
        type: this.event.type,
        code: failure.code,
        rule: failure.rule,
        message: failure.message,
        source: failure.source,
        unit,
        values: failure.values,
      };
      if (failure.mode === 'require') this.failures.push(entry);
      else this.pendingFindings.push(entry);
    }
  }

  // ——— Applying an accepted event ———

  private applyFragments(
    kind: UnitEventKind,
    fragments: readonly Fragment[],
    source: AccountState | null,
    destination: AccountState | null,
    international: boolean,
  ): void {
    const flow = this.flow;
    for (const fragment of fragments) {
      const { block, before } = fragment;
      if (fragment.takes !== null) {
        for (const take of fragment.takes) {
          const levyAccount = this.plan.levyAccounts[take.levy]!;
          const holder = levyAccount === '' ? CANCELLED : this.state.findAccount(levyAccount)!.id;
          block.units.assign(take.from, take.to, { ...before, holder, levied: true });
          this.state.moveHeld(before.holder, holder, take.to - take.from + 1);
          this.levyTotals[take.levy]! += take.to - take.from + 1;
        }
      }
      const from = fragment.firstTransferKeptFrom;
      if (from > fragment.to) continue;
      const quantity = fragment.to - from + 1;
      const activity = this.state.activities.items[block.activity]!;
      const authorization = fragment.authorization;
      const a64Separate = this.elections.a64Itmo === 'separate' && isA64Unit(block);
      const firstTransferred = before.firstTransferred || fragment.firstTransfer;

      flow.kind = kind;
      flow.metric = block.metric;
      flow.vintage = block.vintage;
      flow.host = activity.host;
      flow.inNdc = activity.data.inNdc ?? null;
      flow.quantity = quantity;
      flow.year = this.eventYear;
      flow.ndcPurpose = authorization !== null && authorization.data.purposes.includes('NDC');
      flow.a64Separate = a64Separate;
      flow.firstTransferredNow = fragment.firstTransfer;
      flow.firstTransferred = firstTransferred;
      flow.itmo = firstTransferred && !before.levied && !a64Separate;
      flow.international = international;
      flow.sourceParty = source?.party ?? -1;
      flow.destinationParty = destination?.party ?? -1;
      flow.usedBy = this.usedBy();
      flow.acquirer = before.acquirer;
      flow.transferorBooked = before.transferorBooked;
      this.bookingBlock = block.code;
      this.bookingFrom = from;
      this.bookingTo = fragment.to;
      bookUnitFlow(this.book, this.elections, flow);
      if (fragment.firstTransfer && authorization !== null) authorization.firstTransferred += quantity;

      const holder = kind === 'transfer' ? destination!.id : kind === 'use' ? USED : kind === 'cancellation' ? CANCELLED : before.holder;
      if (this.onMove !== null) {
        this.onMove({
          seq: this.seq,
          event: this.event,
          kind,
          block,
          from,
          to: fragment.to,
          authorization,
          holder: this.state.account(before.holder)!,
          holderAfter: holder < 0 ? null : this.state.account(holder)!,
          firstTransferred: fragment.firstTransfer,
          itmoBefore: before.firstTransferred && !before.levied && !a64Separate,
          itmo: flow.itmo,
          international,
          year: this.eventYear,
        });
      }
      block.units.assign(from, fragment.to, {
        holder,
        authorization: authorization === null ? -1 : authorization.id,
        firstTransferred,
        levied: before.levied,
        internationalTransfers: international ? Math.min(before.internationalTransfers + 1, 2) : before.internationalTransfers,
        acquirer: flow.acquirer,
        transferorBooked: flow.transferorBooked,
      });
      this.state.moveHeld(before.holder, holder, quantity);
    }
  }

  private usedBy(): number {
    const event = this.event;
    if (event.type !== 'UnitsUsed' || event.data.purpose !== 'NDC') return -1;
    return this.state.parties.id(event.data.by);
  }

  // ——— Integrity failures ———

  private reject(code: IntegrityCode, message: string, unit: string | null, values: Record<string, JsonValue>): null {
    this.failures.push(this.integrityEntry(code, message, unit, values));
    return null;
  }

  private integrityEntry(code: string, message: string, unit: string | null, values: Record<string, JsonValue>): VerdictEntry {
    return { seq: this.seq, event: this.event.id, type: this.event.type, code, rule: null, message, source: null, unit, values };
  }

  private unknownParty(party: string): null {
    return this.reject('ledger.unknown_party', `Party ${party} has not joined`, null, { party });
  }

  private unknownActivity(activity: string): null {
    return this.reject('ledger.unknown_activity', `activity ${activity} is not registered`, null, { activity });
  }

  private unknownAccount(account: string): null {
    const registry = registryOf(account);
    if (!isLevyAccount(account) && this.state.registries.id(registry) < 0) {
      return this.reject('ledger.unknown_account', `account ${account} is not open (registry ${registry} is not open either)`, null, { account });
    }
    return this.reject('ledger.unknown_account', `account ${account} is not open`, null, { account });
  }
}

function newFragment(
  block: BlockState,
  from: number,
  to: number,
  before: UnitAttributes,
  authorization: AuthorizationState | null,
  firstTransfer: boolean,
): Fragment {
  return { block, from, to, before, authorization, firstTransfer, keptFrom: from, firstTransferKeptFrom: from, takes: null };
}

/** The triggers an event of this kind fires for every fragment (first_transfer is decided per fragment). */
function eventTriggers(kind: UnitEventKind, international: boolean): number {
  switch (kind) {
    case 'issuance':
      return TRIGGER_BIT.issuance;
    case 'transfer':
      return TRIGGER_BIT.transfer | (international ? TRIGGER_BIT.international_transfer : 0);
    case 'use':
      return TRIGGER_BIT.use;
    case 'cancellation':
      return TRIGGER_BIT.cancellation;
    case 'authorization':
      return 0;
  }
}

function firstTrigger(mask: number): Trigger {
  for (const trigger of TRIGGERS) if ((mask & TRIGGER_BIT[trigger]) !== 0) return trigger;
  return TRIGGERS[0];
}

function isVoluntaryCancellation(event: HistoryEvent): boolean {
  return event.type === 'UnitsCancelled' && event.data.reason === 'voluntary';
}

/** `event.year` (dsl.md context table): the data's `year` for a use or an inventory, else the year of `at`. */
function eventYear(event: HistoryEvent): number {
  if (event.type === 'UnitsUsed' && event.data.year !== undefined) return event.data.year;
  if (event.type === 'InventoryReported') return event.data.year;
  return Number(event.at.slice(0, 4));
}
