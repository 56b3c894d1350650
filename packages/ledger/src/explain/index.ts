export * from './explain-report.ts';
export * from './explain.ts';
export * from './explain-text.ts';
