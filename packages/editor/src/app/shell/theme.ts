import { A6_DARK_THEME, A6_LIGHT_THEME } from '../language/index.ts';
import { monaco } from '../monaco/index.ts';

export type ThemeName = 'light' | 'dark';

const STORAGE_KEY = 'a6.theme';

export function initialTheme(): ThemeName {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (stored === 'light' || stored === 'dark') return stored;
  return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export function applyTheme(theme: ThemeName, toggle: HTMLButtonElement): void {
  document.documentElement.dataset.theme = theme;
  monaco.editor.setTheme(theme === 'dark' ? A6_DARK_THEME : A6_LIGHT_THEME);
  toggle.setAttribute('aria-pressed', String(theme === 'dark'));
  toggle.textContent = theme === 'dark' ? 'Light theme' : 'Dark theme';
  localStorage.setItem(STORAGE_KEY, theme);
}
