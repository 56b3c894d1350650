export { EMPTY_URL_STATE, formatRulebookChoice, readUrlState, writeUrlState } from './url-state.ts';
export type { PanelView, RulebookChoice, UrlState } from './url-state.ts';
export { urlStateOf } from './app-url-state.ts';
export { UrlController } from './url-controller.ts';
