import { randomUUID } from 'node:crypto';
import type { StoredEvent } from '@a6/ledger';
import type { EventStore } from '@a6/ledger/store';
import type { AnalysisRequestWork, AnalysisWork, JobFailure, ServerMessage, WorkerMessage } from './job-protocol.ts';
import { startWorker } from './start-worker.ts';

export interface JobLimits {
  /** Jobs running at once (each is one worker thread, i.e. one core while it folds). */
  readonly concurrency: number;
  /** Jobs waiting for a slot; beyond that a request gets 503 `server.busy`. */
  readonly queue: number;
  /** Wall-clock limit of one job, queueing excluded. */
  readonly timeoutMs: number;
  /** Largest history a job may fold. */
  readonly maxHistoryEvents: number;
  /** Events per page sent to a worker. */
  readonly pageSize: number;
}

export const DEFAULT_JOB_LIMITS: JobLimits = { concurrency: 2, queue: 8, timeoutMs: 5 * 60_000, maxHistoryEvents: 20_000_000, pageSize: 2000 };

export type JobState = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

export type JobResult = { readonly ok: true; readonly report: unknown; readonly html?: string } | { readonly ok: false; readonly error: JobFailure };

export interface JobProgress {
  readonly done: number;
  readonly total: number;
}

export interface JobRequest {
  /** The history a replay or compare folds; `null` for a diff, which generates its own. */
  readonly history: string | null;
  readonly work: AnalysisRequestWork;
  /** Who may cancel it besides an admin: the token hash, or `null` for anonymous callers. */
  readonly owner: string | null;
}

/** One replay, compare or diff; `result` always resolves (failures and cancellations are results). */
export class Job {
  readonly id = randomUUID();
  state: JobState = 'queued';
  progress: JobProgress;
  readonly result: Promise<JobResult>;
  private settle!: (result: JobResult) => void;
  private readonly listeners = new Set<(progress: JobProgress) => void>();
  /** Set while running: stops the worker and the page feed. */
  stop: ((failure: JobFailure) => void) | null = null;

  constructor(
    readonly request: JobRequest,
    readonly total: number,
  ) {
    this.progress = { done: 0, total };
    this.result = new Promise((resolve) => (this.settle = resolve));
  }

  onProgress(listener: (progress: JobProgress) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  report(progress: JobProgress): void {
    this.progress = progress;
    for (const listener of this.listeners) listener(progress);
  }

  finish(result: JobResult, state: JobState): void {
    if (this.state === 'done' || this.state === 'failed' || this.state === 'cancelled') return;
    this.state = state;
    this.stop = null;
    this.listeners.clear();
    this.settle(result);
  }
}

const CANCELLED: JobFailure = { status: 409, code: 'server.job_cancelled', message: 'the job was cancelled' };

/**
 * Runs replays and compares in worker threads, never on the server's event loop (cli.md "Server"):
 * bounded concurrency with a bounded queue, a timeout per job, a history size limit, and cancellation
 * (the request's connection closing, or `DELETE /api/jobs/:id`) that terminates the worker at once.
 */
export class JobPool {
  private readonly jobs = new Map<string, Job>();
  private readonly waiting: Job[] = [];
  private running = 0;

  constructor(
    private readonly store: EventStore,
    readonly limits: JobLimits = DEFAULT_JOB_LIMITS,
    private readonly workerUrl: URL = new URL('./analysis-worker.ts', import.meta.url),
  ) {}

  /** Queues a job; throws the failure (status + code) when it cannot even be queued. */
  async submit(request: JobRequest): Promise<Job> {
    const total = await this.totalOf(request);
    if (this.running >= this.limits.concurrency && this.waiting.length >= this.limits.queue) {
      throw failure({ status: 503, code: 'server.busy', message: `${this.running} analyses are running and ${this.waiting.length} waiting; try again shortly` });
    }
    const job = new Job(request, total);
    this.jobs.set(job.id, job);
    // `result` never rejects (see Job), so this cleanup cannot leave an unhandled rejection.
    void job.result.then(() => {
      // Keep finished jobs briefly so a late DELETE gets a sensible answer, then forget them.
      setTimeout(() => this.jobs.delete(job.id), 60_000).unref();
    });
    this.waiting.push(job);
    this.drain();
    return job;
  }

  /** What a job counts progress in: the events of its history, or the histories a diff may try. */
  private async totalOf(request: JobRequest): Promise<number> {
    if (request.history === null) return request.work.kind === 'diff' ? (request.work.witness?.histories ?? 0) : 0;
    const head = await this.store.head(request.history);
    if (head.events === 0) throw failure({ status: 404, code: 'server.unknown_history', message: `no history ${request.history} (it has no events)` });
    if (head.events > this.limits.maxHistoryEvents) {
      throw failure({ status: 413, code: 'server.history_too_large', message: `history ${request.history} has ${head.events} events; this server analyses at most ${this.limits.maxHistoryEvents} per job (use the CLI)` });
    }
    return head.events;
  }

  get(id: string): Job | undefined {
    return this.jobs.get(id);
  }

  /** Cancels a queued or running job; false when it had already finished. */
  cancel(id: string, reason: JobFailure = CANCELLED): boolean {
    const job = this.jobs.get(id);
    if (job === undefined || job.state === 'done' || job.state === 'failed' || job.state === 'cancelled') return false;
    if (job.state === 'queued') {
      this.waiting.splice(this.waiting.indexOf(job), 1);
      job.finish({ ok: false, error: reason }, 'cancelled');
      return true;
    }
    job.stop?.(reason);
    return true;
  }

  /** Cancels everything (server shutdown). */
  async close(): Promise<void> {
    const pending = [...this.jobs.values()].map((job) => job.result);
    for (const id of [...this.jobs.keys()]) this.cancel(id, { status: 503, code: 'server.shutting_down', message: 'the server is shutting down' });
    await Promise.all(pending);
  }

  private drain(): void {
    while (this.running < this.limits.concurrency && this.waiting.length > 0) {
      const job = this.waiting.shift()!;
      this.running += 1;
      // Fire-and-forget: a failure outside the worker (starting it, closing the history reader)
      // fails the job instead of escaping as an unhandled rejection that would stop the server.
      void this.run(job)
        .catch((error: unknown) => job.finish(internal(error), 'failed'))
        .finally(() => {
          this.running -= 1;
          this.drain();
        });
    }
  }

  private async run(job: Job): Promise<void> {
    job.state = 'running';
    const work = { ...job.request.work, total: job.total } as AnalysisWork;
    const worker = startWorker(this.workerUrl, work);
    // A diff reads no history: its worker never asks for a page.
    const pages = job.request.history === null ? emptyPages() : this.store.readHistory(job.request.history, { batchSize: this.limits.pageSize })[Symbol.asyncIterator]();
    let sent = 0;
    let outcome: { result: JobResult; state: JobState } | null = null;
    const end = (result: JobResult, state: JobState) => {
      if (outcome === null) outcome = { result, state };
      // The outcome is recorded; the worker's 'exit' event (awaited below) is what ends the run.
      void worker.terminate();
    };
    const timer = setTimeout(
      () => end({ ok: false, error: { status: 503, code: 'server.job_timeout', message: `the job ran longer than ${this.limits.timeoutMs} ms and was stopped` } }, 'failed'),
      this.limits.timeoutMs,
    );
    job.stop = (reason) => end({ ok: false, error: reason }, 'cancelled');

    const sendPage = async () => {
      const events: StoredEvent[] = [];
      while (sent < job.total && events.length < this.limits.pageSize) {
        const next = await pages.next();
        if (next.done) break;
        events.push(next.value);
        sent += 1;
      }
      if (outcome !== null) return;
      const message: ServerMessage = events.length === 0 ? { type: 'end' } : { type: 'events', events };
      worker.postMessage(message);
    };

    worker.on('message', (message: WorkerMessage) => {
      switch (message.type) {
        case 'pull':
          sendPage().catch((error: unknown) => end(internal(error), 'failed'));
          return;
        case 'progress':
          job.report({ done: message.done, total: message.total });
          return;
        case 'done':
          end(message.html === undefined ? { ok: true, report: message.report } : { ok: true, report: message.report, html: message.html }, 'done');
          return;
        case 'failed':
          end({ ok: false, error: message.error }, 'failed');
          return;
      }
    });
    worker.on('error', (error) => end(internal(error), 'failed'));
    await new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    clearTimeout(timer);
    await pages.return?.();
    const final: { result: JobResult; state: JobState } = outcome ?? { result: internal(new Error('the worker exited without a result')), state: 'failed' };
    job.finish(final.result, final.state);
  }
}

function emptyPages(): AsyncIterator<StoredEvent> {
  return { next: async () => ({ done: true, value: undefined }) };
}

/** A job failure thrown before the job exists (the route maps it to its status). */
export class JobRefused extends Error {
  constructor(readonly failure: JobFailure) {
    super(failure.message);
    this.name = 'JobRefused';
  }
}

function failure(body: JobFailure): JobRefused {
  return new JobRefused(body);
}

function internal(error: unknown): JobResult {
  process.stderr.write(`analysis job: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return { ok: false, error: { status: 500, code: 'server.internal', message: 'the analysis failed; see the server log' } };
}
