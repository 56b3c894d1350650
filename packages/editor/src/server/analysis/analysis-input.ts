import { isHistoryId as isStoreHistoryId } from '@a6/ledger/store';

export const isHistoryId = (value: string): boolean => isStoreHistoryId(value);

/** `asOf` of a replay: a day (docs/events.md: `--as-of D` includes day D). */
export function isHistoryDay(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (match === null) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}
