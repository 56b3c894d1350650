import { sortedJson } from '../events/canonical-json.ts';
import type { AefReport } from './aef-report.ts';

/** `a6 aef --format json`: the `a6.aef/1` report with sorted keys, as the replay report is written. */
export function renderAefJson(report: AefReport): string {
  return sortedJson(report) + '\n';
}
