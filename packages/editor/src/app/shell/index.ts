export { requireElement, element } from './dom.ts';
export { renderRulebookList, renderHistoryList, renderOpenFiles } from './side-bar.ts';
export type { OpenPath } from './side-bar.ts';
export { renderResultsEmptyState } from './results-panel.ts';
export { diagnosticsSummary, languageSummary } from './status-bar.ts';
export { applyTheme, initialTheme } from './theme.ts';
export type { ThemeName } from './theme.ts';
export { installRegionNavigation } from './region-navigation.ts';
