export * from './phase-meter.ts';
export * from './repeated-timing.ts';
export * from './machine-info.ts';
