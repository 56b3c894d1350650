import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HistoryEvent } from '@a6/ledger';
import { readEventStream, startApi, type ApiHarness } from './api-harness.ts';

/** Many small valid events, appended straight to the store (a long history for the jobs to chew on). */
async function lengthen(api: ApiHarness, count: number): Promise<void> {
  const events: HistoryEvent[] = [];
  for (let index = 0; index < count; index++) {
    events.push({ type: 'InventoryReported', id: `bulk-${index}`, at: '2024-01-01', data: { party: 'PER', year: 1000 + (index % 9000), emissions: index } });
  }
  await api.store.append('main', events);
}

function post(api: ApiHarness, path: string, body: unknown, init: { token?: string; accept?: string; signal?: AbortSignal } = {}): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: init.accept ?? 'text/event-stream' };
  if (init.token !== undefined) headers.authorization = `Bearer ${init.token}`;
  return fetch(`${api.url}${path}`, { method: 'POST', headers, body: JSON.stringify(body), signal: init.signal });
}

const REPLAY = { history: 'main', rulebooks: [{ file: 'api-test.a6', name: 'api_test' }] };

async function waitForState(api: ApiHarness, id: string, state: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const job = await api.call('GET', `/api/jobs/${id}`);
    if (job.body?.state === state) return;
    if (Date.now() > deadline) throw new Error(`job ${id} is ${job.body?.state}, not ${state}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('replay jobs: server-sent progress and cancellation', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    // Small pages make a job long enough to cancel mid-way.
    api = await startApi({ seed: 'history', jobs: { pageSize: 10 } });
    await lengthen(api, 20_000);
  });
  afterAll(async () => api.close());

  it('streams job (first), progress, then the report', async () => {
    const response = await post(api, '/api/replay', REPLAY);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const messages = await readEventStream(response, () => undefined);
    expect(messages[0]).toMatchObject({ event: 'job', data: { kind: 'replay', history: 'main', total: 20_021 } });
    expect(messages[0]!.data.id).toMatch(/^[0-9a-f-]{36}$/);
    const progress = messages.filter((message) => message.event === 'progress').map((message) => message.data.done);
    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.at(-1)).toBe(20_021);
    expect(messages.at(-1)).toMatchObject({ event: 'result', data: { format: 'a6.replay/1', history: { events: 20_021 } } });
  });

  it('DELETE /api/jobs/:id cancels: the stream ends with error server.job_cancelled', async () => {
    const reader = await api.token('reader');
    const response = await post(api, '/api/replay', REPLAY, { token: reader });
    let id = '';
    let cancelling: Promise<void> = Promise.resolve();
    const messages = await readEventStream(response, (message) => {
      if (message.event === 'job') {
        id = message.data.id;
        // Someone else may not cancel it; its owner may. Awaited below so a failed expectation fails here.
        cancelling = (async () => {
          const other = await api.call('DELETE', `/api/jobs/${id}`, { token: await api.token('reader') });
          expect(other.status).toBe(403);
          const cancelled = await api.call('DELETE', `/api/jobs/${id}`, { token: reader });
          expect(cancelled.status).toBe(202);
        })();
      }
    });
    await cancelling;
    expect(messages.at(-1)).toMatchInlineSnapshot(`
      {
        "data": {
          "error": {
            "code": "server.job_cancelled",
            "message": "the job was cancelled",
          },
        },
        "event": "error",
      }
    `);
    await waitForState(api, id, 'cancelled');
    const again = await api.call('DELETE', `/api/jobs/${id}`, { token: reader });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('server.job_finished');
  });

  it('closing the connection cancels the job', async () => {
    const abort = new AbortController();
    const response = await post(api, '/api/replay', REPLAY, { signal: abort.signal });
    let id = '';
    await readEventStream(response, (message) => {
      if (message.event !== 'job') return undefined;
      id = message.data.id;
      return 'stop';
    }).catch(() => undefined);
    abort.abort();
    await waitForState(api, id, 'cancelled');
  });
});

describe('job bounds', () => {
  it('a full pool answers 503 server.busy; a too large history 413; a slow job times out', async () => {
    const api = await startApi({ seed: 'history', jobs: { concurrency: 1, queue: 0, pageSize: 10, maxHistoryEvents: 30_000 } });
    try {
      await lengthen(api, 20_000);
      const abort = new AbortController();
      const first = await post(api, '/api/replay', REPLAY, { signal: abort.signal });
      let busy: Awaited<ReturnType<ApiHarness['call']>> | undefined;
      await readEventStream(first, (message) => {
        if (message.event === 'job') return 'stop';
        return undefined;
      });
      busy = await api.call('POST', '/api/replay', { body: REPLAY });
      abort.abort();
      expect(busy.status).toBe(503);
      expect(busy.headers.get('retry-after')).toBe('1');
      expect(busy.body.error.code).toBe('server.busy');
    } finally {
      await api.close();
    }

    const small = await startApi({ seed: 'history', jobs: { maxHistoryEvents: 5 } });
    try {
      const tooLarge = await small.call('POST', '/api/replay', { body: REPLAY });
      expect(tooLarge.status).toBe(413);
      expect(tooLarge.body.error.message).toMatchInlineSnapshot(`"history main has 21 events; this server analyses at most 5 per job (use the CLI)"`);
    } finally {
      await small.close();
    }

    const hasty = await startApi({ seed: 'history', jobs: { timeoutMs: 1 } });
    try {
      const timedOut = await hasty.call('POST', '/api/replay', { body: REPLAY });
      expect(timedOut.status).toBe(503);
      expect(timedOut.body.error).toMatchInlineSnapshot(`
        {
          "code": "server.job_timeout",
          "message": "the job ran longer than 1 ms and was stopped",
        }
      `);
    } finally {
      await hasty.close();
    }
  });
});
