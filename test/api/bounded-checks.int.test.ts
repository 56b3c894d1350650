import { afterEach, describe, expect, it } from 'vitest';
import { startApi, type ApiHarness } from './api-harness.ts';

/** A sum of `terms` terms in one rule: costly to parse and check (docs/reliability.md "Bounded checks"). */
function longSum(terms: number): string {
  return `rulebook sums {\n  let total = ${Array.from({ length: terms }, (_, i) => String(i)).join(' + ')}\n}\n`;
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
}

describe('rulebook checks run off the event loop, bounded', () => {
  let api: ApiHarness | undefined;
  afterEach(async () => api?.close());

  it('/api/health answers while a hostile check is running', async () => {
    api = await startApi({ seed: 'none' });
    const harness = api;
    let settled = false;
    const hostile = harness.call('POST', '/api/check', { body: { source: longSum(100_000) } }).finally(() => (settled = true));
    await until(() => harness.server.checks.running === 1 || settled);
    const health = await harness.call('GET', '/api/health');
    expect(health.status).toBe(200);
    const answer = await hostile;
    expect([200, 422, 503]).toContain(answer.status);
    if (answer.status !== 200) expect(['dsl.too_large', 'dsl.too_deep', 'check.timeout']).toContain(answer.body.error.code);
  });

  it('a check over its time budget is stopped with 503 check.timeout, and the next check still works', async () => {
    // 1 ms: a fresh worker cannot even start in that time.
    api = await startApi({ seed: 'none', checks: { timeoutMs: 1 } });
    const slow = await api.call('POST', '/api/check', { body: { source: 'rulebook a {\n}\n' } });
    expect(slow.status).toBe(503);
    expect(slow.body.error.code).toBe('check.timeout');
    expect(api.server.checks.running).toBe(0);
  });

  it('a check over its memory budget is stopped with 422 dsl.too_large; PUT /api/rulebooks saves nothing then', async () => {
    api = await startApi({ seed: 'none', checks: { maxHeapMb: 8, timeoutMs: 60_000 } });
    const saved = await api.call('PUT', '/api/rulebooks/huge.a6', { token: await api.token('designer'), body: { source: longSum(20_000) } });
    expect(saved.status).toBe(422);
    expect(saved.body.error.code).toBe('dsl.too_large');
    expect(await api.workspace.listFiles()).toEqual([]);
  });
});
