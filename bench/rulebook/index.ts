export * from './bench-rulebook.ts';
