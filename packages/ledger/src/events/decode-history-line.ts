import type { HistoryChecker } from './history-checker.ts';
import { isSkippedLine, parseHistoryLine } from './parse-history-line.ts';
import type { HistoryEvent } from './types.ts';

/**
 * One NDJSON line through the import checks (docs/events.md "Bad input"): its shape, then the checks across
 * lines (order, ids, references). The event when the line raised no issue; `null` for a skipped line
 * or one with issues, which go to `checker.log`. Synchronous and free of I/O, so an in-memory history
 * (a witness, a browser worker's) is validated exactly like an imported file.
 */
export function decodeHistoryLine(text: string, line: number, checker: HistoryChecker): HistoryEvent | null {
  if (isSkippedLine(text)) return null;
  const parsed = parseHistoryLine(text, line);
  if (!parsed.ok) {
    for (const issue of parsed.issues) checker.log.add(issue);
    return null;
  }
  return checker.check(parsed.event, line, parsed.derivedId) ? parsed.event : null;
}
