import { DEFAULT_METRIC } from '../accounting/accounting-book.ts';

/**
 * The Party's annual information in the agreed electronic format (AEF, 2/CMA.3 annex para 20; tables of
 * 6/CMA.4 in their second iteration), as the ledger derives it from a history under a rulebook:
 * `a6.aef/1`. Every row is flat (a cell is a string, a number or `null` = blank), so the JSON, the CSVs
 * and the workbook hold the same cells. Column meanings and sources: docs/aef.md.
 */

export const AEF_REPORT_FORMAT = 'a6.aef/1';

export type AefTableName = 'T1' | 'T2' | 'T3' | 'T4' | 'T5';

export const AEF_TABLES: readonly AefTableName[] = ['T1', 'T2', 'T3', 'T4', 'T5'];

/** What each table is, as a sheet or file title. */
export const AEF_TABLE_TITLES: Readonly<Record<AefTableName, string>> = {
  T1: 'Submission',
  T2: 'Authorizations',
  T3: 'Actions',
  T4: 'Holdings',
  T5: 'Authorized entities',
};

export type AefCell = string | number | null;

// Rows are type literals (not interfaces) so each is a `Record<string, AefCell>` for the CSV and sheet writers.

/** T1: one row. */
export type AefSubmissionRow = {
  readonly reporting_party: string;
  readonly reported_year: number;
  readonly version: number;
};

/** T2: one row per authorization the reporting Party issued by the end of the year. */
export type AefAuthorizationRow = {
  readonly authorization: string;
  /** `YYYY-MM-DD`. */
  readonly date: string;
  readonly cooperative_approach: string | null;
  readonly version: number | null;
  /** The authorized maximum (`cap`), in `metric`. */
  readonly quantity: number | null;
  readonly metric: string | null;
  readonly sector: string | null;
  readonly activity_type: string | null;
  /** `NDC`, `OIMP` or `NDC;OIMP`. */
  readonly purposes: string;
  /** The Parties authorized to acquire (`;`-separated). */
  readonly authorized_parties: string | null;
  /** The other international mitigation purposes (only for authorizations that include OIMP). */
  readonly oimp: string | null;
  /** Authorized vintages, `FROM-TO`. */
  readonly timeframe: string | null;
  readonly terms: string | null;
  /** The first-transfer definition the ledger applied to its OIMP units (only with OIMP). */
  readonly first_transfer_oimp: string | null;
};

export type AefActionType =
  | 'first_transfer'
  | 'transfer'
  | 'acquisition'
  | 'use_ndc'
  | 'use_oimp'
  | 'voluntary_cancellation'
  | 'omge_cancellation'
  | 'other_cancellation';

/** T3: one row per homogeneous block of ITMOs per action. */
export type AefActionRow = {
  readonly action: AefActionType;
  /** ISO 8601 UTC date-time of the event. */
  readonly date: string;
  readonly authorization: string;
  readonly first_transferring_party: string;
  /** Registry and account the action takes place in (for an acquisition: where the ITMOs arrive). */
  readonly registry: string;
  readonly account: string;
  /** `BLOCK:SERIAL` of the first and last ITMO of the row. */
  readonly first_serial: string;
  readonly last_serial: string;
  /** Registry the units were issued in, and their ids there (`BLOCK:FROM-TO`, the `unit` of `a6 explain`). */
  readonly underlying_registry: string | null;
  readonly underlying_ids: string;
  readonly metric: string;
  readonly quantity_tco2e: number | null;
  readonly quantity_metric: number | null;
  readonly vintage: number;
  readonly transferring_party: string | null;
  readonly acquiring_party: string | null;
  readonly purpose_of_use: string | null;
  readonly using_party_or_entity: string | null;
  readonly year_of_use: number | null;
  readonly mitigation_type: string | null;
  readonly gwp: string | null;
  /** Trace: the year the structured summary books the action to (`event.year`). */
  readonly summary_year: number;
  /** Trace: units the action added to (+) or took from (−) the reporting Party's holdings (T4). */
  readonly holding_change: number;
  /** Trace: history position and id of the event. */
  readonly seq: number;
  readonly event: string;
};

/** T4: ITMOs held at the end of the year, per registry and account, by authorization and vintage. */
export type AefHoldingRow = {
  readonly registry: string;
  readonly account: string;
  readonly holder: string | null;
  readonly authorization: string;
  readonly vintage: number;
  readonly metric: string;
  readonly quantity_tco2e: number | null;
  readonly quantity_metric: number | null;
};

/** T5: one row per entity an authorization of T2 names. */
export type AefEntityRow = {
  readonly entity: string;
  readonly authorization: string;
  /** Accounts opened by the end of the year for that entity (`AccountOpened.entity`), `;`-separated. */
  readonly accounts: string | null;
};

export interface AefTables {
  readonly T1: readonly AefSubmissionRow[];
  readonly T2: readonly AefAuthorizationRow[];
  readonly T3: readonly AefActionRow[];
  readonly T4: readonly AefHoldingRow[];
  readonly T5: readonly AefEntityRow[];
}

type RowOf<T extends AefTableName> = AefTables[T][number];

/** Column order of each table (CSV headers, sheet headers): the AEF's columns, then the trace columns. */
export const AEF_COLUMNS: { readonly [T in AefTableName]: readonly (keyof RowOf<T> & string)[] } = {
  T1: ['reporting_party', 'reported_year', 'version'],
  T2: [
    'authorization',
    'date',
    'cooperative_approach',
    'version',
    'quantity',
    'metric',
    'sector',
    'activity_type',
    'purposes',
    'authorized_parties',
    'oimp',
    'timeframe',
    'terms',
    'first_transfer_oimp',
  ],
  T3: [
    'action',
    'date',
    'authorization',
    'first_transferring_party',
    'registry',
    'account',
    'first_serial',
    'last_serial',
    'underlying_registry',
    'underlying_ids',
    'metric',
    'quantity_tco2e',
    'quantity_metric',
    'vintage',
    'transferring_party',
    'acquiring_party',
    'purpose_of_use',
    'using_party_or_entity',
    'year_of_use',
    'mitigation_type',
    'gwp',
    'summary_year',
    'holding_change',
    'seq',
    'event',
  ],
  T4: ['registry', 'account', 'holder', 'authorization', 'vintage', 'metric', 'quantity_tco2e', 'quantity_metric'],
  T5: ['entity', 'authorization', 'accounts'],
};

/** The structured summary's figures for the reporting Party and year, in one metric. */
export interface AefSummaryFigures {
  readonly first_transferred: number;
  readonly oimp_first_transferred: number;
  readonly used: number;
}

/** Units of the reporting Party first transferred before the year, merged per authorization and block. */
export interface AefFirstTransferredRange {
  readonly authorization: string;
  readonly block: string;
  readonly from: number;
  readonly to: number;
  readonly metric: string;
}

/** What the pre-consistency checks compare the tables with (not an AEF table). */
export interface AefReconciliation {
  /** T4's shape at the end of the year before. */
  readonly opening_holdings: readonly AefHoldingRow[];
  readonly first_transferred_before: readonly AefFirstTransferredRange[];
  /** Metric → figures (`tCO2e` always). */
  readonly summary: Readonly<Record<string, AefSummaryFigures>>;
  /** First transfers and NDC uses the summary books to the year although they are dated in another year (a use's `year`). */
  readonly other_years: readonly AefActionRow[];
}

/** A blank cell whose fact the history does not give (issue 13: blank, listed, never invented). */
export interface AefWarning {
  readonly code: 'aef.missing_fact';
  readonly table: AefTableName;
  readonly column: string;
  /** The event field that would give it. */
  readonly fact: string;
  /** 1-based data rows of the table. */
  readonly rows: readonly number[];
  readonly message: string;
}

export interface AefReport {
  readonly format: typeof AEF_REPORT_FORMAT;
  readonly rulebook: { readonly name: string; readonly file: string; readonly sha256: string };
  readonly history: { readonly events: number; readonly head: string };
  readonly verdicts: { readonly accepted: number; readonly rejected: number; readonly findings: number };
  readonly party: string;
  readonly year: number;
  readonly tables: AefTables;
  readonly reconciliation: AefReconciliation;
  readonly warnings: readonly AefWarning[];
  /** sha256 of the canonical JSON of this report without `digest`. */
  readonly digest: string;
}

/** The units of a row in its own metric (tCO2e rows: `quantity_tco2e`, others: `quantity_metric`). */
export function unitsOf(row: Pick<AefActionRow, 'metric' | 'quantity_tco2e' | 'quantity_metric'>): number {
  return (row.metric === DEFAULT_METRIC ? row.quantity_tco2e : row.quantity_metric) ?? 0;
}
