import {
  authorization,
  failure,
  isRecord,
  serverRefusal,
  type Fetcher,
  type ServerIssue,
  type ServerResult,
  type TokenSource,
} from '../server-api/index.ts';
import type { CompareReport, DiffReport, ReplayReport } from '@a6/ledger';
import { decodeDiffReport, type DiffRequest } from './diff-request.ts';
import { decodeCompareReport, decodeReplayReport } from './report-decoders.ts';
import { EventStreamParser, type ServerSentMessage } from './event-stream-parser.ts';

/** A rulebook of a request (cli.md "Server"): a saved file, or unsaved text under the file name it has in the editor. */
export type RulebookReference =
  | { readonly file: string; readonly name?: string }
  | { readonly source: string; readonly name?: string; readonly file?: string };

export interface AnalysisRequest {
  readonly history: string;
  readonly rulebooks: readonly RulebookReference[];
  readonly asOf?: string;
}

export interface JobStarted {
  readonly id: string;
  /** Events the job folds. */
  readonly total: number;
}

export interface AnalysisProgress {
  readonly done: number;
  readonly total: number;
}

export interface AnalysisListener {
  onJob?(job: JobStarted): void;
  onProgress?(progress: AnalysisProgress): void;
}

export type AnalysisOutcome<R> =
  | { readonly status: 'done'; readonly report: R }
  | { readonly status: 'failed'; readonly issue: ServerIssue }
  | { readonly status: 'cancelled' };

/** A running replay or compare: its outcome, and the way to stop it. */
export interface AnalysisRun<R> {
  readonly outcome: Promise<AnalysisOutcome<R>>;
  /** Stops the job: `DELETE /api/jobs/:id` once the server has named it, and the connection is closed either way. */
  cancel(): Promise<void>;
}

/**
 * Replays and compares on the server (`POST /api/replay`, `POST /api/compare`) with progress as
 * server-sent events; the first event names the job, which is what `DELETE /api/jobs/:id` needs.
 * Failures are data, as in `ServerApi`.
 */
export class AnalysisClient {
  constructor(
    private readonly fetcher: Fetcher = (input, init) => fetch(input, init),
    private readonly baseUrl = 'api',
    private readonly token: TokenSource = () => null,
  ) {}

  replay(request: AnalysisRequest, listener: AnalysisListener = {}): AnalysisRun<ReplayReport> {
    return this.run('/replay', request, decodeReplayReport, listener);
  }

  compare(request: AnalysisRequest, listener: AnalysisListener = {}): AnalysisRun<CompareReport> {
    return this.run('/compare', request, decodeCompareReport, listener);
  }

  /** `POST /api/diff` (docs/api.md "Rulebook diffs"): the `a6.diff/1` document; with `witness`, the search, with progress. */
  diff(request: DiffRequest, listener: AnalysisListener = {}): AnalysisRun<DiffReport> {
    return this.run('/diff', request, decodeDiffReport, listener);
  }

  /** The self-contained HTML compare report (`Accept: text/html`). */
  async compareHtml(request: AnalysisRequest): Promise<ServerResult<string>> {
    const url = `${this.baseUrl}/compare`;
    let response: Response;
    try {
      response = await this.fetcher(url, {
        method: 'POST',
        headers: { accept: 'text/html', 'content-type': 'application/json', ...authorization(this.token) },
        body: JSON.stringify(request),
      });
    } catch (error) {
      return failure('editor.server_unreachable', `server not reachable (POST ${url}: ${reason(error)})`);
    }
    const contentType = response.headers.get('content-type') ?? '';
    if (!response.ok) return serverRefusal(`POST ${url}`, response, contentType.includes('json') ? await response.json().catch(() => null) : null);
    if (!contentType.includes('text/html')) return failure('editor.bad_response', `POST ${url}: expected text/html, got ${contentType || 'no content type'}`);
    return { ok: true, value: await response.text() };
  }

  private run<R>(path: string, request: AnalysisRequest | DiffRequest, decode: (body: unknown) => R | undefined, listener: AnalysisListener): AnalysisRun<R> {
    const job: JobHandle<R> = { url: `${this.baseUrl}${path}`, path, decode, listener, connection: new AbortController(), id: null, cancelled: false };
    return { outcome: this.outcomeOf(job, request), cancel: () => this.cancel(job) };
  }

  private async outcomeOf<R>(job: JobHandle<R>, request: AnalysisRequest | DiffRequest): Promise<AnalysisOutcome<R>> {
    const { url } = job;
    let response: Response;
    try {
      response = await this.fetcher(url, {
        method: 'POST',
        headers: { accept: 'text/event-stream', 'content-type': 'application/json', ...authorization(this.token) },
        body: JSON.stringify(request),
        signal: job.connection.signal,
      });
    } catch (error) {
      if (job.cancelled) return { status: 'cancelled' };
      return { status: 'failed', issue: failure('editor.server_unreachable', `server not reachable (POST ${url}: ${reason(error)})`).issue };
    }
    const contentType = response.headers.get('content-type') ?? '';
    if (!response.ok || !contentType.includes('text/event-stream')) {
      const body = contentType.includes('json') ? await response.json().catch(() => null) : null;
      if (!response.ok) return { status: 'failed', issue: serverRefusal(`POST ${url}`, response, body).issue };
      // Without the stream the server may still have sent the report itself.
      const report = job.decode(body);
      if (report !== undefined) return { status: 'done', report };
      return { status: 'failed', issue: failure('editor.server_unreachable', `server not reachable (POST ${url} answered ${response.status} with ${contentType || 'no content type'}, not the a6 API)`).issue };
    }
    if (response.body === null) return { status: 'failed', issue: failure('editor.bad_response', `POST ${url}: empty event stream`).issue };
    return readJobStream(job, response.body);
  }

  private async cancel(job: JobHandle<unknown>): Promise<void> {
    if (job.cancelled) return;
    job.cancelled = true;
    if (job.id !== null) {
      // Best effort: the closed connection below cancels the job too (cli.md).
      await this.fetcher(`${this.baseUrl}/jobs/${encodeURIComponent(job.id)}`, {
        method: 'DELETE',
        headers: { accept: 'application/json', ...authorization(this.token) },
      }).catch(() => undefined);
    }
    job.connection.abort();
  }
}

/** One replay or compare request: what it decodes and tells, and what `cancel` needs (the job id, once named). */
interface JobHandle<R> {
  readonly url: string;
  readonly path: string;
  readonly decode: (body: unknown) => R | undefined;
  readonly listener: AnalysisListener;
  readonly connection: AbortController;
  id: string | null;
  cancelled: boolean;
}

/** Reads the job's server-sent events until one settles it (result, error) or the stream ends. */
async function readJobStream<R>(job: JobHandle<R>, body: NonNullable<Response['body']>): Promise<AnalysisOutcome<R>> {
  const parser = new EventStreamParser();
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      for (const message of parser.push(value)) {
        const outcome = settleOn(job, message);
        if (outcome !== null) return outcome;
      }
    }
  } catch (error) {
    if (job.cancelled) return { status: 'cancelled' };
    return { status: 'failed', issue: failure('editor.server_unreachable', `the connection closed during the job (${reason(error)})`).issue };
  }
  if (job.cancelled) return { status: 'cancelled' };
  return { status: 'failed', issue: failure('editor.bad_response', `POST ${job.url}: the event stream ended without a result`).issue };
}

/** One event of the stream: `job` and `progress` are told to the listener (`null`: read on); `result` and `error` settle the job. */
function settleOn<R>(job: JobHandle<R>, message: ServerSentMessage): AnalysisOutcome<R> | null {
  let data: unknown;
  try {
    data = JSON.parse(message.data);
  } catch {
    return { status: 'failed', issue: failure('editor.bad_response', `POST ${job.url}: an event is not JSON`).issue };
  }
  if (message.event === 'job' && isRecord(data) && typeof data.id === 'string') {
    job.id = data.id;
    job.listener.onJob?.({ id: data.id, total: typeof data.total === 'number' ? data.total : 0 });
  } else if (message.event === 'progress' && isRecord(data) && typeof data.done === 'number' && typeof data.total === 'number') {
    job.listener.onProgress?.({ done: data.done, total: data.total });
  } else if (message.event === 'result') {
    const report = job.decode(data);
    return report === undefined
      ? { status: 'failed', issue: failure('editor.bad_response', `POST ${job.url}: the result is not an ${job.path === '/replay' ? 'a6.replay/1' : 'a6.compare/1'} report`).issue }
      : { status: 'done', report };
  } else if (message.event === 'error') {
    const error = isRecord(data) && isRecord(data.error) ? data.error : {};
    const serverCode = typeof error.code === 'string' ? error.code : 'server.job_failed';
    const text = typeof error.message === 'string' ? error.message : 'the job failed';
    if (serverCode === 'server.job_cancelled' || job.cancelled) return { status: 'cancelled' };
    return {
      status: 'failed',
      issue: { code: 'editor.server_error', message: `${serverCode}: ${text}`, serverCode, ...(error.details === undefined ? {} : { details: error.details }) },
    };
  }
  return null;
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
