export { layoutChart } from './chart-layout.ts';
export type { ChartLayout, ChartMark, ChartSeries, ChartSpec } from './chart-layout.ts';
export { niceScale } from './nice-scale.ts';
export { renderChart } from './render-chart.ts';
export { adjustmentChart, compareChart, emissionsBalanceChart } from './report-series.ts';
