export { A6_LANGUAGE_ID } from './a6-language-id.ts';
export { registerA6Language } from './register-a6-language.ts';
export { A6_DARK_THEME, A6_LIGHT_THEME } from './themes.ts';
export { a6MonarchTokens } from './monarch-tokens.ts';
