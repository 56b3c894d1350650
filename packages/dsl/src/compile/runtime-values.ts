import { DateValue, RecordValue, type JsonValue, type Value } from './compiled-rulebook.ts';

/** `==` of the language: by value; dates by day; records by kind and id; none equals only none. */
export function valuesEqual(a: Value, b: Value): boolean {
  if (a === b) return true;
  if (a === null || b === null) return false;
  if (a instanceof DateValue) return b instanceof DateValue && a.iso === b.iso;
  if (a instanceof RecordValue) {
    return b instanceof RecordValue && a.constructor === b.constructor && a.id !== null && a.id === b.id;
  }
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, index) => valuesEqual(item as Value, b[index] as Value));
  }
  return false;
}

/** A value as `values` shows it: dates `YYYY-MM-DD`, none null, records by id (docs/reports.md). */
export function toJsonValue(value: Value): JsonValue {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (value instanceof DateValue) return value.iso;
  if (value instanceof RecordValue) return value.id;
  return (value as readonly Value[]).map(toJsonValue);
}

/** A value inside an `else` message: none as `none`, dates ISO, lists `[a, b]`, records by id. */
export function renderValue(value: Value): string {
  if (value === null) return 'none';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof DateValue) return value.iso;
  if (value instanceof RecordValue) return value.id ?? 'none';
  return `[${(value as readonly Value[]).map(renderValue).join(', ')}]`;
}

/** A value in a generated message: like `renderValue`, but strings quoted so `"6.4"` reads as text. */
export function quoteValue(value: Value): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${(value as readonly Value[]).map(quoteValue).join(', ')}]`;
  return renderValue(value);
}

export function describeKind(value: Value): string {
  if (value === null) return 'none';
  if (value instanceof DateValue) return 'a date';
  if (value instanceof RecordValue) return 'a record';
  if (Array.isArray(value)) return 'a list';
  return `a ${typeof value === 'boolean' ? 'bool' : typeof value}`;
}
