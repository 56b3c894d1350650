export { Store, shallowEqual } from './store.ts';
export type { WatchListener } from './store.ts';
export { currentFile, initialAppState, isStored } from './app-state.ts';
export type { AppState, CompareState, LanguageStatus, LinkState, OpenFile, ReplayState, Selection } from './app-state.ts';
