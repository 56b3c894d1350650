export { A6_LANGUAGE_ID } from './a6-language-id.ts';
export { registerA6Language } from './register-a6-language.ts';
export { A6_DARK_THEME, A6_LIGHT_THEME } from './themes.ts';
export { a6MonarchTokens, BUILTIN_FUNCTIONS, CONTEXT_ROOTS } from './monarch-tokens.ts';
