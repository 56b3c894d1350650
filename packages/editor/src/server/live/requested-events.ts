import { instantOf, parseHistoryLine, type HistoryEvent, type HistoryIssue } from '@a6/ledger';

/** A validation issue of one requested event: the import's `history.*` issue, located by array index. */
export interface RequestedEventIssue {
  readonly index: number;
  readonly code: string;
  readonly path?: string;
  readonly message: string;
}

export type RequestedEvents =
  | {
      readonly ok: true;
      readonly events: readonly HistoryEvent[];
      readonly derivedIds: readonly boolean[];
      /** Events whose `at` the server stamped (the client sent none): a re-send compares without it. */
      readonly stamped: readonly boolean[];
    }
  | { readonly ok: false; readonly issues: readonly RequestedEventIssue[] };

/**
 * Stamps and shape-validates the events of an append request with exactly the import's schema
 * (`parseHistoryLine`: same codes, same messages, ids derived the same way). A missing `at` is stamped
 * with the server's clock, but never earlier than the event before it — the history head for the first
 * (cli.md: "`at` stamped by the server when absent, never earlier than the head").
 *
 * `latest` is the latest instant a client may claim (the server clock plus the allowed skew; absent
 * for admins, who may append historical or simulated futures): an `at` beyond it is refused with
 * `history.at_in_future`, so no writer can push the history's clock ahead and make every later
 * event fail `history.at_decreasing` or be stamped in the future (docs/reliability.md "The clock").
 */
export function parseRequestedEvents(items: readonly unknown[], headAt: string | null, now: Date, latest?: number): RequestedEvents {
  const nowAt = now.toISOString();
  const nowInstant = now.getTime();
  let previousAt = headAt;
  const events: HistoryEvent[] = [];
  const derivedIds: boolean[] = [];
  const stamped: boolean[] = [];
  const issues: RequestedEventIssue[] = [];
  items.forEach((item, index) => {
    let candidate = item;
    const unstamped = item !== null && typeof item === 'object' && !Array.isArray(item) && !('at' in item);
    if (unstamped) {
      const previousInstant = previousAt === null ? undefined : instantOf(previousAt);
      const at = previousInstant !== undefined && previousInstant > nowInstant ? previousAt : nowAt;
      candidate = { ...(item as Record<string, unknown>), at };
    }
    const parsed = parseHistoryLine(JSON.stringify(candidate), index + 1);
    if (!parsed.ok) {
      for (const issue of parsed.issues) issues.push(locate(issue, index));
      return;
    }
    const instant = instantOf(parsed.event.at);
    if (latest !== undefined && instant !== undefined && instant > latest) {
      issues.push({ index, code: 'history.at_in_future', path: 'at', message: `at ${parsed.event.at} is later than the server clock allows (${new Date(latest).toISOString()}: now plus the allowed skew)` });
      return;
    }
    events.push(parsed.event);
    derivedIds.push(parsed.derivedId);
    stamped.push(unstamped);
    previousAt = parsed.event.at;
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, events, derivedIds, stamped };
}

/** An import issue (1-based `line`) as a request issue (0-based `index` into the array). */
export function locate(issue: HistoryIssue, index: number): RequestedEventIssue {
  return issue.path === undefined
    ? { index, code: issue.code, message: issue.message }
    : { index, code: issue.code, path: issue.path, message: issue.message };
}
