/**
 * The few building blocks the fast event validator (`fast-event-schema.ts`) is made of. Each check
 * returns the value as the zod schema would output it (strict objects rebuilt in schema key order,
 * arrays and records copied) or `FAIL`. `FAIL` never becomes an error message: it only means "let the
 * zod schema decide", which then produces the located, coded issues (`parse-history-line.ts`). So a
 * check may be stricter than the schema (a rare valid shape goes the slow way) but never looser.
 */
export const FAIL: unique symbol = Symbol('fail');
export type Checked<T> = T | typeof FAIL;
export type Check<T = unknown> = (value: unknown) => Checked<T>;

interface Field {
  readonly name: string;
  readonly check: Check;
  readonly optional: boolean;
}

/** A field of a strict object; `optional` ones may be absent (never `null`, as in zod). */
export function field(name: string, check: Check, optional = false): Field {
  return { name, check, optional };
}

/**
 * A strict object: every own key is a field, every required field present. `refine` sees the rebuilt
 * object, as a zod `superRefine` does.
 */
export function strict(fields: readonly Field[], refine?: (value: Record<string, unknown>) => boolean): Check<Record<string, unknown>> {
  return (value) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return FAIL;
    const input = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    let present = 0;
    for (const { name, check, optional } of fields) {
      const item = input[name];
      if (item === undefined) {
        if (!optional || Object.hasOwn(input, name)) return FAIL;
        continue;
      }
      const checked = check(item);
      if (checked === FAIL) return FAIL;
      out[name] = checked;
      present += 1;
    }
    let keys = 0;
    for (const _key in input) keys += 1;
    if (keys !== present) return FAIL;
    return refine === undefined || refine(out) ? out : FAIL;
  };
}

export function array<T>(item: Check<T>, min = 0, max = Number.POSITIVE_INFINITY): Check<T[]> {
  return (value) => {
    if (!Array.isArray(value) || value.length < min || value.length > max) return FAIL;
    const out: T[] = new Array<T>(value.length);
    for (let index = 0; index < value.length; index += 1) {
      const checked = item(value[index]);
      if (checked === FAIL) return FAIL;
      out[index] = checked;
    }
    return out;
  };
}

/** A record copied key by key; `__proto__` and other odd keys are left to the schema. */
export function record(key: (key: string) => boolean, item: Check): Check<Record<string, unknown>> {
  return (value) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return FAIL;
    const input = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const name of Object.keys(input)) {
      if (name === '__proto__' || !key(name)) return FAIL;
      const checked = item(input[name]);
      if (checked === FAIL) return FAIL;
      out[name] = checked;
    }
    return out;
  };
}

export function oneOf(options: readonly string[]): Check<string> {
  const allowed: ReadonlySet<unknown> = new Set(options);
  return (value) => (allowed.has(value) ? (value as string) : FAIL);
}

export function string(test?: (value: string) => boolean): Check<string> {
  return (value) => (typeof value === 'string' && (test === undefined || test(value)) ? value : FAIL);
}

export function integer(test?: (value: number) => boolean): Check<number> {
  return (value) => (typeof value === 'number' && Number.isSafeInteger(value) && (test === undefined || test(value)) ? value : FAIL);
}

export const boolean: Check<boolean> = (value) => (typeof value === 'boolean' ? value : FAIL);

export const unknownValue: Check = (value) => value;

export function nullable<T>(check: Check<T>): Check<T | null> {
  return (value) => (value === null ? null : check(value));
}
