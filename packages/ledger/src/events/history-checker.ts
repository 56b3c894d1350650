import { HistoryIssueLog, type HistoryIssue } from './history-issue.ts';
import { instantOf } from './timestamp.ts';
import type { HistoryEvent } from './types.ts';

/**
 * The checks of a history that look across lines, in history order: `at` never decreases, ids are
 * unique, and every reference names something an earlier event joins, opens, registers or issues —
 * only what is knowable without a rulebook (events.md "Bad input"); whether a rulebook accepted the
 * earlier event is a replay verdict, not an import error. Per-line shape is `parseHistoryLine`'s job.
 *
 * Memory: one entry per id, Party, registry, account, activity, block and authorization — bounded by
 * the history's facts, never by its payloads.
 */
/** What `HistoryChecker.rollback` restores: the scalar state and the log's length at `checkpoint`. */
export interface CheckerCheckpoint {
  readonly lastInstant: number;
  readonly lastAt: string | undefined;
  readonly lastLine: number | undefined;
  readonly storedInstant: number;
  readonly storedAt: string | undefined;
  readonly issues: number;
  readonly total: number;
}

export class HistoryChecker {
  private readonly idLines = new Map<string, number>();
  private readonly storedIds = new Set<string>();
  private readonly parties = new Set<string>();
  private readonly registries = new Set<string>();
  private readonly accounts = new Set<string>();
  private readonly activities = new Set<string>();
  private readonly blocks = new Set<string>();
  private readonly authorizations = new Set<string>();
  private lastInstant = Number.NEGATIVE_INFINITY;
  private lastAt: string | undefined;
  private lastLine: number | undefined;
  private storedInstant = Number.NEGATIVE_INFINITY;
  private storedAt: string | undefined;

  /** Undo steps of what changed since `checkpoint` (null: not recording). */
  private journal: (() => void)[] | null = null;

  constructor(readonly log: HistoryIssueLog = new HistoryIssueLog()) {}

  /**
   * Starts recording what `check` and `seed` change, so that `rollback` puts the checker back exactly
   * as it was: the live path checks a request on the seeded checker and, when the request is refused,
   * undoes it in time proportional to the request rather than re-reading the history
   * (docs/reliability.md "Cheap refusals"). `commit` keeps the changes.
   */
  checkpoint(): CheckerCheckpoint {
    this.journal = [];
    const { lastInstant, lastAt, lastLine, storedInstant, storedAt } = this;
    return { lastInstant, lastAt, lastLine, storedInstant, storedAt, issues: this.log.issues.length, total: this.log.total };
  }

  commit(): void {
    this.journal = null;
  }

  rollback(point: CheckerCheckpoint): void {
    const journal = this.journal ?? [];
    for (let i = journal.length - 1; i >= 0; i--) journal[i]!();
    this.journal = null;
    ({ lastInstant: this.lastInstant, lastAt: this.lastAt, lastLine: this.lastLine, storedInstant: this.storedInstant, storedAt: this.storedAt } = point);
    this.log.issues.length = point.issues;
    this.log.total = point.total;
  }

  private addTo(set: Set<string>, key: string): void {
    if (set.has(key)) return;
    set.add(key);
    this.journal?.push(() => set.delete(key));
  }

  /**
   * Registers an event already stored in the target history (imports into a non-empty history): its
   * facts satisfy later references, and new events may not be earlier than the last stored one.
   * Re-imported copies of stored events are left to the store's idempotency.
   */
  seed(event: HistoryEvent): void {
    this.addTo(this.storedIds, event.id);
    this.learn(event);
    const instant = instantOf(event.at);
    if (instant !== undefined && instant >= this.storedInstant) {
      this.storedInstant = instant;
      this.storedAt = event.at;
    }
  }

  /** Checks one event (already shape-valid) at `line`; returns whether it raised no issue. */
  check(event: HistoryEvent, line: number, derivedId: boolean): boolean {
    const before = this.log.total;
    this.checkOrder(event, line);
    this.checkId(event, line, derivedId);
    this.checkReferences(event, line);
    this.learn(event);
    return this.log.total === before;
  }

  private report(issue: HistoryIssue): void {
    this.log.add(issue);
  }

  private checkOrder(event: HistoryEvent, line: number): void {
    const instant = instantOf(event.at) ?? Number.NEGATIVE_INFINITY;
    if (instant < this.lastInstant) {
      this.report({
        code: 'history.at_decreasing',
        line,
        path: 'at',
        message: `${event.at} is earlier than ${this.lastAt} on line ${this.lastLine} (use --sort to sort the file by at)`,
      });
    } else {
      this.lastInstant = instant;
      this.lastAt = event.at;
      this.lastLine = line;
    }
    if (instant < this.storedInstant && !this.storedIds.has(event.id)) {
      this.report({
        code: 'history.at_decreasing',
        line,
        path: 'at',
        message: `${event.at} is earlier than the last stored event of the history (${this.storedAt})`,
      });
    }
  }

  private checkId(event: HistoryEvent, line: number, derivedId: boolean): void {
    const firstLine = this.idLines.get(event.id);
    if (firstLine === undefined) {
      this.idLines.set(event.id, line);
      this.journal?.push(() => this.idLines.delete(event.id));
      return;
    }
    if (derivedId) {
      this.report({
        code: 'history.duplicate_event',
        line,
        message: `identical to line ${firstLine}; events without an id must differ (give them ids if both are meant)`,
      });
    } else {
      this.report({ code: 'history.duplicate_id', line, path: 'id', message: `id ${JSON.stringify(event.id)} is already used on line ${firstLine}` });
    }
  }

  private checkReferences(event: HistoryEvent, line: number): void {
    const party = (path: string, code: string | undefined) => {
      if (code !== undefined && !this.parties.has(code)) this.unknown(line, path, `Party ${code} has not joined (no earlier PartyJoined)`);
    };
    const account = (path: string, ref: string) => {
      if (!ref.startsWith('LEVY:') && !this.accounts.has(ref)) this.unknown(line, path, `account ${ref} is not opened (no earlier AccountOpened)`);
    };
    const activity = (path: string, id: string | undefined) => {
      if (id !== undefined && !this.activities.has(id)) this.unknown(line, path, `activity ${id} is not registered (no earlier ActivityRegistered)`);
    };
    const authorization = (path: string, id: string | undefined) => {
      if (id !== undefined && !this.authorizations.has(id)) this.unknown(line, path, `authorization ${id} is not issued (no earlier AuthorizationIssued)`);
    };
    const units = (ranges: readonly { block: string }[]) => {
      ranges.forEach((range, index) => {
        if (!this.blocks.has(range.block)) this.unknown(line, `data.units[${index}].block`, `block ${range.block} is not issued (no earlier UnitsIssued)`);
      });
    };
    switch (event.type) {
      case 'PartyJoined':
        return;
      case 'NdcCommunicated':
      case 'InventoryReported':
        return party('data.party', event.data.party);
      case 'RegistryOpened':
        return party('data.party', event.data.party);
      case 'AccountOpened': {
        const registry = event.data.account.slice(0, event.data.account.indexOf(':'));
        if (!this.registries.has(registry)) this.unknown(line, 'data.account', `registry ${registry} is not opened (no earlier RegistryOpened)`);
        return party('data.party', event.data.party);
      }
      case 'ActivityRegistered':
        return party('data.host', event.data.host);
      case 'ActivityTransitioned':
        return activity('data.activity', event.data.activity);
      case 'AuthorizationIssued':
        party('data.party', event.data.party);
        activity('data.activity', event.data.activity);
        event.data.acquirers?.forEach((code, index) => party(`data.acquirers[${index}]`, code));
        return;
      case 'AuthorizationRevoked':
        return authorization('data.authorization', event.data.authorization);
      case 'UnitsIssued':
        account('data.account', event.data.account);
        activity('data.activity', event.data.activity);
        return authorization('data.authorization', event.data.authorization);
      case 'UnitsTransferred':
        account('data.from', event.data.from);
        account('data.to', event.data.to);
        return units(event.data.units);
      case 'UnitsUsed':
        account('data.account', event.data.account);
        units(event.data.units);
        if (event.data.purpose === 'NDC') party('data.by', event.data.by);
        return;
      case 'UnitsCancelled':
        account('data.account', event.data.account);
        return units(event.data.units);
      case 'RulebookAdopted':
        return;
      case 'TransactionDecided':
        if (!this.idLines.has(event.data.event) && !this.storedIds.has(event.data.event)) {
          this.unknown(line, 'data.event', `event ${event.data.event} is not an earlier event of the history`);
        }
        return;
    }
  }

  private unknown(line: number, path: string, message: string): void {
    this.report({ code: 'history.unknown_reference', line, path, message });
  }

  /** Facts an event brings, registered even when the event had issues (so one mistake reports once). */
  private learn(event: HistoryEvent): void {
    switch (event.type) {
      case 'PartyJoined':
        this.addTo(this.parties, event.data.party);
        return;
      case 'RegistryOpened':
        this.addTo(this.registries, event.data.registry);
        return;
      case 'AccountOpened':
        this.addTo(this.accounts, event.data.account);
        return;
      case 'ActivityRegistered':
        this.addTo(this.activities, event.data.activity);
        return;
      case 'AuthorizationIssued':
        this.addTo(this.authorizations, event.data.authorization);
        return;
      case 'UnitsIssued':
        this.addTo(this.blocks, event.data.block);
        return;
      default:
        return;
    }
  }
}
