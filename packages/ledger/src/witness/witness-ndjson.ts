import { decodeHistoryLine } from '../events/decode-history-line.ts';
import { HistoryChecker } from '../events/history-checker.ts';
import type { HistoryIssue } from '../events/history-issue.ts';
import type { HistoryEvent } from '../events/types.ts';

/** A history as NDJSON lines (docs/events.md "A history file"), each event as `{type, id, at, data, meta?}`. */
export function historyNdjson(events: readonly HistoryEvent[]): string {
  return events.map((event) => JSON.stringify(event.meta === undefined ? { type: event.type, id: event.id, at: event.at, data: event.data } : event) + '\n').join('');
}

export type CheckedHistory = { readonly ok: true; readonly events: readonly HistoryEvent[] } | { readonly ok: false; readonly issues: readonly HistoryIssue[] };

/**
 * The import checks of a history held in memory (docs/events.md "Bad input"): each event written as its
 * NDJSON line and decoded as `a6 import` decodes a file, so a witness that passes here imports and
 * replays from its NDJSON as it is. The events are returned as decoded.
 */
export function checkHistoryEvents(events: readonly HistoryEvent[]): CheckedHistory {
  const checker = new HistoryChecker();
  const decoded: HistoryEvent[] = [];
  historyNdjson(events)
    .split('\n')
    .forEach((text, index) => {
      const event = decodeHistoryLine(text, index + 1, checker);
      if (event !== null) decoded.push(event);
    });
  return checker.log.total > 0 ? { ok: false, issues: checker.log.sorted() } : { ok: true, events: decoded };
}
