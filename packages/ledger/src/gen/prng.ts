/**
 * A small seeded PRNG (sfc32, seeded through FNV-1a and splitmix32) so that `a6 gen` gives the same
 * bytes for the same seed on every machine: no `Math.random`, no clock.
 */
export interface Prng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [low, high] (inclusive). */
  int(low: number, high: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Picks a key with probability proportional to its weight. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K;
}

export function createPrng(seed: string): Prng {
  let hash = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    hash ^= seed.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  let mix = hash;
  const splitmix = (): number => {
    mix = (mix + 0x9e3779b9) >>> 0;
    let z = mix;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix();
  let b = splitmix();
  let c = splitmix();
  let d = splitmix();
  const next32 = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t;
  };
  // Discard the first outputs: sfc32 mixes its state in over a few rounds.
  for (let i = 0; i < 12; i++) next32();

  // Weight tables are built once per (constant) weights object.
  const tables = new WeakMap<object, { keys: string[]; cumulative: number[]; total: number }>();
  const prng: Prng = {
    next: () => next32() / 4294967296,
    int: (low, high) => low + Math.floor(prng.next() * (high - low + 1)),
    chance: (probability) => prng.next() < probability,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[Math.floor(prng.next() * items.length)]!;
    },
    weighted: <K extends string>(weights: Readonly<Record<K, number>>): K => {
      let table = tables.get(weights);
      if (table === undefined) {
        const keys = Object.keys(weights) as K[];
        const cumulative: number[] = [];
        let total = 0;
        for (const key of keys) cumulative.push((total += weights[key]));
        table = { keys, cumulative, total };
        tables.set(weights, table);
      }
      const roll = prng.next() * table.total;
      for (let i = 0; i < table.cumulative.length; i++) if (roll < table.cumulative[i]!) return table.keys[i] as K;
      return table.keys[table.keys.length - 1] as K;
    },
  };
  return prng;
}
