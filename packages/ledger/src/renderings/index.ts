export { COMPARE_RENDERINGS } from './compare-renderings.ts';
export { REPLAY_RENDERINGS } from './replay-renderings.ts';
