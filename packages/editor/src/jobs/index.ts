export * from './job-pool.ts';
export * from './job-protocol.ts';
