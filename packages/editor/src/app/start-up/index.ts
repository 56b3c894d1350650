export { startFile, startHistory } from './start-choices.ts';
export { startUp } from './start-up.ts';
export type { StartUpParts } from './start-up.ts';
