import { applyTheme } from '../shell/index.ts';
import type { AppState, Store } from '../state/index.ts';

/** Light or dark (`AppState.theme`), applied to the page and Monaco, toggled by the button and the command. */
export class ThemeController {
  constructor(
    private readonly store: Store<AppState>,
    toggleButton: HTMLButtonElement,
  ) {
    store.watch((state) => state.theme, (theme) => applyTheme(theme, toggleButton), { immediate: true });
    toggleButton.addEventListener('click', () => this.toggle());
  }

  toggle(): void {
    this.store.update((state) => ({ theme: state.theme === 'dark' ? 'light' : 'dark' }));
  }
}
