import { currentFile, type AppState } from '../state/index.ts';
import type { UrlState } from './url-state.ts';

/** What a link to this view holds: only a saved file can be named (unsaved text has no address another reader could open). */
export function urlStateOf(state: AppState): UrlState {
  const file = currentFile(state);
  const { selection } = state;
  return {
    file: file?.origin === 'server' ? file.path : null,
    rulebook: selection.rulebook,
    history: selection.history,
    compare: selection.compare,
    view: selection.view,
  };
}
