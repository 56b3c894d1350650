import type { CompareReport, ReplayReport } from '@a6/ledger';
import { isRecord } from '../server-api/index.ts';

// The report contracts (`a6.replay/1`, `a6.compare/1`) are the ledger's types; the page checks the
// parts its views rely on before trusting a server's answer.

const isCounts = (value: unknown): value is ReplayReport['verdicts'] =>
  isRecord(value) && typeof value.accepted === 'number' && typeof value.rejected === 'number' && typeof value.findings === 'number';

/**
 * Checks the parts of a replay report the views rely on (format, counts, lists, maps); `undefined`
 * for anything else, which the page reports as a bad response instead of rendering half a report.
 */
export function decodeReplayReport(body: unknown): ReplayReport | undefined {
  if (!isRecord(body) || body.format !== 'a6.replay/1') return undefined;
  if (!isRecord(body.rulebook) || typeof body.rulebook.name !== 'string' || !isRecord(body.history)) return undefined;
  if (!isCounts(body.verdicts) || !Array.isArray(body.rejections) || !Array.isArray(body.findings)) return undefined;
  if (!isRecord(body.levies) || !isRecord(body.holdings) || !isRecord(body.parties) || typeof body.digest !== 'string') return undefined;
  return body as unknown as ReplayReport;
}

export function decodeCompareReport(body: unknown): CompareReport | undefined {
  if (!isRecord(body) || body.format !== 'a6.compare/1' || !isRecord(body.history)) return undefined;
  if (!Array.isArray(body.rulebooks) || !body.rulebooks.every((entry) => isRecord(entry) && typeof entry.key === 'string' && isCounts(entry.verdicts))) return undefined;
  if (!(body.first_divergence === null || typeof body.first_divergence === 'number')) return undefined;
  if (!Array.isArray(body.verdict_diffs) || !Array.isArray(body.summary_diffs) || typeof body.digest !== 'string') return undefined;
  return body as unknown as CompareReport;
}
