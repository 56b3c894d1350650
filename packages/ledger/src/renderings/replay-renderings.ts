import { sortedJson } from '../events/canonical-json.ts';
import type { ReplayReport } from '../report/replay-report.ts';
import { renderReportTable } from '../report/report-table.ts';
import { renderSummaryCsv } from '../report/summary-csv.ts';
import { renderReplayHtml } from '../report-html/replay-html.ts';

/** The renderings of an `a6.replay/1` report by output format (`a6 replay --format`; `--json` is `json`). */
export const REPLAY_RENDERINGS: Readonly<Record<string, (report: ReplayReport) => string>> = {
  json: (report) => sortedJson(report) + '\n',
  table: renderReportTable,
  csv: renderSummaryCsv,
  html: renderReplayHtml,
};
