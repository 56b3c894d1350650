export { DiffController } from './diff-controller.ts';
export type { DiffPair, DiffState } from './diff-state.ts';
