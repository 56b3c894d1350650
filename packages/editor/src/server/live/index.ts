export * from './live-ledger.ts';
export * from './live-history.ts';
export * from './adopted-rulebook.ts';
export * from './event-permission.ts';
export * from './requested-events.ts';
