/**
 * `at` values (docs/events.md): `YYYY-MM-DD` (meaning T00:00:00Z) or an ISO-8601 UTC timestamp
 * (`YYYY-MM-DDTHH:MM[:SS[.fraction]]` with `Z` or `+00:00`). Order is by UTC instant; `--as-of D`
 * includes the whole UTC day D.
 */
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|\+00:00)$/;

export function isHistoryDate(value: string): boolean {
  const match = DATE.exec(value);
  return match !== null && validDay(Number(match[1]), Number(match[2]), Number(match[3]));
}

export function isHistoryTimestamp(value: string): boolean {
  return instantOf(value) !== undefined;
}

/** Milliseconds since the epoch of an `at` value, or `undefined` when it is not one. */
export function instantOf(value: string): number | undefined {
  const date = DATE.exec(value);
  if (date !== null) {
    const [year, month, day] = [Number(date[1]), Number(date[2]), Number(date[3])];
    return validDay(year, month, day) ? Date.UTC(year, month - 1, day) : undefined;
  }
  const stamp = TIMESTAMP.exec(value);
  if (stamp === null) return undefined;
  const [year, month, day, hour, minute] = [1, 2, 3, 4, 5].map((group) => Number(stamp[group])) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const second = stamp[6] === undefined ? 0 : Number(stamp[6]);
  if (!validDay(year, month, day) || hour > 23 || minute > 59 || second > 59) return undefined;
  // Sub-millisecond digits are kept in the text (and in the hash) but do not order events.
  const millis = stamp[7] === undefined ? 0 : Number(stamp[7].padEnd(3, '0').slice(0, 3));
  return Date.UTC(year, month - 1, day, hour, minute, second, millis);
}

/** The UTC day (`YYYY-MM-DD`) of a valid `at` value. */
export function dayOf(value: string): string {
  return value.slice(0, 10);
}

/** Whether an event at `at` is included by `--as-of day` (the whole day is included). */
export function isOnOrBefore(at: string, day: string): boolean {
  return dayOf(at) <= day;
}

function validDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= last;
}
