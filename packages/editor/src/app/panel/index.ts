export { AnalysisPanel } from './analysis-panel.ts';
export { ChoicesController } from './choices-controller.ts';
