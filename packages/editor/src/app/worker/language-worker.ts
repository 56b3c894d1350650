import { createDslBackend } from './dsl-backend.ts';
import { DiagnosticsScheduler } from './diagnostics-scheduler.ts';
import { LanguageSession } from './language-session.ts';
import type { PageToWorker, ServiceMethod, ServiceRequests, WorkerToPage } from './protocol.ts';

/**
 * The language worker's entry: parses and checks rulebooks off the page's main thread and answers
 * language-service requests. Loaded by the page with `new Worker(new URL(...), { type: 'module' })`.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: WorkerToPage): void => scope.postMessage(message);

const session = new LanguageSession(createDslBackend());
const scheduler = new DiagnosticsScheduler(session, (files, durationMs) =>
  post({ type: 'diagnostics', files, durationMs }),
);

scope.onmessage = (event: MessageEvent<PageToWorker>) => {
  const message = event.data;
  switch (message.type) {
    case 'open':
      session.open(message.path, message.text, message.version);
      scheduler.changed();
      return;
    case 'edit':
      session.edit(message.path, message.changes, message.version);
      scheduler.changed();
      return;
    case 'close':
      session.close(message.path);
      scheduler.changed();
      return;
    case 'library':
      session.setLibraryFile(message.path, message.text);
      scheduler.changed();
      return;
    case 'request':
      answer(message.id, message.method, message.params);
      return;
  }
};

function answer(id: number, method: ServiceMethod, params: ServiceRequests[ServiceMethod]['params']): void {
  try {
    // The params type is tied to `method` by the protocol; TypeScript cannot follow it through a union.
    const result = session.request(method, params as never);
    post({ type: 'response', id, ok: true, result });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    post({ type: 'response', id, ok: false, error: { code: 'editor.worker_failure', message } });
  }
}

post({ type: 'ready' });
