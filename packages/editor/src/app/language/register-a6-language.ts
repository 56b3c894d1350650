import type { monaco as monacoApi } from '../monaco/index.ts';
import { A6_LANGUAGE_ID } from './a6-language-id.ts';
import { a6LanguageConfiguration } from './language-configuration.ts';
import { a6MonarchTokens } from './monarch-tokens.ts';
import { A6_DARK_THEME, A6_LIGHT_THEME, a6DarkTheme, a6LightTheme } from './themes.ts';

/** Registers the `a6` language (id, tokenizer, configuration) and both editor themes. */
export function registerA6Language(monaco: typeof monacoApi): void {
  monaco.languages.register({
    id: A6_LANGUAGE_ID,
    extensions: ['.a6'],
    aliases: ['A6 rulebook', 'a6'],
  });
  monaco.languages.setMonarchTokensProvider(A6_LANGUAGE_ID, a6MonarchTokens);
  monaco.languages.setLanguageConfiguration(A6_LANGUAGE_ID, a6LanguageConfiguration);
  monaco.editor.defineTheme(A6_LIGHT_THEME, a6LightTheme);
  monaco.editor.defineTheme(A6_DARK_THEME, a6DarkTheme);
}
