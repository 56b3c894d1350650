import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type ApiHarness } from './api-harness.ts';

// docs/api.md "Appending events", step 3: an id already stored with the same content is answered with
// its recorded verdict; the `at` the server stamped on the first send is not part of what the client sent.
describe('idempotent re-send of events without `at`', () => {
  let api: ApiHarness;
  let operator: string;
  // The clock moves between sends, as a real one does: the re-sent event would be stamped later.
  let tick = 0;
  const clock = () => (tick === 0 ? new Date('2021-06-01T00:00:00.000Z') : new Date(Date.UTC(2024, 5, 1, 0, 0, tick)));
  beforeAll(async () => {
    api = await startApi({ seed: 'history', clock });
    tick = 1;
    operator = await api.token('operator:PE-NR');
  });
  afterAll(async () => api.close());

  const transfer = (id: string, from: number) => ({ type: 'UnitsTransferred', id, data: { from: 'PE-NR:dev', to: 'SG-NR:buyer', units: [{ block: 'PE-001-2022', from, to: from + 9 }] } });
  const append = (events: unknown[]) => {
    tick += 1;
    return api.call('POST', '/api/histories/main/events', { token: operator, body: events });
  };

  it('the same request sent twice: 201, then 200 duplicate with the recorded verdict, nothing stored twice', async () => {
    const first = await append([transfer('resend-1', 800)]);
    expect(first.status).toBe(201);
    const head = first.body.head.events;
    const again = await append([transfer('resend-1', 800)]);
    expect(again.status).toBe(200);
    expect(again.body.results[0]).toMatchObject({ id: 'resend-1', duplicate: true, verdict: first.body.results[0].verdict, seq: first.body.results[0].seq });
    expect(again.body.head.events).toBe(head);
  });

  it('other content under the same id is still 409 store.id_conflict', async () => {
    await append([transfer('resend-2', 820)]);
    const changed = await append([transfer('resend-2', 830)]);
    expect(changed.status).toBe(409);
    expect(changed.body.error.code).toBe('store.id_conflict');
  });

  it('an explicit `at` other than the recorded one is other content', async () => {
    await append([transfer('resend-3', 840)]);
    const dated = await append([{ ...transfer('resend-3', 840), at: '2020-01-01' }]);
    expect(dated.status).toBe(409);
  });
});
