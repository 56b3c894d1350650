export * from './memory-event-store.ts';
