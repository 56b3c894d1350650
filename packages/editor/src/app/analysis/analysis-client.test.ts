import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AnalysisClient } from './analysis-client.ts';

// A report computed by the real engine (`a6 replay --json`, worked example under bilateral-singapore.a6).
const REPORT = readFileSync(new URL('../charts/fixtures/worked-example.replay.json', import.meta.url), 'utf8');

/** A `text/event-stream` response whose body the test writes message by message. */
function streamingResponse(): { response: Response; send(event: string, data: unknown): void; end(): void; abort(): void } {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) });
  const encoder = new TextEncoder();
  return {
    response: new Response(body, { headers: { 'content-type': 'text/event-stream; charset=utf-8' } }),
    send: (event, data) => controller.enqueue(encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`)),
    end: () => controller.close(),
    // What fetch does to a body whose request signal aborts.
    abort: () => controller.error(new DOMException('The operation was aborted.', 'AbortError')),
  };
}

describe('AnalysisClient', () => {
  it('streams job, progress and the replay report', async () => {
    const stream = streamingResponse();
    const requests: { url: string; init?: RequestInit }[] = [];
    const client = new AnalysisClient(async (url, init) => {
      requests.push({ url, init });
      return stream.response;
    });
    const seen: unknown[] = [];
    const run = client.replay(
      { history: 'worked-example', rulebooks: [{ file: 'bilateral-singapore.a6' }] },
      { onJob: (job) => seen.push(['job', job]), onProgress: (progress) => seen.push(['progress', progress]) },
    );
    stream.send('job', { id: 'j-1', kind: 'replay', history: 'worked-example', total: 15 });
    stream.send('progress', { done: 15, total: 15 });
    stream.send('result', JSON.parse(REPORT));
    stream.end();
    const outcome = await run.outcome;
    expect(outcome.status).toBe('done');
    expect(outcome.status === 'done' && outcome.report.verdicts).toEqual({ accepted: 15, rejected: 0, findings: 0 });
    expect(seen).toEqual([
      ['job', { id: 'j-1', total: 15 }],
      ['progress', { done: 15, total: 15 }],
    ]);
    expect(requests[0]!.url).toBe('api/replay');
    expect(requests[0]!.init).toMatchObject({ method: 'POST', headers: { accept: 'text/event-stream' } });
  });

  it('cancels a named job with DELETE /api/jobs/:id and closes the stream', async () => {
    const stream = streamingResponse();
    const requests: string[] = [];
    const client = new AnalysisClient(
      async (url, init) => {
        requests.push(`${init?.method} ${url} ${JSON.stringify(init?.headers)}`);
        if (init?.method === 'DELETE') return new Response('{"state":"cancelling"}', { status: 202, headers: { 'content-type': 'application/json' } });
        init?.signal?.addEventListener('abort', () => stream.abort());
        return stream.response;
      },
      'api',
      () => 'tok',
    );
    let jobNamed!: () => void;
    const named = new Promise<void>((resolve) => (jobNamed = resolve));
    const run = client.compare({ history: 'main', rulebooks: [{ file: 'a.a6' }, { file: 'b.a6' }] }, { onJob: () => jobNamed() });
    stream.send('job', { id: 'j 2', total: 100 });
    await named;
    await run.cancel();
    expect(await run.outcome).toEqual({ status: 'cancelled' });
    expect(requests).toHaveLength(2);
    expect(requests[1]).toBe('DELETE api/jobs/j%202 {"accept":"application/json","authorization":"Bearer tok"}');
  });

  it('reports refusals and failed jobs as data', async () => {
    const refusing = new AnalysisClient(async () =>
      new Response(JSON.stringify({ error: { code: 'server.unknown_rulebook_file', message: 'no saved rulebook file nope.a6' } }), {
        status: 404,
        headers: { 'content-type': 'application/json' },
      }),
    );
    expect(await refusing.replay({ history: 'main', rulebooks: [{ file: 'nope.a6' }] }).outcome).toMatchInlineSnapshot(`
      {
        "issue": {
          "code": "editor.server_error",
          "message": "POST api/replay failed: server.unknown_rulebook_file: no saved rulebook file nope.a6",
          "serverCode": "server.unknown_rulebook_file",
          "status": 404,
        },
        "status": "failed",
      }
    `);

    const stream = streamingResponse();
    const failing = new AnalysisClient(async () => stream.response);
    const run = failing.replay({ history: 'main', rulebooks: [{ source: 'rulebook x { nope }', file: 'scratch.a6' }] });
    stream.send('job', { id: 'j-3', total: 1 });
    stream.send('error', { error: { code: 'dsl.check_failed', message: 'scratch.a6: 1 error', details: [{ code: 'dsl.syntax' }] } });
    stream.end();
    expect(await run.outcome).toEqual({
      status: 'failed',
      issue: { code: 'editor.server_error', message: 'dsl.check_failed: scratch.a6: 1 error', serverCode: 'dsl.check_failed', details: [{ code: 'dsl.syntax' }] },
    });
  });

  it('fetches the HTML compare report with Accept: text/html', async () => {
    let accept: string | undefined;
    const client = new AnalysisClient(async (_url, init) => {
      accept = (init?.headers as Record<string, string>).accept;
      return new Response('<!doctype html><title>compare</title>', { headers: { 'content-type': 'text/html; charset=utf-8' } });
    });
    expect(await client.compareHtml({ history: 'main', rulebooks: [{ file: 'a.a6' }, { file: 'b.a6' }] })).toEqual({ ok: true, value: '<!doctype html><title>compare</title>' });
    expect(accept).toBe('text/html');
  });
});
