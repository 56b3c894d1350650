export * from './job-pool.ts';
export * from './job-protocol.ts';
export * from './check-pool.ts';
export * from './check-protocol.ts';
