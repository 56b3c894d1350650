import type { AppState, Store } from '../state/index.ts';
import { urlStateOf } from './app-url-state.ts';
import { writeUrlState } from './url-state.ts';

const queryOf = (state: AppState): string | null => (state.link.restoring ? null : writeUrlState(urlStateOf(state)));

/** Keeps the address bar's query on the view (`history.replaceState`, no new entry), once start-up has applied the link. */
export class UrlController {
  constructor(
    private readonly store: Store<AppState>,
    private readonly say: (message: string) => void,
  ) {
    store.watch(queryOf, (query) => this.write(query));
  }

  /** "Copy link to this view". */
  async copyLink(): Promise<void> {
    this.write(queryOf(this.store.state));
    try {
      await navigator.clipboard.writeText(window.location.href);
      this.say('Link copied.');
    } catch {
      this.say(`Link: ${window.location.href}`);
    }
  }

  private write(query: string | null): void {
    if (query === null || query === window.location.search) return;
    window.history.replaceState(null, '', `${window.location.pathname}${query}${window.location.hash}`);
  }
}
