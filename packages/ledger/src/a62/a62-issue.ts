/**
 * Why a CA tool snapshot could not be converted. Issues are data (conventions §3): the converter
 * returns them, the CLI formats them.
 */
export type A62IssueCode =
  /** The JSON does not have the snapshot's columnar shape (`{cutoff, version, n, d, c, …}`). */
  | 'a62.bad_snapshot'
  /** A dictionary index points outside its dictionary. */
  | 'a62.bad_index'
  /** A country name has no ISO 3166-1 alpha-3 code in `HOST_PARTIES`. */
  | 'a62.unknown_host'
  /** A first-transfer definition the converter does not know how to map. */
  | 'a62.unknown_first_transfer'
  /** The serial parses into start–end, but `end − start + 1` differs from `vol`. */
  | 'a62.volume_mismatch'
  /** Two rows give the same block (serial). */
  | 'a62.duplicate_serial'
  /** Rows of one activity disagree on the authorization (CA record, year, purposes, first transfer). */
  | 'a62.conflicting_authorization';

export interface A62Issue {
  readonly code: A62IssueCode;
  /** Row index (0-based) in the snapshot's columns, or `null` for the snapshot as a whole. */
  readonly row: number | null;
  /** JSON path inside the snapshot file (`c.vol.17`). */
  readonly path: string;
  readonly message: string;
}

export type A62Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly issues: readonly A62Issue[] };

export function formatA62Issue(file: string, issue: A62Issue): string {
  const where = issue.row === null ? issue.path : `row ${issue.row} (${issue.path})`;
  return `${file}: error[${issue.code}]: ${where}: ${issue.message}`;
}
