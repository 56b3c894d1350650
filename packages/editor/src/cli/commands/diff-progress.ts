import { performance } from 'node:perf_hooks';
import cliProgress from 'cli-progress';
import type { WitnessOptions, WitnessProgress } from '@a6/ledger';
import { writeError } from '../cli-io.ts';

/** Off a terminal, a progress line at most this often (a search can take the whole budget). */
const LINE_INTERVAL_MS = 2_000;

export interface SearchProgress {
  readonly update: (progress: WitnessProgress) => void;
  readonly stop: () => void;
}

/**
 * Progress of `a6 diff --witness` on stderr (cli.md "Output"): what is searched when it starts, then a
 * bar on a terminal, or a line every two seconds otherwise, and the shrinking when it begins. Stdout
 * carries only the document.
 */
export function searchProgress(options: WitnessOptions): SearchProgress {
  const histories = options.budget?.histories ?? 0;
  const ms = options.budget?.ms;
  writeError(`searching for a witness: up to ${histories} histories of up to ${options.maxEvents} events, seed ${options.seed}${ms === undefined ? '' : `, within ${(ms / 1000).toFixed(1)} s`}`);
  if (process.stderr.isTTY) return barProgress(histories);
  let last = performance.now();
  return {
    update: (progress) => {
      if (progress.phase === 'shrink') return writeError(`shrinking a history on which they disagree (after ${progress.histories} histories)`);
      const now = performance.now();
      if (now - last < LINE_INTERVAL_MS) return;
      last = now;
      writeError(`searched ${progress.histories}/${progress.budget} histories`);
    },
    stop: () => {},
  };
}

function barProgress(histories: number): SearchProgress {
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: 'diff --witness [{bar}] {value}/{total} histories {phase}', hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(histories, 0, { phase: '' });
  return {
    update: (progress) => bar.update(progress.histories, { phase: progress.phase === 'shrink' ? '| shrinking' : '' }),
    stop: () => bar.stop(),
  };
}
