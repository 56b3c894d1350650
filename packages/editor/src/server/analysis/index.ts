export * from './analysis-routes.ts';
export * from './server-sent-events.ts';
