/**
 * Problems of a history file, as data (conventions §3): a stable `code`, the line, the field path and
 * a message. Detection (parse-history-line.ts, history-checker.ts) is separate from formatting
 * (`formatHistoryIssue`). Every code is documented in docs/storage.md.
 */
export type HistoryIssueCode =
  | 'history.malformed_json'
  | 'history.not_an_object'
  | 'history.unknown_type'
  | 'history.unknown_field'
  | 'history.missing_field'
  | 'history.bad_value'
  | 'history.unsafe_integer'
  | 'history.bad_timestamp'
  | 'history.at_decreasing'
  | 'history.duplicate_id'
  | 'history.duplicate_event'
  | 'history.id_conflict'
  | 'history.unknown_reference'
  | 'history.too_many_errors'
  | 'history.unreadable'
  | 'history.line_too_long'
  | 'history.not_utf8';

export interface HistoryIssue {
  readonly code: HistoryIssueCode;
  /** 1-based line of the file (absent for issues about the whole file). */
  readonly line?: number;
  /** Field path inside the line's object, e.g. `data.units[0].from`. */
  readonly path?: string;
  readonly message: string;
}

/** At most this many issues are collected and printed for one file (docs/events.md "Bad input"). */
export const MAX_HISTORY_ISSUES = 100;

/** `FILE:LINE: error[history.CODE]: message` (docs/events.md). */
export function formatHistoryIssue(file: string, issue: HistoryIssue): string {
  const where = issue.line === undefined ? file : `${file}:${issue.line}`;
  const message = issue.path === undefined ? issue.message : `${issue.path}: ${issue.message}`;
  return `${where}: error[${issue.code}]: ${message}`;
}

/** Collects issues up to `MAX_HISTORY_ISSUES`, counting the rest. */
export class HistoryIssueLog {
  readonly issues: HistoryIssue[] = [];
  total = 0;

  add(issue: HistoryIssue): void {
    this.total += 1;
    if (this.issues.length < MAX_HISTORY_ISSUES) this.issues.push(issue);
  }

  get full(): boolean {
    return this.issues.length >= MAX_HISTORY_ISSUES;
  }

  /** The collected issues in line order (stable), plus a closing note when some were dropped. */
  sorted(): HistoryIssue[] {
    const ordered = [...this.issues].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    if (this.total > this.issues.length) {
      ordered.push({
        code: 'history.too_many_errors',
        message: `${this.total - this.issues.length} more error(s) not shown (first ${MAX_HISTORY_ISSUES} listed)`,
      });
    }
    return ordered;
  }
}
