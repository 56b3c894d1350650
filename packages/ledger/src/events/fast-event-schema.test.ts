import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateHistory } from '../gen/generate-history.ts';
import { lineSchema } from './event-schema.ts';
import { fastLineCheck } from './fast-event-schema.ts';
import { FAIL } from './line-validator.ts';
import { parseHistoryLine, parseHistoryLineWithSchema } from './parse-history-line.ts';
import { EVENT_TYPES, type EventType } from './types.ts';
import { VALID_LINES } from './valid-lines.fixture.ts';

// Valid lines of every type: the fixture's, and a generated history's (every type a6 gen writes).
const VALID: readonly string[] = [
  ...Object.values(VALID_LINES),
  ...[...generateHistory({ events: 3_000, seed: '11' })].map((event) => JSON.stringify(event)),
];

const TRICKY: readonly unknown[] = [
  '', 'x', ' ', 'LEVY', 'LEVY:x', 'CH:1', 'CH :1', 'ABC', 'abc', 'AB', '2021', '21', 'NDC', 'OIMP', '6.4', 'accepted',
  '2021-01-01', '2021-02-30', '2021-01-01T00:00:00Z', '2021-01-01T00:00:00+01:00', 'a'.repeat(64), 'A'.repeat(64),
  0, -0, 1, -1, 1.5, 999, 1000, 9999, 10000, 2 ** 53, 2 ** 53 - 1, -(2 ** 53), 1e300,
  null, true, false, [], [1], ['NDC', 'NDC'], ['NDC', 'OIMP', 'NDC'], {}, { block: 'b', from: 2, to: 1 },
];

type Path = readonly (string | number)[];

function paths(value: unknown, prefix: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return [prefix];
  const children = Array.isArray(value) ? value.map((_, index) => index) : Object.keys(value);
  return [prefix, ...children.flatMap((key) => paths((value as Record<string | number, unknown>)[key], [...prefix, key]))];
}

type Mutation = { kind: 'delete' | 'replace' | 'add' | 'swap'; at: number; value: unknown; name: string };

/** Applies one mutation at the `at`-th path (modulo the number of paths) of a copy of `raw`. */
function mutate(raw: unknown, mutation: Mutation): unknown {
  const copy = structuredClone(raw) as Record<string | number, unknown>;
  const all = paths(copy).filter((path) => path.length > 0);
  const path = all[mutation.at % all.length]!;
  let parent = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const key = path.at(-1)!;
  const target = parent[key];
  if (mutation.kind === 'delete') {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key];
  } else if (mutation.kind === 'replace') parent[key] = mutation.value;
  else if (mutation.kind === 'add' && target !== null && typeof target === 'object' && !Array.isArray(target)) {
    (target as Record<string, unknown>)[mutation.name] = mutation.value;
  } else {
    const siblings = Array.isArray(parent) ? parent.map((_, index) => index) : Object.keys(parent);
    const other = siblings[mutation.at % siblings.length]!;
    [parent[key], parent[other]] = [parent[other], target];
  }
  return copy;
}

const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('delete', 'replace', 'add', 'swap'),
  at: fc.nat(),
  value: fc.oneof(fc.constantFrom(...TRICKY), fc.jsonValue({ maxDepth: 2 })),
  name: fc.oneof(fc.constantFrom('from', 'to', 'meta', 'id', 'extra', 'Block', 'units'), fc.string({ maxLength: 4 })),
});

/** The fast check's verdict against the schema's, on one raw line (when its `type` is a known one). */
function sameVerdict(raw: unknown): void {
  const type = (raw as { type?: unknown } | null)?.type;
  if (typeof type !== 'string' || !(EVENT_TYPES as readonly string[]).includes(type)) return;
  const fast = fastLineCheck(type as EventType)(raw);
  const schema = lineSchema(type as EventType).safeParse(raw);
  expect(fast !== FAIL, JSON.stringify(raw)).toBe(schema.success);
  // The same output, key order included (JSON.stringify keeps insertion order).
  if (fast !== FAIL && schema.success) expect(JSON.stringify(fast)).toBe(JSON.stringify(schema.data));
}

describe('fast event checks against the zod schema', () => {
  it('accept every valid line with the schema output', () => {
    for (const text of VALID) sameVerdict(JSON.parse(text));
  });

  it('give the same verdict on mutated lines', () => {
    fc.assert(
      fc.property(fc.nat(VALID.length - 1), fc.array(mutation, { minLength: 1, maxLength: 3 }), (index, mutations) => {
        const raw = mutations.reduce<unknown>((value, step) => mutate(value, step), JSON.parse(VALID[index]!));
        sameVerdict(raw);
      }),
      { numRuns: 3_000 },
    );
  });

  it('leave parseHistoryLine exactly as the schema alone: events, issues, lines', () => {
    fc.assert(
      fc.property(fc.nat(VALID.length - 1), fc.array(mutation, { maxLength: 2 }), fc.nat(1000), (index, mutations, line) => {
        const raw = mutations.reduce<unknown>((value, step) => mutate(value, step), JSON.parse(VALID[index]!));
        const text = JSON.stringify(raw);
        expect(parseHistoryLine(text, line)).toEqual(parseHistoryLineWithSchema(text, line));
      }),
      { numRuns: 1_000 },
    );
  });
});
