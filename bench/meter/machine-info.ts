import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';

/** Where and under what load the numbers were taken: the machine is shared, so absolute times drift. */
export interface MachineInfo {
  readonly node: string;
  readonly platform: string;
  readonly cpuModel: string;
  readonly cores: number;
  readonly memoryGB: number;
  /** 1, 5 and 15 minute load averages when the benchmark started. */
  readonly loadAverage: readonly number[];
  readonly gcExposed: boolean;
}

export function machineInfo(): MachineInfo {
  return {
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    cores: availableParallelism(),
    memoryGB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    loadAverage: loadavg().map((load) => Math.round(load * 100) / 100),
    gcExposed: typeof (globalThis as { gc?: unknown }).gc === 'function',
  };
}
