import { performance } from 'node:perf_hooks';
import { loadRulebook, memorySourceHost } from '@a6/dsl';
import { renderDiffHtml, rulebookDiffReport, type LoadedRulebook, type WitnessProgress } from '@a6/ledger';
import type { DiffWork, JobFailure, RulebookChoice, WorkerMessage } from './job-protocol.ts';

/** Progress of a search is posted at most this often (a search tries hundreds of histories a second). */
const PROGRESS_INTERVAL_MS = 200;

/**
 * A diff job in the analysis worker (`POST /api/diff`): loads both rulebooks from the workspace
 * sources, diffs them and, when asked, searches for a witness within the server's budget, reading the
 * worker's own clock; progress counts candidate histories tried of the history budget.
 */
export function runDiff(work: DiffWork, post: (message: WorkerMessage) => void): void {
  const loaded: LoadedRulebook[] = [];
  for (const choice of work.rulebooks) {
    const result = loadRulebook(memorySourceHost(work.sources), choice.entry, choice.name);
    if (!result.ok) return post({ type: 'failed', error: invalidRulebook(choice, result.diagnostics) });
    loaded.push(result);
  }
  let reported = -Infinity;
  const onProgress = (progress: WitnessProgress): void => {
    const now = performance.now();
    if (progress.phase === 'search' && now - reported < PROGRESS_INTERVAL_MS) return;
    reported = now;
    post({ type: 'progress', done: progress.histories, total: progress.budget });
  };
  const { witness } = work;
  const report = rulebookDiffReport(
    loaded[0]!,
    loaded[1]!,
    witness === null
      ? {}
      : { witness: { seed: witness.seed, maxEvents: witness.maxEvents, budget: { histories: witness.histories, ms: witness.ms }, clock: () => performance.now(), onProgress } },
  );
  post(work.html ? { type: 'done', report, html: renderDiffHtml(report) } : { type: 'done', report });
}

function invalidRulebook(choice: RulebookChoice, diagnostics: readonly { readonly severity: string; readonly message: string }[]): JobFailure {
  const first = diagnostics.find((diagnostic) => diagnostic.severity === 'error');
  return { status: 422, code: 'rulebook.invalid', message: `${choice.entry}${choice.name === undefined ? '' : `#${choice.name}`}: ${first?.message ?? 'errors'}`, details: diagnostics };
}
