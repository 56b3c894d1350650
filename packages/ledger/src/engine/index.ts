export * from './replay.ts';
export * from './replay-engine.ts';
export * from './verdict-entry.ts';
export * from './integrity-codes.ts';
export * from './context-records.ts';
export * from './replay-eval-context.ts';
export * from './first-transfer-moments.ts';
export * from './booked-entry.ts';
