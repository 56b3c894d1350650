import { parentPort, workerData } from 'node:worker_threads';
import type { CompiledRulebook } from '@a6/dsl';
import { COMPARE_RENDERINGS, buildAefReport, buildReplayReport, compareDetailed, replay, toHistoryEvent, type HistoryEvent } from '@a6/ledger';
import { compileFromSources } from '../server/rulebooks/rulebook-workspace.ts';
import { runDiff } from './diff-work.ts';
import type { AnalysisWork, HistoryAnalysisWork, JobFailure, ServerMessage, WorkerMessage } from './job-protocol.ts';

/**
 * Worker thread entry: compiles the requested rulebooks, pulls the history page by page from the
 * server thread and folds it through the ledger's `replay` or `compareDetailed`, as `a6 replay` and
 * `a6 compare` do (a diff, `diff-work.ts`, reads no history); the HTML compare page is the CLI's own rendering (`COMPARE_RENDERINGS.html`).
 * Progress is counted here, as events are handed to the engine, and posted at most every 200 ms.
 */

const PROGRESS_INTERVAL_MS = 200;

const port = parentPort!;
const work = workerData as AnalysisWork;
const post = (message: WorkerMessage) => port.postMessage(message);

const pages: ServerMessage[] = [];
let waiting: ((message: ServerMessage) => void) | null = null;
port.on('message', (message: ServerMessage) => {
  if (waiting !== null) {
    const resolve = waiting;
    waiting = null;
    resolve(message);
  } else pages.push(message);
});

function nextPage(): Promise<ServerMessage> {
  post({ type: 'pull' });
  const queued = pages.shift();
  return queued !== undefined ? Promise.resolve(queued) : new Promise((resolve) => (waiting = resolve));
}

async function* historyEvents(): AsyncGenerator<HistoryEvent> {
  let done = 0;
  let reported = Date.now();
  post({ type: 'progress', done, total: work.total });
  for (;;) {
    const page = await nextPage();
    if (page.type === 'end') break;
    for (const event of page.events) {
      yield toHistoryEvent(event);
      done += 1;
    }
    if (Date.now() - reported >= PROGRESS_INTERVAL_MS) {
      reported = Date.now();
      post({ type: 'progress', done, total: work.total });
    }
  }
  post({ type: 'progress', done, total: work.total });
}

function fail(error: JobFailure): void {
  post({ type: 'failed', error });
}

async function run(): Promise<void> {
  if (work.kind === 'diff') return runDiff(work, post);
  const rulebooks: CompiledRulebook[] = [];
  for (const choice of work.rulebooks) {
    const compiled = compileFromSources(work.sources, choice.entry, choice.name);
    if (!compiled.ok) {
      const first = compiled.diagnostics.find((diagnostic) => diagnostic.severity === 'error');
      return fail({ status: 422, code: 'rulebook.invalid', message: `${choice.entry}${choice.name === undefined ? '' : `#${choice.name}`}: ${first?.message ?? 'errors'}`, details: compiled.diagnostics });
    }
    rulebooks.push(compiled.rulebook);
  }
  const options = work.asOf === null ? {} : { asOf: work.asOf };
  if (work.kind === 'aef') return aef(work, rulebooks[0]!);
  if (work.kind === 'replay') {
    return post({ type: 'done', report: buildReplayReport(await replay(historyEvents(), rulebooks[0]!, options)) });
  }
  const outcome = await compareDetailed(historyEvents(), rulebooks, options);
  post(work.html ? { type: 'done', report: outcome.report, html: COMPARE_RENDERINGS.html!(outcome) } : { type: 'done', report: outcome.report });
}

/** The AEF of one Party and year (`GET /api/histories/:id/aef`, docs/api.md): the `a6.aef/1` report. */
async function aef(history: HistoryAnalysisWork, rulebook: CompiledRulebook): Promise<void> {
  const query = history.aef!;
  if (query.sha256 !== null && rulebook.sha256 !== query.sha256) {
    return fail({ status: 409, code: 'aef.rulebook_changed', message: `the saved file of rulebook ${rulebook.name} has changed since its adoption (sha256 ${query.sha256}); name one with rulebook=FILE.a6#NAME` });
  }
  const result = await buildAefReport(historyEvents(), rulebook, { party: query.party, year: query.year, version: query.version });
  if (!result.ok) return fail({ status: 422, code: result.error.code, message: result.error.message });
  post({ type: 'done', report: result.report });
}

run().catch((error: unknown) => {
  // Report the message only: the stack stays in the worker's stderr, never in a response.
  process.stderr.write(`analysis worker: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  fail({ status: 500, code: 'server.internal', message: 'the analysis failed; see the server log' });
});
