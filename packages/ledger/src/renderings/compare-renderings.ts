import type { CompareOutcome } from '../compare/compare.ts';
import { renderCompareCsv } from '../compare/compare-csv.ts';
import { renderCompareTable } from '../compare/compare-table.ts';
import { sortedJson } from '../events/canonical-json.ts';
import { renderCompareHtml } from '../report-html/compare-html.ts';

/**
 * The renderings of a compare by output format (`a6 compare --format`; `--json` is `json`). The HTML
 * page also shows each rulebook's replay, so it takes the whole outcome; the server's
 * `POST /api/compare` (Accept: text/html) renders through this same map.
 */
export const COMPARE_RENDERINGS: Readonly<Record<string, (outcome: CompareOutcome) => string>> = {
  json: (outcome) => sortedJson(outcome.report) + '\n',
  table: (outcome) => renderCompareTable(outcome.report),
  csv: (outcome) => renderCompareCsv(outcome.report),
  html: (outcome) => renderCompareHtml(outcome.report, outcome.replays),
};
