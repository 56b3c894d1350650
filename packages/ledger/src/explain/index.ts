export { EXPLAIN_REPORT_FORMAT } from './explain-report.ts';
export type {
  SummaryField, ExplainEntry, ExplainFact, ExplainNode, ExplainReport,
} from './explain-report.ts';
export { explain, explainSync } from './explain.ts';
export type { ExplainQuery } from './explain.ts';
export { renderExplainText } from './explain-text.ts';
