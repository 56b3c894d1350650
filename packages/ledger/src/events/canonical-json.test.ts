import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateHistory } from '../gen/generate-history.ts';
import { canonicalJson } from './canonical-json.ts';

/** RFC 8785 the straightforward way: what `canonicalJson`'s loops must always equal. */
function reference(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string' || typeof value === 'number') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((item) => reference(item ?? null)).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((key) => record[key] !== undefined)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${keys.map((key) => `${JSON.stringify(key)}:${reference(record[key])}`).join(',')}}`;
}

describe('canonicalJson', () => {
  it('equals the straightforward RFC 8785 form on any JSON value, odd keys and strings included', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => canonicalJson(value) === reference(value)), { numRuns: 2_000 });
    const odd = { b: 1, a: [undefined, { z: undefined, '10': 2, '9': 3, é: 'x', Z: '\u2028' }], '': null, '\uD800': -0 };
    expect(canonicalJson(odd)).toBe(reference(odd));
    expect(canonicalJson(odd)).toBe('{"":null,"a":[null,{"10":2,"9":3,"Z":"\u2028","é":"x"}],"b":1,"\\ud800":0}');
  });

  it('equals it on every generated event', () => {
    for (const event of generateHistory({ events: 2_000, seed: '3' })) expect(canonicalJson(event)).toBe(reference(event));
  });

  it('refuses what JSON cannot carry', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow(TypeError);
    expect(() => canonicalJson({ a: Number.POSITIVE_INFINITY })).toThrow(TypeError);
    expect(() => canonicalJson({ a: () => 1 })).toThrow(TypeError);
  });
});
