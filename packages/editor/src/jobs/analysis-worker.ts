import { parentPort, workerData } from 'node:worker_threads';
import { buildReplayReport, findLedgerFunction, replay, toHistoryEvent, type CompiledRulebook, type HistoryEvent } from '../server/platform.ts';
import { compileFromSources } from '../server/rulebooks/rulebook-workspace.ts';
import type { AnalysisWork, JobFailure, ServerMessage, WorkerMessage } from './job-protocol.ts';

/**
 * Worker thread entry: compiles the requested rulebooks, pulls the history page by page from the
 * server thread and folds it through the ledger's `replay` or `compare`. Progress is counted here, as
 * events are handed to the engine, and posted at most every 200 ms.
 */
type CompareFunction = (events: AsyncIterable<HistoryEvent>, rulebooks: readonly CompiledRulebook[], options: { asOf?: string }) => unknown;
type HtmlRenderer = (report: unknown) => string;

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
  let report: unknown;
  if (work.kind === 'replay') {
    report = buildReplayReport(await replay(historyEvents(), rulebooks[0]!, options));
  } else {
    const compare = await findLedgerFunction<CompareFunction>('compare', ['compare/index.ts', 'compare/compare.ts']);
    if (compare === undefined) return fail(notAvailable('compare (the ledger does not export `compare` yet)'));
    const outcome = await compare(historyEvents(), rulebooks, options);
    // Like replay, compare may return an outcome that a report builder turns into `a6.compare/1`.
    const build = await findLedgerFunction<(outcome: unknown) => unknown>('buildCompareReport', ['compare/index.ts', 'report/index.ts']);
    report = build === undefined ? outcome : build(outcome);
  }
  if (!work.html) return post({ type: 'done', report });
  const render = await findLedgerFunction<HtmlRenderer>('renderCompareHtml', ['compare/index.ts', 'report/index.ts', 'report/html/index.ts']);
  if (render === undefined) return fail(notAvailable('the HTML compare report (no `renderCompareHtml` yet); ask for JSON'));
  post({ type: 'done', report, html: render(report) });
}

function notAvailable(what: string): JobFailure {
  return { status: 501, code: 'server.not_available', message: `not available on this server yet: ${what}` };
}

run().catch((error: unknown) => {
  // Report the message only: the stack stays in the worker's stderr, never in a response.
  process.stderr.write(`analysis worker: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  fail({ status: 500, code: 'server.internal', message: 'the analysis failed; see the server log' });
});
