import { round } from './phase-meter.ts';

/** Times of one operation repeated `runs` times: the median is the figure; min and CPU say how noisy it was. */
export interface RepeatedTiming {
  readonly runs: number;
  readonly medianMs: number;
  readonly minMs: number;
  readonly maxMs: number;
  /** Median CPU time of this process per run: on a shared machine wall time alone says little. */
  readonly medianCpuMs: number;
  /** Least CPU time of a run: the run least disturbed by other processes (cache and core sharing). */
  readonly minCpuMs: number;
}

/** Runs `operation` once untimed per `warmup`, then `runs` times, timing each run on its own. */
export function timeRepeatedly(operation: () => void, runs: number, warmup = 0): RepeatedTiming {
  for (let i = 0; i < warmup; i++) operation();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    operation();
    wall.push(performance.now() - start);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  return summarize(wall, cpu);
}

/**
 * Times several operations round-robin (a, b, c, a, b, c, …) instead of one after the other, so a
 * burst of load from other processes on the shared machine falls on all of them alike and their
 * ratios stay meaningful. (No forced GC between runs: after one, V8 re-grows its heap and a 10 ms
 * parse measured 60 ms.)
 */
export function timeInterleaved<K extends string>(operations: Readonly<Record<K, () => void>>, runs: number, warmup = 0): InterleavedTimings<K> {
  const names = Object.keys(operations) as K[];
  for (let i = 0; i < warmup; i++) for (const name of names) operations[name]();
  const wall = new Map<K, number[]>(names.map((name) => [name, []]));
  const cpu = new Map<K, number[]>(names.map((name) => [name, []]));
  for (let i = 0; i < runs; i++) {
    for (const name of names) {
      const cpuStart = process.cpuUsage();
      const start = performance.now();
      operations[name]();
      wall.get(name)!.push(performance.now() - start);
      const used = process.cpuUsage(cpuStart);
      cpu.get(name)!.push((used.user + used.system) / 1000);
    }
  }
  const timings = {} as Record<K, RepeatedTiming>;
  for (const name of names) timings[name] = summarize(wall.get(name)!, cpu.get(name)!);
  const pairedDifference = (minuend: K, subtrahend: K) => {
    const difference = (samples: Map<K, number[]>): number => {
      const left = samples.get(minuend)!;
      const right = samples.get(subtrahend)!;
      return round(median(left.map((value, index) => value - right[index]!)), 2);
    };
    return { wallMs: difference(wall), cpuMs: difference(cpu) };
  };
  return { timings, pairedDifference };
}

export interface InterleavedTimings<K extends string> {
  readonly timings: Record<K, RepeatedTiming>;
  /**
   * Median over rounds of `minuend − subtrahend` measured in the same round: what one step adds to
   * another (checkProgram − parse), with the load of each round cancelling out better than in a
   * difference of two medians.
   */
  readonly pairedDifference: (minuend: K, subtrahend: K) => { readonly wallMs: number; readonly cpuMs: number };
}

function summarize(wall: readonly number[], cpu: readonly number[]): RepeatedTiming {
  return {
    runs: wall.length,
    medianMs: round(median(wall), 2),
    minMs: round(Math.min(...wall), 2),
    maxMs: round(Math.max(...wall), 2),
    medianCpuMs: round(median(cpu), 2),
    minCpuMs: round(Math.min(...cpu), 2),
  };
}

/** Times a single run (the truly cold first call of a process). */
export function timeOnce(operation: () => void): number {
  const start = performance.now();
  operation();
  return round(performance.now() - start, 2);
}

export function median(samples: readonly number[]): number {
  const sorted = samples.toSorted((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
