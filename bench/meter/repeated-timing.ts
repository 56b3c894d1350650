import { round } from './phase-meter.ts';

/** Times of one operation repeated `runs` times: the median is the figure; min and CPU say how noisy it was. */
export interface RepeatedTiming {
  readonly runs: number;
  readonly medianMs: number;
  readonly minMs: number;
  readonly maxMs: number;
  /** Median CPU time of this process per run: on a shared machine wall time alone says little. */
  readonly medianCpuMs: number;
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
  return {
    runs,
    medianMs: round(median(wall), 2),
    minMs: round(Math.min(...wall), 2),
    maxMs: round(Math.max(...wall), 2),
    medianCpuMs: round(median(cpu), 2),
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
