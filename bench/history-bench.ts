/**
 * `a6 replay --history FILE --rulebook glasgow` against the read+parse floor, in one process and one
 * run (docs/performance.md; conventions: ratios to a baseline of the same run, never asserted).
 *
 *   floor     `readline` + `JSON.parse` + touching one field: no project code at all
 *   baseline  the old two-pass path (bench/baseline/two-pass-replay.ts), kept callable
 *   cli       `a6 replay --history FILE --rulebook RULEBOOK --json` run in this process, exactly as the
 *             `a6` entry point builds the program: compile, read, validate, chain, replay, report
 * Each phase starts after a full GC. The report digests of the baseline and the CLI must be equal.
 *
 *   pnpm bench history [--events 200000] [--seed 7] [--rulebook FILE.a6] [--keep]
 */
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { loadRulebook } from '../packages/dsl/src/compile/index.ts';
import { nodeSourceHost } from '../packages/dsl/src/program/node-host.ts';
import { writeNdjson } from '../packages/editor/src/cli/commands/gen-command.ts';
import { runA6 } from '../packages/editor/src/cli/run-a6.test-support.ts';
import { generateHistory } from '../packages/ledger/src/gen/index.ts';
import { buildReplayReport } from '../packages/ledger/src/report/replay-report.ts';
import { twoPassReplay } from './baseline/two-pass-replay.ts';
import { PhaseMeter, machineInfo, round, type PhaseMeasurement } from './meter/index.ts';

export const HISTORY_BENCH_FORMAT = 'a6.bench.history/1';

interface HistoryBenchOptions {
  readonly events: number;
  readonly seed: string;
  readonly rulebook: string;
  readonly keep: boolean;
}

function parseOptions(argv: readonly string[]): HistoryBenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      events: { type: 'string', default: '200000' },
      seed: { type: 'string', default: '7' },
      rulebook: { type: 'string', default: 'examples/rulebooks/glasgow-2021.a6' },
      keep: { type: 'boolean', default: false },
    },
  });
  const events = Number(values.events.replaceAll('_', ''));
  if (!Number.isSafeInteger(events) || events < 1) throw new Error(`--events must be a positive whole number, got '${values.events}'`);
  return { events, seed: values.seed, rulebook: values.rulebook, keep: values.keep };
}

function progress(message: string): void {
  process.stderr.write(`[history-bench] ${message}\n`);
}

async function floor(file: string, meter: PhaseMeter): Promise<number> {
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let events = 0;
  let issued = 0;
  for await (const line of lines) {
    if (line.length === 0) continue;
    // Touch one field, so the parse cannot be optimised away.
    if ((JSON.parse(line) as { type?: unknown }).type === 'UnitsIssued') issued += 1;
    events += 1;
    if (events % 5_000 === 0) meter.sample();
  }
  return issued > 0 ? events : 0;
}

function figures(phase: PhaseMeasurement<unknown>, events: number, floorPhase: PhaseMeasurement<unknown>) {
  return {
    seconds: phase.seconds,
    cpuSeconds: phase.cpuSeconds,
    eventsPerSecond: Math.round(events / phase.seconds),
    /** Floor time ÷ this phase's time: 1 is as fast as reading and parsing, the goal is ≥ 0.33. */
    floorOverPhase: round(floorPhase.seconds / phase.seconds, 3),
    cpuFloorOverPhase: round(floorPhase.cpuSeconds / phase.cpuSeconds, 3),
    memory: phase.memory,
  };
}

export async function runHistoryBench(options: HistoryBenchOptions): Promise<unknown> {
  const machine = machineInfo();
  const dir = mkdtempSync(join(tmpdir(), 'a6-history-bench-'));
  const file = join(dir, 'history.ndjson');
  try {
    progress(`a6 gen --events ${options.events} --seed ${options.seed} > ${file}`);
    const out = createWriteStream(file);
    await writeNdjson(generateHistory({ events: options.events, seed: options.seed }), out);
    out.end();
    await once(out, 'finish');
    const loaded = loadRulebook(nodeSourceHost(process.cwd()), options.rulebook);
    if (!loaded.ok) throw new Error(`${options.rulebook} does not compile`);
    const rulebook = loaded.rulebook;

    progress('floor');
    const floorPhase = await PhaseMeter.measure((meter) => floor(file, meter));
    if (floorPhase.result !== options.events) throw new Error(`the floor read ${floorPhase.result} events`);

    progress('baseline: the old two-pass path');
    // The report is built inside the phase (the CLI builds it too) and the outcome dropped after it.
    const baseline = await PhaseMeter.measure(async (meter) => buildReplayReport(await twoPassReplay(file, rulebook, () => meter.sample())).digest);
    const baselineDigest = baseline.result;

    progress('a6 replay --history');
    const cli = await PhaseMeter.measure(() => runA6(['replay', '--history', file, '--rulebook', options.rulebook, '--json']));
    if (cli.result.exitCode !== 0) throw new Error(`a6 replay exited ${cli.result.exitCode}: ${cli.result.stderr}`);
    const cliDigest = (JSON.parse(cli.result.stdout) as { digest: string }).digest;
    // The digest covers history.head, so equal digests also mean the old and new chains agree.
    if (cliDigest !== baselineDigest) throw new Error(`a6 replay's digest ${cliDigest} differs from the baseline's ${baselineDigest}`);

    const events = options.events;
    return {
      format: HISTORY_BENCH_FORMAT,
      machine,
      parameters: { events, seed: options.seed, rulebook: options.rulebook },
      history: { events, megabytes: round(statSync(file).size / 1024 ** 2, 1), digest: cliDigest },
      phases: {
        floor: figures(floorPhase, events, floorPhase),
        baseline: figures(baseline, events, floorPhase),
        cli: figures(cli, events, floorPhase),
      },
      cliSpeedupOverBaseline: round(baseline.seconds / cli.seconds, 2),
    };
  } finally {
    if (options.keep) progress(`kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

if (resolve(process.argv[1] ?? '') === resolve(import.meta.filename)) {
  const report = await runHistoryBench(parseOptions(process.argv.slice(2)));
  process.stdout.write(JSON.stringify(report, null, 2) + '\n');
}
