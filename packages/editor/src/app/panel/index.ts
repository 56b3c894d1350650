export { AnalysisPanel, JobControls } from './analysis-panel.ts';
