export * from './replay-html.ts';
export * from './compare-html.ts';
export * from './svg-chart.ts';
export * from './nice-ticks.ts';
export * from './html-text.ts';
export * from './html-page.ts';
export * from './party-charts.ts';
export * from './diff-html.ts';
