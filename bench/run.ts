/**
 * `pnpm bench [replay] [check] [options]`: runs the benchmarks (all by default) and prints one JSON
 * document on stdout; progress goes to stderr. Not part of `pnpm test`: numbers are measured here,
 * never asserted in a test (conventions.md §8).
 *
 * Each benchmark runs in its own `node --expose-gc` process, so one benchmark's heap and JIT state do
 * not leak into another's figures and phases can start from a full GC. The replay benchmark runs twice,
 * at `--scaling-events` (default 2×10^5) and at `--events` (default 10^6), and the smaller run also
 * replays its history followed by transfers that leave the state unchanged, up to the larger run's
 * event count: the same number of events with a fifth of the state. Together they show whether replay
 * memory follows the ledger state or the length of the history (`memoryBound` in the output).
 *
 * The history benchmark measures `a6 replay --history` itself against the floor and the old two-pass
 * path, at 2×10^5 events with seed 7 unless `--events` / `--seed` say otherwise.
 *
 *   replay options: --events N  --scaling-events N (0: skip)  --seed S  --parties P  --rulebook FILE.a6  --keep
 *   check options:  --lines N  --runs N
 *   refusal options: --refusal-events N  --rounds N (refusal-bench.ts: a refused live append's cost)
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { machineInfo, round } from './meter/index.ts';

const ROOT = join(import.meta.dirname, '..');
const BENCHMARKS = ['replay', 'history', 'check', 'refusal'] as const;
type BenchmarkName = (typeof BENCHMARKS)[number];

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    events: { type: 'string', default: '1000000' },
    'scaling-events': { type: 'string', default: '200000' },
    seed: { type: 'string' },
    parties: { type: 'string' },
    rulebook: { type: 'string' },
    keep: { type: 'boolean', default: false },
    lines: { type: 'string' },
    runs: { type: 'string' },
    'refusal-events': { type: 'string' },
    rounds: { type: 'string' },
  },
});

const unknown = positionals.filter((name) => !(BENCHMARKS as readonly string[]).includes(name));
if (unknown.length > 0) {
  process.stderr.write(`unknown benchmark(s): ${unknown.join(', ')} (there are: ${BENCHMARKS.join(', ')})\n`);
  process.exit(2);
}
const selected: readonly BenchmarkName[] = positionals.length === 0 ? BENCHMARKS : (positionals as BenchmarkName[]);

/** Runs one benchmark file in a fresh process and returns the JSON document it printed. */
function runBenchmark(file: string, args: readonly string[]): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', join(ROOT, 'bench', file), ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      output += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`${file} ${args.join(' ')} exited with ${code}`));
      else resolve(JSON.parse(output) as Record<string, unknown>);
    });
  });
}

function flags(entries: Record<string, string | boolean | undefined>): string[] {
  const args: string[] = [];
  for (const [name, value] of Object.entries(entries)) {
    if (value === undefined || value === false) continue;
    args.push(`--${name}`);
    if (value !== true) args.push(value);
  }
  return args;
}

interface PhaseMemoryFigures {
  readonly memory: { readonly heapStartMB: number; readonly peakHeapMB: number; readonly peakRssMB: number; readonly retainedHeapMB: number | null };
}

interface ReplayRun {
  readonly history: { readonly events: number };
  readonly phases: Record<string, PhaseMemoryFigures>;
  readonly replay: { readonly state: Record<string, number> };
  readonly steadyState?: PhaseMemoryFigures & { readonly events: number; readonly historyEvents: number; readonly state: Record<string, number> };
}

/**
 * Heap the replay retains at its end (state, verdict log) beyond what the process held before it
 * (code, the compiled rulebook), per unit range of the final state: flat when memory follows the state.
 */
function bytesPerUnitRange(phase: PhaseMemoryFigures, state: Record<string, number>): number | null {
  const { retainedHeapMB, heapStartMB } = phase.memory;
  return retainedHeapMB === null ? null : Math.round(((retainedHeapMB - heapStartMB) * 1024 * 1024) / state.unitRanges!);
}

/** Peak and retained memory of the replays at both sizes, side by side. */
function memoryBound(runs: readonly ReplayRun[]): Record<string, unknown> {
  const bySize = (pick: (run: ReplayRun) => unknown): Record<string, unknown> =>
    Object.fromEntries(runs.map((run) => [String(run.history.events), pick(run)]));
  const [small, large] = runs;
  const peak = (run: ReplayRun, phase: string): number => run.phases[phase]!.memory.peakHeapMB;
  return {
    events: runs.map((run) => run.history.events),
    replayFromNdjson: {
      peakHeapMB: bySize((run) => peak(run, 'replayFromNdjson')),
      peakRssMB: bySize((run) => run.phases.replayFromNdjson!.memory.peakRssMB),
      retainedHeapMB: bySize((run) => run.phases.replayFromNdjson!.memory.retainedHeapMB),
    },
    replayFromSqlite: {
      peakHeapMB: bySize((run) => peak(run, 'replayFromSqlite')),
      peakRssMB: bySize((run) => run.phases.replayFromSqlite!.memory.peakRssMB),
      retainedHeapMB: bySize((run) => run.phases.replayFromSqlite!.memory.retainedHeapMB),
    },
    state: bySize((run) => run.replay.state),
    retainedBytesPerUnitRange: bySize((run) => bytesPerUnitRange(run.phases.replayFromNdjson!, run.replay.state)),
    ...(small?.steadyState === undefined
      ? {}
      : {
          sameStateMoreEvents: {
            events: small.steadyState.events,
            historyEvents: small.steadyState.historyEvents,
            peakHeapMB: small.steadyState.memory.peakHeapMB,
            peakRssMB: small.steadyState.memory.peakRssMB,
            retainedHeapMB: small.steadyState.memory.retainedHeapMB,
            unitRanges: small.steadyState.state.unitRanges,
          },
        }),
    ...(small !== undefined && large !== undefined
      ? {
          eventsGrowth: round(large.history.events / small.history.events, 2),
          peakHeapGrowthNdjson: round(peak(large, 'replayFromNdjson') / peak(small, 'replayFromNdjson'), 2),
          peakHeapGrowthSqlite: round(peak(large, 'replayFromSqlite') / peak(small, 'replayFromSqlite'), 2),
          unitRangesGrowth: round(large.replay.state.unitRanges! / small.replay.state.unitRanges!, 2),
        }
      : {}),
  };
}

// This process only starts the benchmarks; each child reports its own `gcExposed`.
const { gcExposed: _parentHasNoGc, ...machine } = machineInfo();
const result: Record<string, unknown> = { format: 'a6.bench/1', machine };

if (selected.includes('replay')) {
  const shared = { seed: values.seed, parties: values.parties, rulebook: values.rulebook, keep: values.keep };
  const sizes = [Number(values['scaling-events'].replaceAll('_', '')), Number(values.events.replaceAll('_', ''))];
  const events = sizes[1]!;
  const runSizes = sizes[0]! > 0 && sizes[0]! < events ? sizes : [events];
  const runs: ReplayRun[] = [];
  for (const size of runSizes) {
    const steady = size < events ? String(events - size) : undefined;
    runs.push((await runBenchmark('replay-bench.ts', flags({ events: String(size), 'steady-events': steady, ...shared }))) as unknown as ReplayRun);
  }
  result.replay = { runs, ...(runs.length > 1 ? { memoryBound: memoryBound(runs) } : {}) };
}

if (selected.includes('history')) {
  // `--events` defaults to 10^6 for the replay benchmark; the history benchmark's own default is 2×10^5.
  const events = process.argv.includes('--events') ? values.events : undefined;
  result.history = await runBenchmark('history-bench.ts', flags({ events, seed: values.seed, rulebook: values.rulebook, keep: values.keep }));
}

if (selected.includes('check')) {
  result.check = await runBenchmark('check-bench.ts', flags({ lines: values.lines, runs: values.runs }));
}

if (selected.includes('refusal')) {
  result.refusal = await runBenchmark('refusal-bench.ts', flags({ events: values['refusal-events'], rounds: values.rounds }));
}

result.loadAverageAtEnd = machineInfo().loadAverage;
process.stdout.write(JSON.stringify(result, null, 2) + '\n');
