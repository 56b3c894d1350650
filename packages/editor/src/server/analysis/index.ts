export { analysisRoutes } from './analysis-routes.ts';
export { ServerSentEvents } from './server-sent-events.ts';
