import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startApi, type ApiHarness } from './api-harness.ts';

// The clock is the server's (docs/reliability.md "The clock"): a non-admin writer cannot date an event
// later than the server clock plus the allowed skew, so nobody can push the history's clock to 9999.
describe('the server clock bounds appended `at`', () => {
  let api: ApiHarness;
  let now: Date;
  beforeEach(() => {
    now = new Date('2021-06-01T00:00:00.000Z');
  });
  afterEach(async () => api.close());

  const transfer = (id: string, from: number, at?: string) => ({
    type: 'UnitsTransferred',
    id,
    ...(at === undefined ? {} : { at }),
    data: { from: 'PE-NR:dev', to: 'SG-NR:buyer', units: [{ block: 'PE-001-2022', from, to: from }] },
  });

  it('refuses a future `at` from an operator with a located code; stamping stays at the real time', async () => {
    api = await startApi({ seed: 'history', clock: () => now, maxClockAheadMs: 5 * 60_000 });
    now = new Date('2024-06-01T00:00:00.000Z');
    const operator = await api.token('operator:PE-NR');
    const append = (events: unknown[]) => api.call('POST', '/api/histories/main/events', { token: operator, body: events });

    const poisoned = await append([transfer('t-ok', 600, '2024-05-01'), transfer('t-9999', 601, '9999-12-31')]);
    expect(poisoned.status).toBe(400);
    expect(poisoned.body.error.code).toBe('history.at_in_future');
    expect(poisoned.body.error.message).toMatch(/^events\[1\]\.at: /);
    expect(poisoned.body.error.details).toEqual([expect.objectContaining({ index: 1, path: 'at', code: 'history.at_in_future' })]);

    const withinSkew = await append([transfer('t-skew', 602, '2024-06-01T00:04:00Z')]);
    expect(withinSkew.status).toBe(201);

    now = new Date('2024-06-01T01:00:00.000Z');
    const stamped = await append([transfer('t-stamped', 603)]);
    expect(stamped.status).toBe(201);
    const page = await api.call('GET', `/api/histories/main/events?after=${stamped.body.results[0].seq - 1}&limit=1`);
    expect(page.body.events[0].at).toBe('2024-06-01T01:00:00.000Z');
  });

  it('an admin may still append historical or simulated future dates (imports of scenarios)', async () => {
    api = await startApi({ seed: 'history', clock: () => now, maxClockAheadMs: 5 * 60_000 });
    const future = await api.call('POST', '/api/histories/main/events', { token: api.admin, body: [transfer('t-2040', 700, '2040-01-01')] });
    expect(future.status).toBe(201);
  });
});
