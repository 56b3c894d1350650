import type { Worker } from 'node:worker_threads';
import { ApiError } from '../server/http/api-error.ts';
import type { CheckOutcome, CheckReply, CheckRequest } from './check-protocol.ts';
import { startWorker } from './start-worker.ts';

export interface CheckLimits {
  /** Checks running at once (one worker thread each). */
  readonly concurrency: number;
  /** Checks waiting for a worker; beyond that 503 `server.busy`. */
  readonly queue: number;
  /** Wall-clock limit of one check, queueing excluded (worker start-up included); then 503 `check.timeout`. */
  readonly timeoutMs: number;
  /** Heap of one check worker; a check that needs more gets 422 `dsl.too_large`. */
  readonly maxHeapMb: number;
}

export const DEFAULT_CHECK_LIMITS: CheckLimits = { concurrency: 2, queue: 16, timeoutMs: 10_000, maxHeapMb: 512 };

interface Waiting {
  readonly entry: string;
  readonly sources: Readonly<Record<string, string>>;
  readonly resolve: (outcome: CheckOutcome) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Language checks of `POST /api/check` and `PUT /api/rulebooks` (docs/reliability.md "Bounded
 * checks"): each runs in a worker thread with a heap limit and a time limit, so the server's event
 * loop keeps answering (`/api/health` included) while a hostile text is checked. Idle workers are
 * kept for the next check; a worker that timed out or ran out of memory is terminated and replaced.
 */
export class CheckPool {
  private readonly idle: Worker[] = [];
  private readonly waiting: Waiting[] = [];
  private nextId = 1;
  /** Checks running now (tests wait on it). */
  running = 0;
  private closed = false;

  constructor(
    readonly limits: CheckLimits = DEFAULT_CHECK_LIMITS,
    private readonly workerUrl: URL = new URL('./check-worker.ts', import.meta.url),
  ) {}

  check(entry: string, sources: Readonly<Record<string, string>>): Promise<CheckOutcome> {
    if (this.closed) return Promise.reject(new ApiError(503, 'server.shutting_down', 'the server is shutting down'));
    if (this.running >= this.limits.concurrency && this.waiting.length >= this.limits.queue) {
      return Promise.reject(new ApiError(503, 'server.busy', `${this.running} rulebook checks are running and ${this.waiting.length} waiting; try again shortly`));
    }
    return new Promise((resolve, reject) => {
      this.waiting.push({ entry, sources, resolve, reject });
      this.drain();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.waiting.splice(0)) task.reject(new ApiError(503, 'server.shutting_down', 'the server is shutting down'));
    await Promise.all(this.idle.splice(0).map((worker) => worker.terminate()));
  }

  private drain(): void {
    while (this.running < this.limits.concurrency && this.waiting.length > 0) {
      const task = this.waiting.shift()!;
      this.running += 1;
      this.run(task)
        .then(task.resolve, task.reject)
        .finally(() => {
          this.running -= 1;
          this.drain();
        });
    }
  }

  private run(task: Waiting): Promise<CheckOutcome> {
    const worker = this.idle.pop() ?? startWorker(this.workerUrl, {}, { maxOldGenerationSizeMb: this.limits.maxHeapMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 8 });
    const request: CheckRequest = { id: this.nextId++, entry: task.entry, sources: task.sources };
    return new Promise<CheckOutcome>((resolve, reject) => {
      const finish = (reusable: boolean) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        if (reusable && !this.closed) {
          // An idle worker must not keep the process alive.
          worker.unref();
          this.idle.push(worker);
        } else void worker.terminate();
      };
      const onMessage = (reply: CheckReply) => {
        if (reply.id !== request.id) return;
        finish(true);
        if (reply.ok) resolve({ diagnostics: reply.diagnostics, rulebooks: reply.rulebooks });
        else reject(new ApiError(500, 'server.internal', 'the check failed; see the server log'));
      };
      const onError = (error: Error & { code?: string }) => {
        finish(false);
        if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
          reject(new ApiError(422, 'dsl.too_large', `checking ${task.entry} needs more than ${this.limits.maxHeapMb} MB; the text is too large to check`));
        } else {
          process.stderr.write(`check worker: ${error.stack ?? error.message}\n`);
          reject(new ApiError(500, 'server.internal', 'the check failed; see the server log'));
        }
      };
      const onExit = () => {
        finish(false);
        reject(new ApiError(500, 'server.internal', 'the check worker exited; see the server log'));
      };
      const timer = setTimeout(() => {
        finish(false);
        reject(new ApiError(503, 'check.timeout', `checking ${task.entry} took longer than ${this.limits.timeoutMs} ms and was stopped`));
      }, this.limits.timeoutMs);
      worker.ref();
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage(request);
    });
  }
}
