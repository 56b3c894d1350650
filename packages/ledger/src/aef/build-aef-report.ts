import type { CompiledRulebook } from '@a6/dsl';
import { DEFAULT_METRIC } from '../accounting/accounting-book.ts';
import { structuredSummary } from '../accounting/structured-summary.ts';
import type { ReplayOptions } from '../engine/replay.ts';
import { ReplayEngine } from '../engine/replay-engine.ts';
import type { UnitMove } from '../engine/unit-move.ts';
import { canonicalJson, sha256Hex } from '../events/canonical-json.ts';
import { ChainHead } from '../events/chain-head.ts';
import { dayOf } from '../events/timestamp.ts';
import { foldHistory, type HistorySource } from '../events/history-source.ts';
import type { HistoryEvent } from '../events/types.ts';
import type { AuthorizationState } from '../state/ledger-state.ts';
import { aefActions, custodianOf, hostOf, type AefAction } from './aef-actions.ts';
import { aefHoldings, compareText } from './aef-holdings.ts';
import {
  AEF_REPORT_FORMAT,
  type AefActionRow,
  type AefAuthorizationRow,
  type AefEntityRow,
  type AefFirstTransferredRange,
  type AefHoldingRow,
  type AefReport,
  type AefSummaryFigures,
  type AefTables,
} from './aef-report.ts';
import { aefWarnings } from './aef-warnings.ts';

export interface AefQuery extends Pick<ReplayOptions, 'onProgress' | 'progressEvery'> {
  /** The reporting Party. */
  readonly party: string;
  /** The reported year: actions dated in it, holdings at its end (filed by 15 April of the next). */
  readonly year: number;
  /** The submission's version (T1): 1 for the year's first submission, higher for a resubmission. */
  readonly version?: number;
}

export type AefErrorCode = 'aef.unknown_party' | 'aef.bad_year' | 'aef.bad_version';

export interface AefError {
  readonly code: AefErrorCode;
  readonly message: string;
}

export type AefResult = { readonly ok: true; readonly report: AefReport } | { readonly ok: false; readonly error: AefError };

/** A T3 row while it is built: its serial range still open to merging with the next fragment. */
type DraftAction = Omit<AefActionRow, 'first_serial' | 'last_serial' | 'underlying_ids' | 'quantity_tco2e' | 'quantity_metric'> & {
  block: string;
  from: number;
  to: number;
  holding_change: number;
};

/** What T2, T4 and T5 see: the state at the end of a day, taken before the first later event is replayed. */
interface YearEnd {
  readonly holdings: AefHoldingRow[];
  readonly authorizations: number;
}

/** Folds the history through one rulebook, keeping the reporting Party's actions and two year-end snapshots. */
class AefRun {
  readonly engine: ReplayEngine;
  private readonly chain = new ChainHead();
  private readonly every: number;
  private readonly openingDay: string;
  private readonly closingDay: string;
  private findings = 0;
  private opening: YearEnd | null = null;
  private closing: YearEnd | null = null;
  private readonly actions: DraftAction[] = [];
  private readonly otherYears: DraftAction[] = [];
  private readonly before = new Map<string, AefFirstTransferredRange[]>();
  /** Block → the registry it was issued in (the underlying units' registry). */
  private readonly issuedIn = new Map<string, string>();
  /** Entity → accounts opened for it by the year end, in opening order. */
  private readonly entityAccounts = new Map<string, string[]>();
  /** Authorization → metrics of the units the replay put under it by the year end. */
  private readonly authorizedMetrics = new Map<number, Set<string>>();

  constructor(
    rulebook: CompiledRulebook,
    readonly query: AefQuery,
  ) {
    this.engine = new ReplayEngine(rulebook, { onMove: (move) => this.record(move) });
    this.every = Math.max(1, query.progressEvery ?? 10_000);
    this.openingDay = `${query.year - 1}-12-31`;
    this.closingDay = `${query.year}-12-31`;
  }

  fold(event: HistoryEvent): void {
    const engine = this.engine;
    const day = dayOf(event.at);
    if (this.opening === null && day > this.openingDay) this.opening = this.yearEnd();
    if (this.closing === null && day > this.closingDay) this.closing = this.yearEnd();
    this.chain.follow(event);
    const rejected = engine.rejected;
    engine.step(event, engine.events);
    // The AEF reports accepted facts only; the verdict log is not kept (memory stays bounded by the state).
    this.findings += engine.findings.length;
    engine.rejections.length = 0;
    engine.findings.length = 0;
    if (engine.rejected === rejected) this.note(event, day);
    if (this.query.onProgress !== undefined && engine.events % this.every === 0) this.query.onProgress({ events: engine.events, at: engine.lastAt });
  }

  private note(event: HistoryEvent, day: string): void {
    if (event.type === 'AccountOpened' && event.data.entity !== undefined && day <= this.closingDay) {
      const accounts = this.entityAccounts.get(event.data.entity) ?? [];
      accounts.push(event.data.account);
      this.entityAccounts.set(event.data.entity, accounts);
    }
  }

  private yearEnd(): YearEnd {
    const { state, elections } = this.engine;
    return { holdings: aefHoldings(state, elections, this.query.party), authorizations: state.authorizations.items.length };
  }

  private record(move: UnitMove): void {
    const { state } = this.engine;
    const { block, event, authorization } = move;
    const dated = dayOf(event.at);
    if (move.kind === 'issuance') this.issuedIn.set(block.code, move.holder.registry);
    if (authorization !== null && dated <= this.closingDay) {
      const metrics = this.authorizedMetrics.get(authorization.id) ?? new Set();
      metrics.add(block.metric);
      this.authorizedMetrics.set(authorization.id, metrics);
    }
    const party = this.query.party;
    const mine = aefActions(move, state).filter((action) => action.reporters.includes(party));
    if (mine.length === 0) return;
    const held = (account: typeof move.holder | null, itmo: boolean) => (itmo && account !== null && custodianOf(state, account, block) === party ? 1 : 0);
    const units = move.to - move.from + 1;
    // The change to the Party's ITMO holdings, carried by its last action on these units (docs/aef.md, T3 trace columns).
    const change = units * (held(move.holderAfter, move.itmo) - held(move.holder, move.itmoBefore));
    const year = Number(dated.slice(0, 4));
    const host = hostOf(state, block);
    mine.forEach((action, index) => {
      const draft = this.draft(move, action, authorization!, host, index === mine.length - 1 ? change : 0);
      if (year === this.query.year) append(this.actions, draft);
      else if (move.year === this.query.year && bookedToSummary(draft, party)) append(this.otherYears, draft);
      if (year < this.query.year && action.action === 'first_transfer' && host === party) this.firstTransferredBefore(draft);
    });
  }

  private draft(move: UnitMove, action: AefAction, authorization: AuthorizationState, host: string, change: number): DraftAction {
    const activity = this.engine.state.activities.items[move.block.activity]!.data;
    return {
      action: action.action,
      date: isoDateTime(move.event.at),
      authorization: authorization.code,
      first_transferring_party: host,
      registry: action.account.registry,
      account: action.account.ref,
      underlying_registry: this.issuedIn.get(move.block.code) ?? null,
      metric: move.block.metric,
      vintage: move.block.vintage,
      transferring_party: action.transferringParty,
      acquiring_party: action.acquiringParty,
      purpose_of_use: action.purposeOfUse,
      using_party_or_entity: action.usingPartyOrEntity,
      year_of_use: action.yearOfUse,
      mitigation_type: activity.mitigationType ?? null,
      gwp: move.block.metric === DEFAULT_METRIC ? (activity.gwp ?? null) : null,
      summary_year: move.year,
      holding_change: change,
      seq: move.seq,
      event: move.event.id,
      block: move.block.code,
      from: move.from,
      to: move.to,
    };
  }

  private firstTransferredBefore(draft: DraftAction): void {
    const key = `${draft.authorization}|${draft.block}`;
    const ranges = this.before.get(key) ?? [];
    const last = ranges.at(-1);
    if (last !== undefined && last.to + 1 === draft.from) ranges[ranges.length - 1] = { ...last, to: draft.to };
    else ranges.push({ authorization: draft.authorization, block: draft.block, from: draft.from, to: draft.to, metric: draft.metric });
    this.before.set(key, ranges);
  }

  result(): AefResult {
    const engine = this.engine;
    const { state, elections, rulebook } = engine;
    const { party, year } = this.query;
    this.query.onProgress?.({ events: engine.events, at: engine.lastAt });
    const reporting = state.parties.get(party);
    if (reporting === undefined) return { ok: false, error: { code: 'aef.unknown_party', message: `Party ${party} has not joined this history (no accepted PartyJoined)` } };
    this.opening ??= this.yearEnd();
    this.closing ??= this.yearEnd();

    const t2 = this.authorizationRows();
    const tables: AefTables = {
      T1: [{ reporting_party: party, reported_year: year, version: this.query.version ?? 1 }],
      T2: t2.map(({ row }) => row),
      T3: this.actions.map(finishAction),
      T4: this.closing.holdings,
      T5: this.entityRows(t2),
    };
    const summaries = structuredSummary({ state, book: engine.book, elections, lastAt: engine.lastAt });
    const summary: Record<string, AefSummaryFigures> = {};
    const partySummary = summaries[party];
    const figures = (row: { first_transferred: number; oimp_first_transferred: number; used: number } | undefined): AefSummaryFigures => ({
      first_transferred: row?.first_transferred ?? 0,
      oimp_first_transferred: row?.oimp_first_transferred ?? 0,
      used: row?.used ?? 0,
    });
    summary[DEFAULT_METRIC] = figures(partySummary?.years[String(year)]);
    for (const [metric, table] of Object.entries(partySummary?.metrics ?? {})) {
      const row = table.years[String(year)];
      if (row !== undefined) summary[metric] = figures(row);
    }
    const body: Omit<AefReport, 'digest'> = {
      format: AEF_REPORT_FORMAT,
      rulebook: { name: rulebook.name, file: rulebook.file, sha256: rulebook.sha256 },
      history: { events: engine.events, head: this.chain.head() },
      verdicts: { accepted: engine.accepted, rejected: engine.rejected, findings: this.findings },
      party,
      year,
      tables,
      reconciliation: {
        opening_holdings: this.opening.holdings,
        first_transferred_before: [...this.before.values()]
          .flat()
          .sort((a, b) => compareText(a.authorization, b.authorization) || compareText(a.block, b.block) || a.from - b.from),
        summary,
        other_years: this.otherYears.map(finishAction),
      },
      warnings: aefWarnings(tables),
    };
    return { ok: true, report: { ...body, digest: sha256Hex(canonicalJson(body)) } };
  }

  private authorizationRows(): { row: AefAuthorizationRow; authorization: AuthorizationState }[] {
    const { state, elections } = this.engine;
    const rows: { row: AefAuthorizationRow; authorization: AuthorizationState }[] = [];
    for (const authorization of state.authorizations.items.slice(0, this.closing!.authorizations)) {
      if (state.party(authorization.party)?.code !== this.query.party) continue;
      const data = authorization.data;
      const activity = authorization.activity < 0 ? null : state.activities.items[authorization.activity]!.data;
      const oimp = data.purposes.includes('OIMP');
      const metrics = this.authorizedMetrics.get(authorization.id);
      const firstTransferOimp = elections.firstTransferOimp === 'per_authorization' ? (data.firstTransfer ?? 'international_transfer') : elections.firstTransferOimp;
      rows.push({
        authorization,
        row: {
          authorization: authorization.code,
          date: authorization.date,
          cooperative_approach: data.cooperativeApproach ?? activity?.cooperativeApproach ?? null,
          version: data.version ?? null,
          quantity: data.cap ?? null,
          metric: data.metric ?? (metrics?.size === 1 ? [...metrics][0]! : null),
          sector: data.sector ?? activity?.sector ?? null,
          activity_type: data.activityType ?? activity?.type ?? null,
          purposes: (['NDC', 'OIMP'] as const).filter((purpose) => data.purposes.includes(purpose)).join(';'),
          authorized_parties: data.acquirers === undefined ? null : data.acquirers.join(';'),
          oimp: oimp ? (data.oimp ?? null) : null,
          timeframe: data.vintages === undefined ? null : `${data.vintages.from}-${data.vintages.to}`,
          terms: data.terms ?? null,
          first_transfer_oimp: oimp ? firstTransferOimp : null,
        },
      });
    }
    return rows;
  }

  private entityRows(authorizations: readonly { row: AefAuthorizationRow; authorization: AuthorizationState }[]): AefEntityRow[] {
    const rows: AefEntityRow[] = [];
    for (const { authorization } of authorizations) {
      for (const entity of authorization.data.entities ?? []) {
        const accounts = this.entityAccounts.get(entity);
        rows.push({ entity, authorization: authorization.code, accounts: accounts === undefined ? null : accounts.join(';') });
      }
    }
    return rows;
  }
}

/** A first transfer of the Party's own units, or a use toward its NDC: what the summary's rows 5–7 count. */
function bookedToSummary(draft: DraftAction, party: string): boolean {
  if (draft.action === 'first_transfer') return draft.first_transferring_party === party;
  return draft.action === 'use_ndc' && draft.using_party_or_entity === party;
}

/** Adds a fragment's row, or extends the previous one when it is the same action on the next serials. */
function append(rows: DraftAction[], draft: DraftAction): void {
  const last = rows.at(-1);
  if (last !== undefined && last.seq === draft.seq && last.block === draft.block && last.to + 1 === draft.from && sameColumns(last, draft)) {
    last.to = draft.to;
    last.holding_change += draft.holding_change;
    return;
  }
  rows.push(draft);
}

function sameColumns(a: DraftAction, b: DraftAction): boolean {
  return (
    a.action === b.action &&
    a.authorization === b.authorization &&
    a.account === b.account &&
    a.transferring_party === b.transferring_party &&
    a.acquiring_party === b.acquiring_party &&
    a.purpose_of_use === b.purpose_of_use &&
    a.using_party_or_entity === b.using_party_or_entity &&
    a.year_of_use === b.year_of_use &&
    a.summary_year === b.summary_year &&
    // The change is either all the row's units or none of them; a row never mixes the two.
    (a.holding_change === 0) === (b.holding_change === 0)
  );
}

function finishAction(draft: DraftAction): AefActionRow {
  const { block, from, to, ...columns } = draft;
  const units = to - from + 1;
  const tco2e = draft.metric === DEFAULT_METRIC;
  return {
    ...columns,
    first_serial: `${block}:${from}`,
    last_serial: `${block}:${to}`,
    underlying_ids: `${block}:${from}-${to}`,
    quantity_tco2e: tco2e ? units : null,
    quantity_metric: tco2e ? null : units,
  };
}

/** ISO 8601 UTC date-time of an `at` value (a date means its start, events.md). */
function isoDateTime(at: string): string {
  if (at.length === 10) return `${at}T00:00:00Z`;
  return at.endsWith('+00:00') ? `${at.slice(0, -6)}Z` : at;
}

function validate(query: AefQuery): AefError | null {
  if (!Number.isInteger(query.year) || query.year < 1000 || query.year > 9999) return { code: 'aef.bad_year', message: `the reported year must be a four-digit year, got ${query.year}` };
  const version = query.version ?? 1;
  if (!Number.isSafeInteger(version) || version < 1) return { code: 'aef.bad_version', message: `the submission version must be a positive integer, got ${version}` };
  return null;
}

/**
 * `buildAefReport(history, rulebook, {party, year})`: the five AEF tables of the reporting Party for
 * the year, derived from one replay (docs/aef.md). Pure, and browser-safe like the engine it drives.
 */
export async function buildAefReport(events: HistorySource, rulebook: CompiledRulebook, query: AefQuery): Promise<AefResult> {
  const invalid = validate(query);
  if (invalid !== null) return { ok: false, error: invalid };
  const run = new AefRun(rulebook, query);
  await foldHistory(events, (event) => {
    run.fold(event);
    return true;
  });
  return run.result();
}

export function buildAefReportSync(events: Iterable<HistoryEvent>, rulebook: CompiledRulebook, query: AefQuery): AefResult {
  const invalid = validate(query);
  if (invalid !== null) return { ok: false, error: invalid };
  const run = new AefRun(rulebook, query);
  for (const event of events) run.fold(event);
  return run.result();
}
