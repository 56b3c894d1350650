export { CompareController } from './compare-controller.ts';
export { renderCompareResults } from './compare-results.ts';
export type { CompareResultsOptions } from './compare-results.ts';
