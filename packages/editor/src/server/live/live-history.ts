import type { RulebookWorkspace } from '@a6/ledger/store';
import { ApiError } from '../http/api-error.ts';
import type { Principal } from '../auth/index.ts';
import { eventContent, eventHash, GENESIS_PREV, HistoryChecker, instantOf, parseHistoryLine, ReplayEngine, toHistoryEvent, type EventOf, type HistoryEvent, type StoredEvent, type VerdictEntry } from '@a6/ledger';
import type { EventStore } from '@a6/ledger/store';
import { rebuildAdoptedRulebook, type RulebookInForce } from './adopted-rulebook.ts';
import { eventPermission } from './event-permission.ts';
import { locate, parseRequestedEvents, type RequestedEventIssue } from './requested-events.ts';

export interface VerdictReason {
  readonly rule: string | null;
  readonly code: string;
  readonly message: string;
}

/** What happened to one requested event. */
export interface AppendedEvent {
  readonly id: string;
  readonly type: string;
  readonly seq: number;
  /** `null` for a re-sent event whose recorded verdict was not found near it. */
  readonly verdict: 'accepted' | 'rejected' | null;
  readonly reasons: readonly VerdictReason[];
  /** Failed `expect`s of an accepted event (reported, not recorded in `TransactionDecided`). */
  readonly findings: readonly VerdictReason[];
  /** The recorded `TransactionDecided`. */
  readonly decision: { readonly id: string; readonly seq: number } | null;
  /** True when the event was already stored with the same content (idempotent re-send). */
  readonly duplicate: boolean;
}

export interface AppendOutcome {
  readonly history: string;
  readonly head: { readonly events: number; readonly hash: string };
  readonly results: readonly AppendedEvent[];
}

/** How far to look after a stored event for its `TransactionDecided` when a request is re-sent. */
const DECISION_LOOKAHEAD = 64;

/**
 * The live state of one history (cli.md "Server", the live path): the import's reference checker and
 * a replay engine under the rulebook in force, both seeded once from the store and then advanced one
 * request at a time, so deciding an event never replays the history.
 *
 * The engine has no undo, so a decision is taken on the live state *before* the store accepts the
 * batch; if the append then fails (another process appended first, an id clash) the state is marked
 * stale and rebuilt from the store before the next request. A request refused by the reference
 * checks is undone on the checker (`checkpoint`/`rollback`), so a refusal costs what the request
 * costs and never a re-read of the history (docs/reliability.md "Cheap refusals").
 *
 * Callers serialize access per history (`LiveLedger`); nothing here is safe to interleave.
 */
export class LiveHistory {
  events = 0;
  hash = GENESIS_PREV;
  lastAt: string | null = null;
  inForce: RulebookInForce | null = null;
  /** The engine or the checker saw events that were never stored: rebuild everything. */
  stale = false;

  private checker = new HistoryChecker();
  private engine: ReplayEngine | null = null;
  /** Stored event ids → seq, for idempotent re-sends without reading the store. */
  private readonly ids = new Map<string, number>();

  private constructor(
    readonly id: string,
    private readonly store: EventStore,
    private readonly workspace: RulebookWorkspace,
  ) {}

  /** Rebuilds the live state of a history from the store (its rulebook in force from the workspace). */
  static async load(store: EventStore, workspace: RulebookWorkspace, id: string): Promise<LiveHistory> {
    const live = new LiveHistory(id, store, workspace);
    let adoption: StoredEvent | undefined;
    for await (const event of store.readHistory(id, { types: ['RulebookAdopted'] })) adoption = event;
    if (adoption !== undefined) await live.enforce(toHistoryEvent(adoption) as EventOf<'RulebookAdopted'>, adoption.seq);
    for await (const event of store.readHistory(id)) live.observe(event);
    return live;
  }

  /**
   * Takes in events other processes appended since we last looked (an `a6 import` into the same store,
   * another server). Returns false when the state must be rebuilt instead (a new adoption, a shorter store).
   */
  async catchUp(): Promise<boolean> {
    const head = await this.store.head(this.id);
    if (head.events === this.events) return head.hash === this.hash;
    if (head.events < this.events) return false;
    for await (const event of this.store.readHistory(this.id, { fromSeq: this.events })) {
      if (event.type === 'RulebookAdopted') return false;
      this.observe(event);
    }
    return true;
  }

  /**
   * The Party that issued an authorization, for `party:<CODE>` revocations: read from the engine's
   * state, which holds only *accepted* events — an `AuthorizationIssued` the rulebook rejected (a
   * duplicate id, say) is stored with its verdict but owns nothing (docs/reliability.md).
   */
  authorizationParty = (authorization: string): string | undefined => this.engine?.state.authorizations.get(authorization)?.data.party;

  /**
   * Validates, authorizes, decides and stores one append request (an array of events), atomically with
   * their `TransactionDecided`s, with `expectedHead` = the head the decisions were taken on.
   */
  async append(items: readonly unknown[], principal: Principal, now: Date, maxAheadMs: number): Promise<AppendOutcome> {
    const inForce = this.inForce;
    if (inForce === null) {
      throw new ApiError(409, 'ledger.no_rulebook_in_force', `history ${this.id} has no rulebook in force; an admin adopts one first (POST /api/histories/${this.id}/adopt)`);
    }
    if (inForce.compiled === null || this.engine === null) {
      throw new ApiError(409, 'ledger.rulebook_unavailable', `the rulebook in force for ${this.id} cannot be used: ${inForce.unavailable ?? 'unknown reason'}`);
    }
    const latest = principal.role.kind === 'admin' ? undefined : now.getTime() + maxAheadMs;
    const parsed = parseRequestedEvents(items, this.lastAt, now, latest);
    if (!parsed.ok) throw invalidEvents(parsed.issues);
    const { events, derivedIds, stamped } = parsed;

    const reserved = events.flatMap((event, index) =>
      event.type === 'RulebookAdopted' || event.type === 'TransactionDecided' ? [{ index, type: event.type }] : [],
    );
    if (reserved.length > 0) {
      throw new ApiError(400, 'server.reserved_event', `${reserved[0]!.type} is written by the server (use POST /api/histories/${this.id}/adopt to adopt a rulebook)`, reserved);
    }
    const refused = events.flatMap((event, index) => {
      const permission = eventPermission(principal.role, event, this.authorizationParty);
      return permission.allowed ? [] : [{ index, id: event.id, type: event.type, reason: permission.reason }];
    });
    if (refused.length > 0) throw new ApiError(403, 'auth.forbidden', refused[0]!.reason, refused);

    // Idempotent re-sends: an id already stored with the same content is skipped, with other content refused.
    const results: (AppendedEvent | null)[] = [];
    const conflicts: { index: number; id: string; seq: number }[] = [];
    for (const [index, event] of events.entries()) {
      const seq = this.ids.get(event.id);
      if (seq === undefined) {
        results.push(null);
        continue;
      }
      const stored = await this.storedEvent(seq);
      if (stored === undefined || !sameContent(toHistoryEvent(stored), event, stamped[index]!)) conflicts.push({ index, id: event.id, seq });
      results.push(await this.resent(event, seq));
    }
    if (conflicts.length > 0) {
      throw new ApiError(409, 'store.id_conflict', `event id ${JSON.stringify(conflicts[0]!.id)} is already stored with other content`, conflicts);
    }
    const fresh = events.flatMap((event, index) => (results[index] === null ? [{ event, index }] : []));
    if (fresh.length === 0) return this.outcome(results);

    // References, exactly as an import into this history checks them.
    const point = this.checker.checkpoint();
    for (const { event, index } of fresh) this.checker.check(event, index + 1, derivedIds[index]!);
    if (this.checker.log.total > point.total) {
      const issues = this.checker.log.issues.slice(point.issues);
      this.checker.rollback(point);
      throw invalidEvents(issues.map((issue) => locate(issue, (issue.line ?? 1) - 1)));
    }

    // Decide on the live state; from here until the append succeeds the engine is ahead of the store.
    this.stale = true;
    const engine = this.engine;
    const batch: HistoryEvent[] = [];
    for (const { event, index } of fresh) {
      const seq = this.events + batch.length;
      const before = engine.rejected;
      engine.step(event, seq);
      const verdict = engine.rejected > before ? 'rejected' : 'accepted';
      const reasons = engine.rejections.map(reason);
      const findings = verdict === 'accepted' ? engine.findings.map(reason) : [];
      // The live engine's verdict log is not a report: keep memory bounded by the state.
      engine.rejections.length = 0;
      engine.findings.length = 0;
      const decision = decisionEvent(event, inForce, verdict, reasons);
      // Built by the server through the schema and pointing at the event just checked: only its id is new.
      this.checker.seed(decision);
      engine.step(decision, seq + 1);
      batch.push(event, decision);
      results[index] = { id: event.id, type: event.type, seq, verdict, reasons, findings, decision: { id: decision.id, seq: seq + 1 }, duplicate: false };
    }

    await this.store.append(this.id, batch, { expectedHead: this.events });
    this.checker.commit();
    for (const event of batch) this.remember(event);
    this.stale = false;
    return this.outcome(results);
  }

  /** Stores a `RulebookAdopted` (already built and validated by the caller) on the current head. */
  async appendAdoption(adoption: EventOf<'RulebookAdopted'>): Promise<StoredEvent> {
    const point = this.checker.checkpoint();
    if (!this.checker.check(adoption, 1, true)) {
      const issue = this.checker.log.issues.at(-1);
      this.checker.rollback(point);
      throw new ApiError(400, issue?.code ?? 'history.bad_value', issue?.message ?? 'invalid adoption');
    }
    const seq = this.events;
    const prev = this.hash;
    try {
      await this.store.append(this.id, [adoption], { expectedHead: this.events });
    } catch (error) {
      this.checker.rollback(point);
      throw error;
    }
    this.checker.commit();
    this.remember(adoption);
    // The engine restarts under the new rulebook: the caller rebuilds this history from the store.
    this.stale = true;
    return { ...adoption, seq, prev } as StoredEvent;
  }

  /** `at` for a server-written event now: the clock, but never earlier than the head. */
  stamp(now: Date): string {
    const last = this.lastAt === null ? undefined : instantOf(this.lastAt);
    return last !== undefined && last > now.getTime() ? this.lastAt! : now.toISOString();
  }

  private async enforce(adoption: EventOf<'RulebookAdopted'>, seq: number): Promise<void> {
    this.inForce = await rebuildAdoptedRulebook(this.workspace, adoption, seq);
    this.engine = this.inForce.compiled === null ? null : new ReplayEngine(this.inForce.compiled);
  }

  /** A stored event, in order (load and catch-up). */
  private observe(stored: StoredEvent): void {
    const event = toHistoryEvent(stored);
    this.checker.seed(event);
    if (this.engine !== null) {
      this.engine.step(event, stored.seq);
      this.engine.rejections.length = 0;
      this.engine.findings.length = 0;
    }
    if (event.type === 'RulebookAdopted' && (this.inForce === null || stored.seq > this.inForce.adoptedAt)) this.stale = true;
    this.remember(event);
  }

  /** Bookkeeping of an event that is now stored at the next seq. */
  private remember(event: HistoryEvent): void {
    this.ids.set(event.id, this.events);
    this.hash = eventHash(event, this.hash);
    this.lastAt = event.at;
    this.events += 1;
  }

  private async storedEvent(seq: number): Promise<StoredEvent | undefined> {
    for await (const event of this.store.readHistory(this.id, { fromSeq: seq, batchSize: 1 })) return event;
    return undefined;
  }

  /** The recorded outcome of an event sent again. */
  private async resent(event: HistoryEvent, seq: number): Promise<AppendedEvent> {
    let seen = 0;
    for await (const stored of this.store.readHistory(this.id, { fromSeq: seq + 1, batchSize: DECISION_LOOKAHEAD })) {
      if (stored.type === 'TransactionDecided' && stored.data.event === event.id) {
        return { id: event.id, type: event.type, seq, verdict: stored.data.verdict, reasons: stored.data.reasons, findings: [], decision: { id: stored.id, seq: stored.seq }, duplicate: true };
      }
      if (++seen >= DECISION_LOOKAHEAD) break;
    }
    return { id: event.id, type: event.type, seq, verdict: null, reasons: [], findings: [], decision: null, duplicate: true };
  }

  private outcome(results: readonly (AppendedEvent | null)[]): AppendOutcome {
    return { history: this.id, head: { events: this.events, hash: this.hash }, results: results.filter((result): result is AppendedEvent => result !== null) };
  }
}

/**
 * Whether a re-sent event is the stored one: the same content, where an `at` the server stamped on
 * this send (the client sent none) stands for the one it stamped on the first (docs/api.md, step 3).
 */
function sameContent(stored: HistoryEvent, sent: HistoryEvent, stamped: boolean): boolean {
  const compared = stamped ? ({ ...sent, at: stored.at } as HistoryEvent) : sent;
  return eventContent(stored) === eventContent(compared);
}

function reason(entry: VerdictEntry): VerdictReason {
  return { rule: entry.rule, code: entry.code, message: entry.message };
}

function decisionEvent(event: HistoryEvent, inForce: RulebookInForce, verdict: 'accepted' | 'rejected', reasons: readonly VerdictReason[]): HistoryEvent {
  const parsed = parseHistoryLine(
    JSON.stringify({
      type: 'TransactionDecided',
      at: event.at,
      data: { event: event.id, rulebook: { name: inForce.name, sha256: inForce.sha256 }, verdict, reasons },
    }),
    1,
  );
  if (!parsed.ok) throw new Error(`TransactionDecided failed the event schema: ${parsed.issues[0]?.message}`);
  return parsed.event;
}

/** 400 with every issue; the envelope's code is the first issue's (`history.unknown_reference`, …). */
function invalidEvents(issues: readonly RequestedEventIssue[]): ApiError {
  const first = issues[0]!;
  const where = `events[${first.index}]${first.path === undefined ? '' : `.${first.path}`}`;
  return new ApiError(400, first.code, `${where}: ${first.message}${issues.length > 1 ? ` (and ${issues.length - 1} more issue(s))` : ''}`, issues);
}
