/**
 * Wall time, CPU time and memory of one benchmark phase. The machine is shared, so CPU time is reported
 * beside wall time, and the in-run ratios (phase / floor) are what the README compares, not absolute
 * seconds. Memory is sampled from inside the work (`sample()` every few thousand events) and by a timer:
 * a synchronous store read or a tight replay loop never yields to the timer queue, so a timer alone
 * would miss exactly the peaks we want to see; the timer covers library loops we cannot hook into
 * (file validation), which do yield on every read.
 */
export interface PhaseMemory {
  /** Heap in use when the phase started, after a full GC when `--expose-gc` is on. */
  readonly heapStartMB: number;
  /** Highest `heapUsed` seen while the phase ran. */
  readonly peakHeapMB: number;
  /** Highest resident set size seen while the phase ran (the whole process: code, V8, SQLite pages). */
  readonly peakRssMB: number;
  /**
   * Heap still in use after a full GC at the end, with the phase's result (the replay outcome and its
   * ledger state) still referenced: what the phase *retains*. `null` without `--expose-gc`.
   */
  readonly retainedHeapMB: number | null;
  readonly samples: number;
}

export interface PhaseMeasurement<T> {
  readonly result: T;
  readonly seconds: number;
  readonly cpuSeconds: number;
  readonly memory: PhaseMemory;
}

const MB = 1024 * 1024;
const TIMER_SAMPLE_MS = 50;

export function mb(bytes: number): number {
  return Math.round((bytes / MB) * 10) / 10;
}

/** `global.gc` exists only when node runs with `--expose-gc` (bench/run.ts passes it). */
export function collectGarbage(): boolean {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) return false;
  gc();
  return true;
}

export class PhaseMeter {
  private peakHeap = 0;
  private peakRss = 0;
  private samples = 0;

  /** Records the current memory use; cheap enough (a few µs) to call every few thousand events. */
  sample(): void {
    const usage = process.memoryUsage();
    if (usage.heapUsed > this.peakHeap) this.peakHeap = usage.heapUsed;
    if (usage.rss > this.peakRss) this.peakRss = usage.rss;
    this.samples += 1;
  }

  /**
   * Runs `work` with a fresh meter: GC first (so the previous phase's garbage is not billed to this
   * one), samples at the start and end and wherever `work` calls `meter.sample()`.
   */
  static async measure<T>(work: (meter: PhaseMeter) => Promise<T> | T): Promise<PhaseMeasurement<T>> {
    collectGarbage();
    const meter = new PhaseMeter();
    const heapStart = process.memoryUsage().heapUsed;
    meter.sample();
    const timer = setInterval(() => meter.sample(), TIMER_SAMPLE_MS);
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    let result: T;
    try {
      result = await work(meter);
    } finally {
      clearInterval(timer);
    }
    const seconds = (performance.now() - start) / 1000;
    const cpu = process.cpuUsage(cpuStart);
    meter.sample();
    const retainedHeapMB = collectGarbage() ? mb(process.memoryUsage().heapUsed) : null;
    return {
      result,
      seconds: round(seconds, 3),
      cpuSeconds: round((cpu.user + cpu.system) / 1e6, 3),
      memory: {
        heapStartMB: mb(heapStart),
        peakHeapMB: mb(meter.peakHeap),
        peakRssMB: mb(meter.peakRss),
        retainedHeapMB,
        samples: meter.samples,
      },
    };
  }
}

/**
 * Passes items through unchanged, sampling memory every `every` items: the events of a phase flow
 * through it on their way to the decoder or the replay engine.
 */
export async function* sampledEvery<T>(items: AsyncIterable<T> | Iterable<T>, meter: PhaseMeter, every = 5_000): AsyncGenerator<T> {
  let count = 0;
  for await (const item of items) {
    count += 1;
    if (count % every === 0) meter.sample();
    yield item;
  }
}

export function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
