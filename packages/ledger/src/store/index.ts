export * from './event-store.ts';
export * from './store-errors.ts';
export * from './stream-for.ts';
export * from './store-url.ts';
export * from './store-backends.ts';
