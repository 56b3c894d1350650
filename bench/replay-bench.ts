/**
 * Replay throughput against a read+parse floor, all in one process (bench/README.md: numbers are
 * measured against a baseline of the same run, never asserted).
 *
 * Setup (timed too): `generateHistory` writes N events to a temporary NDJSON file, which is then
 * imported into a temporary SQLite store exactly like `a6 import` does (validate pass, then one atomic
 * append). Then, each phase after a full GC:
 *   floor            read the file line by line, `JSON.parse`, touch one field: no project code at all
 *   decode           the project's validating decoder (`decodeHistoryStream`: schema, ids, order, references)
 *   replayFromNdjson `a6 replay --history`: one pass that validates and replays in batches
 *   replayFromSqlite `a6 replay --store`: `store.readHistory` + replay
 *   steadyState      (with --steady-events M) the file followed by M transfers of one range back and
 *                    forth between two accounts of a Party: M more events, the same ledger state
 * Both replays build the `a6.replay/1` report; equal digests show they replayed the same thing.
 *
 *   pnpm bench replay [--events N] [--seed S] [--parties P] [--rulebook FILE.a6] [--keep]
 *   node --expose-gc --import tsx bench/replay-bench.ts --events 200000     (one size, no scaling run)
 */
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
// Relative imports: the bench sits at the root, which does not depend on the workspace packages.
import { loadRulebook, type CompiledRulebook } from '../packages/dsl/src/compile/index.ts';
import { nodeSourceHost } from '../packages/dsl/src/program/node-host.ts';
import { writeNdjson } from '../packages/editor/src/cli/commands/gen-command.ts';
import { replay, type ReplayOutcome } from '../packages/ledger/src/engine/index.ts';
import { HistoryChecker, decodeHistoryStream, type HistoryEvent, type UnitRange } from '../packages/ledger/src/events/index.ts';
import { readHistoryFileInOnePass, readHistoryLines, streamHistoryFile, validateHistoryFile } from '../packages/ledger/src/node.ts';
import { GEN_DEFAULT_PARTIES, GEN_DEFAULT_SEED, generateHistory } from '../packages/ledger/src/gen/index.ts';
import { buildReplayReport } from '../packages/ledger/src/report/replay-report.ts';
import { openStore, type EventStore } from '../packages/ledger/src/store/index.ts';
import { PhaseMeter, machineInfo, round, sampledEvery, type PhaseMeasurement, type PhaseMemory } from './meter/index.ts';

export const REPLAY_BENCH_FORMAT = 'a6.bench.replay/1';
const SAMPLE_EVERY = 5_000;

interface ReplayBenchOptions {
  readonly events: number;
  readonly seed: string;
  readonly parties: number;
  readonly rulebook: string;
  readonly keep: boolean;
  /** Domestic transfers appended after the history for the steady-state replay (0: no such phase). */
  readonly steadyEvents: number;
}

/** One measured pass over the whole history. */
interface PhaseFigures {
  readonly seconds: number;
  readonly cpuSeconds: number;
  readonly eventsPerSecond: number;
  /** Wall time of this phase divided by the floor's (1 for the floor). */
  readonly ratioToFloor: number;
  /** CPU time divided by the floor's: steadier than wall time when other processes share the cores. */
  readonly cpuRatioToFloor: number;
  readonly memory: PhaseMemory;
}

/** What a replay decided, so a reader sees the run was real (and both replays agree). */
interface ReplayFigures {
  readonly verdicts: ReplayOutcome['verdicts'];
  /** Rejection entries by code (one event can have several entries: one per failing check per fragment). */
  readonly rejectionCodes: Record<string, number>;
  readonly levies: ReplayOutcome['levies'];
  /** Size of the ledger state at the end: what replay memory is allowed to grow with. */
  readonly state: Record<string, number>;
  readonly head: string;
  readonly digest: string;
}

function parseOptions(argv: readonly string[]): ReplayBenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      events: { type: 'string', default: '1000000' },
      seed: { type: 'string', default: GEN_DEFAULT_SEED },
      parties: { type: 'string', default: String(GEN_DEFAULT_PARTIES) },
      rulebook: { type: 'string', default: 'examples/rulebooks/glasgow-2021.a6' },
      keep: { type: 'boolean', default: false },
      'steady-events': { type: 'string', default: '0' },
    },
  });
  const steadyEvents = Number(values['steady-events'].replaceAll('_', ''));
  if (!Number.isSafeInteger(steadyEvents) || steadyEvents < 0) throw new Error(`--steady-events must be a whole number, got '${values['steady-events']}'`);
  const events = Number(values.events.replaceAll('_', ''));
  const parties = Number(values.parties);
  if (!Number.isSafeInteger(events) || events < 1) throw new Error(`--events must be a positive whole number, got '${values.events}'`);
  if (!Number.isSafeInteger(parties)) throw new Error(`--parties must be a whole number, got '${values.parties}'`);
  return { events, seed: values.seed, parties, rulebook: values.rulebook, keep: values.keep, steadyEvents };
}

function compileRulebook(file: string): CompiledRulebook {
  const loaded = loadRulebook(nodeSourceHost(process.cwd()), file);
  if (!loaded.ok) throw new Error(`${file} does not compile: ${loaded.diagnostics.map((diagnostic) => diagnostic.message).join('; ')}`);
  return loaded.rulebook;
}

function progress(message: string): void {
  process.stderr.write(`[replay-bench] ${message}\n`);
}

async function generateFile(file: string, options: ReplayBenchOptions): Promise<void> {
  const out = createWriteStream(file);
  await writeNdjson(generateHistory({ events: options.events, seed: options.seed, parties: options.parties }), out);
  out.end();
  await once(out, 'finish');
}

/** `a6 import FILE --store sqlite:…`: a validate pass, then the file streamed into one atomic append. */
async function importFile(file: string, store: EventStore, history: string, meter: PhaseMeter) {
  const validateStart = performance.now();
  const validation = await validateHistoryFile(file);
  if (!validation.ok) throw new Error(`the generated history does not validate: ${validation.issues[0]?.message}`);
  const appendStart = performance.now();
  const appended = await store.append(history, sampledEvery(streamHistoryFile(file, validation.head), meter, SAMPLE_EVERY), { expectedHead: 0 });
  const appendEnd = performance.now();
  if (appended.head.hash !== validation.head) throw new Error('the store computed another chain head than the file');
  return {
    stored: appended.stored,
    head: appended.head.hash,
    validateSeconds: round((appendStart - validateStart) / 1000, 3),
    appendSeconds: round((appendEnd - appendStart) / 1000, 3),
  };
}

/** The floor: what any NDJSON consumer pays, with none of the project's code on the path. */
async function readAndParse(file: string, meter: PhaseMeter): Promise<{ events: number; issued: number }> {
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let events = 0;
  let issued = 0;
  for await (const line of lines) {
    if (line.length === 0) continue;
    const record = JSON.parse(line) as { type?: unknown };
    // Touch one field, so the parse cannot be optimised away and the count shows the file was read.
    if (record.type === 'UnitsIssued') issued += 1;
    events += 1;
    if (events % SAMPLE_EVERY === 0) meter.sample();
  }
  return { events, issued };
}

async function decode(file: string, meter: PhaseMeter): Promise<{ events: number; issues: number }> {
  const checker = new HistoryChecker();
  let events = 0;
  for await (const _decoded of decodeHistoryStream(readHistoryLines(file), checker)) {
    events += 1;
    if (events % SAMPLE_EVERY === 0) meter.sample();
  }
  return { events, issues: checker.log.total };
}

/** `a6 replay --history FILE`: one pass, validating and folding in batches (docs/performance.md). */
async function replayFromNdjson(file: string, rulebook: CompiledRulebook, meter: PhaseMeter) {
  const reading = readHistoryFileInOnePass(file);
  const outcome = await replay(reading.source, rulebook, { progressEvery: SAMPLE_EVERY, onProgress: () => meter.sample() });
  if (!reading.result().ok) throw new Error('the history stopped validating');
  return { outcome, passes: {} };
}

function replayFromStore(store: EventStore, history: string, rulebook: CompiledRulebook, meter: PhaseMeter): Promise<ReplayOutcome> {
  return replay(store.readHistory(history), rulebook, { progressEvery: SAMPLE_EVERY, onProgress: () => meter.sample() });
}

/** A range some holding account holds, and another holding account of the same registry and Party. */
interface SteadyTransfer {
  readonly from: string;
  readonly to: string;
  readonly range: UnitRange;
  readonly at: string;
}

function steadyTransferSite(outcome: ReplayOutcome): SteadyTransfer | null {
  const { state } = outcome;
  if (outcome.lastAt === null) return null;
  for (const block of state.blocks.items) {
    for (const segment of block.units.all()) {
      const holder = segment.holder >= 0 && !segment.levied ? state.account(segment.holder) : undefined;
      if (holder === undefined || holder.kind !== 'holding' || holder.party < 0) continue;
      const other = state.accounts.items.find(
        (account) => account.id !== holder.id && account.kind === 'holding' && account.registry === holder.registry && account.party === holder.party,
      );
      if (other !== undefined) return { from: holder.ref, to: other.ref, range: { block: block.code, from: segment.from, to: segment.to }, at: outcome.lastAt };
    }
  }
  return null;
}

/**
 * The same range moved back and forth between two accounts of one Party, `count` times, at the time of
 * the last event: the history grows, the ledger state does not (the range splits off and merges back).
 */
function* steadyTransfers(site: SteadyTransfer, count: number): Generator<HistoryEvent> {
  for (let i = 0; i < count; i++) {
    const forth = i % 2 === 0;
    yield {
      type: 'UnitsTransferred',
      id: `steady-${i}`,
      at: site.at,
      data: { from: forth ? site.from : site.to, to: forth ? site.to : site.from, units: [site.range] },
    };
  }
}

async function* concat<T>(...parts: (AsyncIterable<T> | Iterable<T>)[]): AsyncGenerator<T> {
  for (const part of parts) yield* part;
}

function replayFigures(outcome: ReplayOutcome): ReplayFigures {
  const rejectionCodes: Record<string, number> = {};
  for (const entry of outcome.rejections) rejectionCodes[entry.code] = (rejectionCodes[entry.code] ?? 0) + 1;
  const { state } = outcome;
  let unitRanges = 0;
  for (const block of state.blocks.items) unitRanges += block.units.size;
  const report = buildReplayReport(outcome);
  return {
    verdicts: outcome.verdicts,
    rejectionCodes: Object.fromEntries(Object.entries(rejectionCodes).sort(([a], [b]) => a.localeCompare(b))),
    levies: outcome.levies,
    state: {
      parties: state.parties.items.length,
      registries: state.registries.items.length,
      accounts: state.accounts.items.length,
      activities: state.activities.items.length,
      authorizations: state.authorizations.items.length,
      blocks: state.blocks.items.length,
      unitRanges,
    },
    head: outcome.head,
    digest: report.digest,
  };
}

async function measureReplay<T>(
  work: (meter: PhaseMeter) => Promise<T>,
  outcomeOf: (result: T) => ReplayOutcome,
): Promise<{ measured: PhaseMeasurement<null>; replay: ReplayFigures; passes: Record<string, number>; steadySite: SteadyTransfer | null }> {
  const { result, ...measured } = await PhaseMeter.measure(work);
  const passes = (result as { passes?: Record<string, number> }).passes ?? {};
  const outcome = outcomeOf(result);
  return { measured: { ...measured, result: null }, replay: replayFigures(outcome), passes, steadySite: steadyTransferSite(outcome) };
}

function figures(measured: PhaseMeasurement<unknown>, events: number, floor: PhaseMeasurement<unknown> | null): PhaseFigures {
  const floorSeconds = floor?.seconds ?? measured.seconds;
  const floorCpu = floor?.cpuSeconds ?? measured.cpuSeconds;
  return {
    seconds: measured.seconds,
    cpuSeconds: measured.cpuSeconds,
    eventsPerSecond: Math.round(events / measured.seconds),
    ratioToFloor: round(measured.seconds / floorSeconds, 2),
    cpuRatioToFloor: round(measured.cpuSeconds / floorCpu, 2),
    memory: measured.memory,
  };
}

export async function runReplayBench(options: ReplayBenchOptions): Promise<unknown> {
  const machine = machineInfo();
  const rulebook = compileRulebook(options.rulebook);
  const dir = mkdtempSync(join(tmpdir(), 'a6-replay-bench-'));
  const file = join(dir, 'history.ndjson');
  const opened = await openStore(`sqlite:${join(dir, 'ledger.db')}`);
  try {
    progress(`generating ${options.events} events into ${file}`);
    const generated = await PhaseMeter.measure(() => generateFile(file, options));
    const bytes = statSync(file).size;

    progress('importing into SQLite (validate + append)');
    const imported = await PhaseMeter.measure((meter) => importFile(file, opened.store, opened.history, meter));

    progress('floor: read + JSON.parse');
    const floor = await PhaseMeter.measure((meter) => readAndParse(file, meter));
    if (floor.result.events !== options.events) throw new Error(`the floor read ${floor.result.events} events, expected ${options.events}`);

    progress('decode');
    const decoded = await PhaseMeter.measure((meter) => decode(file, meter));
    if (decoded.result.events !== options.events || decoded.result.issues > 0) throw new Error(`decode gave ${decoded.result.events} events and ${decoded.result.issues} issues`);

    // Each replay's outcome (the whole ledger state) is summarised and dropped before the next phase,
    // so the SQLite replay's heap does not carry the NDJSON replay's state.
    progress('replay from NDJSON');
    const fromNdjson = await measureReplay((meter) => replayFromNdjson(file, rulebook, meter), (result) => result.outcome);

    progress('replay from SQLite');
    const fromSqlite = await measureReplay((meter) => replayFromStore(opened.store, opened.history, rulebook, meter), (outcome) => outcome);
    const ndjsonReplay = fromNdjson.replay;
    const sqliteReplay = fromSqlite.replay;

    // Memory bounded by state, not by history: the same file followed by transfers that leave the
    // state as it was; its heap is compared with the plain NDJSON replay's.
    const site = fromNdjson.steadySite;
    let steady: Record<string, unknown> | undefined;
    if (options.steadyEvents > 0 && site !== null) {
      progress(`replay from NDJSON + ${options.steadyEvents} steady-state transfers`);
      const measured = await measureReplay(
        (meter) => replay(concat(streamHistoryFile(file), steadyTransfers(site, options.steadyEvents)), rulebook, { progressEvery: SAMPLE_EVERY, onProgress: () => meter.sample() }),
        (outcome) => outcome,
      );
      // A rejected transfer would grow the verdict log with the history and spoil the comparison.
      if (measured.replay.verdicts.rejected !== ndjsonReplay.verdicts.rejected) {
        throw new Error(`steady-state transfers were rejected: ${JSON.stringify(measured.replay.rejectionCodes)}`);
      }
      const total = options.events + options.steadyEvents;
      steady = {
        events: total,
        historyEvents: options.events,
        steadyTransfers: options.steadyEvents,
        transfer: { from: site.from, to: site.to, units: site.range },
        seconds: measured.measured.seconds,
        cpuSeconds: measured.measured.cpuSeconds,
        eventsPerSecond: Math.round(total / measured.measured.seconds),
        memory: measured.measured.memory,
        verdicts: measured.replay.verdicts,
        state: measured.replay.state,
      };
    } else if (options.steadyEvents > 0) {
      progress('no range held by an account with a same-Party neighbour: steady-state phase skipped');
    }

    const events = options.events;
    return {
      format: REPLAY_BENCH_FORMAT,
      machine,
      parameters: { events, seed: options.seed, parties: options.parties, rulebook: `${rulebook.name} (${options.rulebook})` },
      history: { events, bytes, megabytes: round(bytes / 1024 ** 2, 1), head: imported.result.head },
      setup: {
        generate: { seconds: generated.seconds, cpuSeconds: generated.cpuSeconds, eventsPerSecond: Math.round(events / generated.seconds), memory: generated.memory },
        importSqlite: {
          seconds: imported.seconds,
          cpuSeconds: imported.cpuSeconds,
          eventsPerSecond: Math.round(events / imported.seconds),
          validateSeconds: imported.result.validateSeconds,
          appendSeconds: imported.result.appendSeconds,
          databaseMegabytes: round(databaseBytes(dir) / 1024 ** 2, 1),
          memory: imported.memory,
        },
      },
      phases: {
        floor: figures(floor, events, null),
        decode: figures(decoded, events, floor),
        replayFromNdjson: { ...figures(fromNdjson.measured, events, floor), ...fromNdjson.passes },
        replayFromSqlite: figures(fromSqlite.measured, events, floor),
      },
      replay: {
        ...ndjsonReplay,
        sameReportFromSqlite: sqliteReplay.digest === ndjsonReplay.digest,
        ...(sqliteReplay.digest === ndjsonReplay.digest ? {} : { fromSqlite: sqliteReplay }),
      },
      ...(steady === undefined ? {} : { steadyState: steady }),
    };
  } finally {
    await opened.store.close();
    if (options.keep) progress(`kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

function databaseBytes(dir: string): number {
  let total = 0;
  for (const name of ['ledger.db', 'ledger.db-wal']) {
    try {
      total += statSync(join(dir, name)).size;
    } catch {
      // No WAL file once SQLite checkpointed it away.
    }
  }
  return total;
}

if (resolve(process.argv[1] ?? '') === resolve(import.meta.filename)) {
  const report = await runReplayBench(parseOptions(process.argv.slice(2)));
  process.stdout.write(JSON.stringify(report, null, 2) + '\n');
}
