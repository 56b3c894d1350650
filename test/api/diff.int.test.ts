import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEventStream, startApi, type ApiHarness } from './api-harness.ts';

const EXAMPLES = new URL('../../examples/rulebooks/', import.meta.url);
const example = (file: string): string => readFileSync(new URL(file, EXAMPLES), 'utf8');

const GLASGOW = { file: 'glasgow-2021.a6' };
const AVERAGING = { file: 'corresponding-adjustments.a6', name: 'single_year_averaging' };
/** A count budget the search ends well within, so the result is the same on a loaded machine. */
const WITNESS = { histories: 300, budgetMs: 60_000 };

describe('POST /api/diff', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await startApi({ seed: 'none' });
    for (const file of ['glasgow-2021.a6', 'corresponding-adjustments.a6', 'cdm-transition.a6']) await api.workspace.save(file, example(file));
  });
  afterAll(async () => api.close());

  it('two saved rulebooks: the a6.diff/1 document, without a search unless asked', async () => {
    const response = await api.call('POST', '/api/diff', { body: { a: GLASGOW, b: AVERAGING } });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      format: 'a6.diff/1',
      rulebooks: [{ side: 'a', name: 'glasgow_2021', file: 'glasgow-2021.a6' }, { side: 'b', name: 'single_year_averaging' }],
      differences: [{ kind: 'option', option: 'adjustment.single_year', a: { value: 'party_method' }, b: { value: 'averaging' } }],
      witness: null,
      searched: { status: 'not_requested' },
    });
  });

  it('with witness: the search runs as a job, streams progress, and finds the same witness as a6 diff', async () => {
    const response = await fetch(`${api.url}/api/diff`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ a: GLASGOW, b: AVERAGING, witness: WITNESS }),
    });
    expect(response.status).toBe(200);
    const messages = await readEventStream(response, () => undefined);
    expect(messages[0]).toMatchObject({ event: 'job', data: { kind: 'diff', total: 300 } });
    expect(messages.some((message) => message.event === 'progress' && message.data.total === 300)).toBe(true);
    const result = messages.at(-1)!;
    expect(result.event).toBe('result');
    expect(result.data.witness).toMatchObject({ kind: 'figure', minimal: true, found: { history: 14 } });
    expect(result.data.witness.events).toHaveLength(7);
    expect(result.data.searched).toMatchObject({ status: 'found', seed: '1', max_events: 24, histories: 78, budget: { histories: 300, ms: 60_000 } });
    expect(result.data.searched.ms).toEqual(expect.any(Number));
  });

  it('inline sources, and a format-only variant: no structural difference, no search', async () => {
    const reformatted = example('glasgow-2021.a6').replace(/\/\/[^\n]*\n/g, '').replace(/\s+/g, ' ').replace('rulebook glasgow_2021', 'rulebook another_name');
    const response = await api.call('POST', '/api/diff', { body: { a: GLASGOW, b: { source: reformatted, file: 'draft.a6' }, witness: WITNESS } });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ differences: [], witness: null, searched: { status: 'skipped', reason: 'no_structural_difference' } });
  });

  it('Accept: text/html answers the HTML page', async () => {
    const response = await api.call('POST', '/api/diff', { body: { a: GLASGOW, b: { file: 'cdm-transition.a6', name: 'cdm_automatic' } }, headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.text).toContain('<code>cdm_window</code>');
  });

  it('bad requests: located, with stable codes', async () => {
    const unknown = await api.call('POST', '/api/diff', { body: { a: GLASGOW, b: { file: 'nope.a6' } } });
    expect(unknown).toMatchObject({ status: 404, body: { error: { code: 'server.unknown_rulebook_file' } } });
    const invalid = await api.call('POST', '/api/diff', { body: { a: GLASGOW, b: { source: 'rulebook x {\n  option adjustment.single_year = nonsense\n}\n', file: 'x.a6' } } });
    expect(invalid.status).toBe(422);
    expect(invalid.body.error.code).toBe('rulebook.invalid');
    expect(invalid.body.error.details[0]).toMatchObject({ code: 'dsl.bad_option_value', severity: 'error', file: 'x.a6', start: { line: 2 } });
    const tooMuch = await api.call('POST', '/api/diff', { body: { a: GLASGOW, b: AVERAGING, witness: { histories: 1_000_000 } } });
    expect(tooMuch).toMatchObject({ status: 400, body: { error: { code: 'request.invalid', details: [{ path: 'witness.histories' }] } } });
    const missing = await api.call('POST', '/api/diff', { body: { a: GLASGOW } });
    expect(missing).toMatchObject({ status: 400, body: { error: { code: 'request.invalid', details: [{ path: 'b' }] } } });
  });
});
