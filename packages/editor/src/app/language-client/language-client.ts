import type {
  FileDiagnostics,
  PageToWorker,
  ServiceMethod,
  ServiceRequests,
  TextChange,
  WorkerToPage,
} from '../worker/index.ts';

/** A request the worker could not answer, with the worker's code (`editor.worker_failure`). */
class LanguageRequestFailed extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'LanguageRequestFailed';
  }
}

export interface DiagnosticsListener {
  (files: readonly FileDiagnostics[], durationMs: number): void;
}

/** The part of a `Worker` the client uses, so tests can hand it a `MessageChannel` port. */
export interface WorkerEndpoint {
  postMessage(message: PageToWorker): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<WorkerToPage>) => void): void;
  addEventListener(type: 'error', listener: (event: Event) => void): void;
}

/** The page's handle on the language worker: file sync, diagnostics, typed service requests. */
export class LanguageClient {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private readonly diagnosticsListeners = new Set<DiagnosticsListener>();
  /** Settles once the worker has loaded the language (rejects when the worker fails to start). */
  readonly ready: Promise<void>;

  constructor(private readonly worker: WorkerEndpoint) {
    let resolveReady!: () => void;
    let rejectReady!: (error: Error) => void;
    this.ready = new Promise((resolve, reject) => {
      resolveReady = resolve;
      rejectReady = reject;
    });
    worker.addEventListener('message', (event: MessageEvent<WorkerToPage>) => {
      const message = event.data;
      switch (message.type) {
        case 'ready':
          resolveReady();
          return;
        case 'diagnostics':
          for (const listener of this.diagnosticsListeners) listener(message.files, message.durationMs);
          return;
        case 'response': {
          const waiting = this.pending.get(message.id);
          if (!waiting) return;
          this.pending.delete(message.id);
          if (message.ok) waiting.resolve(message.result);
          else waiting.reject(new LanguageRequestFailed(message.error.code, message.error.message));
          return;
        }
      }
    });
    worker.addEventListener('error', (event: Event) => {
      const detail = event instanceof ErrorEvent ? event.message : 'the language worker failed to start';
      const failure = new LanguageRequestFailed('editor.worker_failure', detail);
      rejectReady(failure);
      for (const waiting of this.pending.values()) waiting.reject(failure);
      this.pending.clear();
    });
  }

  open(path: string, text: string, version: number): void {
    this.worker.postMessage({ type: 'open', path, text, version });
  }

  edit(path: string, changes: readonly TextChange[], version: number): void {
    this.worker.postMessage({ type: 'edit', path, changes, version });
  }

  close(path: string): void {
    this.worker.postMessage({ type: 'close', path });
  }

  /** A stored file the open ones may import, without opening it. */
  library(path: string, text: string): void {
    this.worker.postMessage({ type: 'library', path, text });
  }

  onDiagnostics(listener: DiagnosticsListener): () => void {
    this.diagnosticsListeners.add(listener);
    return () => this.diagnosticsListeners.delete(listener);
  }

  request<M extends ServiceMethod>(method: M, params: ServiceRequests[M]['params']): Promise<ServiceRequests[M]['result']> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.worker.postMessage({ type: 'request', id, method, params });
    });
  }
}

/** Starts the language worker (bundled by Vite from `worker/language-worker.ts`). */
export function startLanguageWorker(): Worker {
  return new Worker(new URL('../worker/language-worker.ts', import.meta.url), {
    type: 'module',
    name: 'a6-language',
  });
}
