import type { CompiledRulebook } from '@a6/dsl';
import type { HistoryEvent } from '../../events/types.ts';
import { buildReplayReport, type ReplayReport } from '../../report/replay-report.ts';
import { replaySync, type ReplayOptions, type ReplayOutcome } from '../replay.ts';

/**
 * Given/when/then specs for the engine (conventions.md: Emmett's decide/evolve specs):
 * `given(events).when(rulebook).then(({report, outcome}) => …)`. `then` runs the assertions at once;
 * it also makes the result a thenable, so `await given(…).when(…)` yields it.
 */
interface ReplayResult {
  readonly outcome: ReplayOutcome;
  readonly report: ReplayReport;
}

export function given(events: readonly HistoryEvent[], options: ReplayOptions = {}) {
  return {
    when(rulebook: CompiledRulebook) {
      const outcome = replaySync(events, rulebook, options);
      const result: ReplayResult = { outcome, report: buildReplayReport(outcome) };
      return {
        ...result,
        then(assertions: (result: ReplayResult) => void): void {
          assertions(result);
        },
      };
    },
  };
}
