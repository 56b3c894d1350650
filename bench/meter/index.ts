export { mb, collectGarbage, sampledEvery, round, PhaseMeter } from './phase-meter.ts';
export type { PhaseMemory, PhaseMeasurement } from './phase-meter.ts';
export { timeRepeatedly, timeInterleaved, timeOnce, median } from './repeated-timing.ts';
export type { RepeatedTiming, InterleavedTimings } from './repeated-timing.ts';
export { machineInfo } from './machine-info.ts';
export type { MachineInfo } from './machine-info.ts';
