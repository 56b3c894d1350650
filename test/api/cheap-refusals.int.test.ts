import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryEventStore, type ReadHistoryOptions } from '@a6/ledger/store';
import type { StoredEvent } from '@a6/ledger';
import { startApi, type ApiHarness } from './api-harness.ts';

/** The memory store, counting the events its readers pull from `readHistory`. */
class CountingStore extends MemoryEventStore {
  eventsRead = 0;
  override async *readHistory(history: string, options?: ReadHistoryOptions): AsyncGenerator<StoredEvent> {
    for await (const event of super.readHistory(history, options)) {
      this.eventsRead += 1;
      yield event;
    }
  }
}

// docs/reliability.md "Cheap refusals": a refused append is undone on the live checker; the next
// append never re-reads the history (before, every refusal cost a read of the whole history).
describe('a refused append leaves the live state as it was', () => {
  let api: ApiHarness;
  let store: CountingStore;
  let operator: string;
  beforeAll(async () => {
    store = new CountingStore();
    api = await startApi({ seed: 'history', store });
    operator = await api.token('operator:PE-NR');
  });
  afterAll(async () => api.close());

  const append = (events: unknown[]) => api.call('POST', '/api/histories/main/events', { token: operator, body: events });
  const transfer = (id: string, to: string, from: number) => ({ type: 'UnitsTransferred', id, at: '2024-01-01', data: { from: 'PE-NR:dev', to, units: [{ block: 'PE-001-2022', from, to: from }] } });

  it('a request with an unknown reference reads nothing from the history, nor does the next one', async () => {
    const before = (await api.call('GET', '/api/histories/main/events?limit=1')).body.head.events as number;
    store.eventsRead = 0;
    const refused = await append([transfer('cheap-bad', 'SG-NR:nobody', 900)]);
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('history.unknown_reference');
    const accepted = await append([transfer('cheap-ok', 'SG-NR:buyer', 901)]);
    expect(accepted.status).toBe(201);
    expect(accepted.body.results[0].verdict).toBe('accepted');
    expect(store.eventsRead).toBeLessThan(before);
  });

  it('what a refused request would have opened is forgotten: a later reference to it is refused too', async () => {
    const refused = await append([
      { type: 'AccountOpened', id: 'cheap-open', at: '2024-01-02', data: { account: 'PE-NR:ghost', kind: 'holding', holder: 'ghost' } },
      transfer('cheap-bad-2', 'SG-NR:nobody', 902),
    ]);
    expect(refused.status).toBe(400);
    const ghost = await append([{ ...transfer('cheap-ghost', 'PE-NR:ghost', 903), at: '2024-01-03' }]);
    expect(ghost.status).toBe(400);
    expect(ghost.body.error.details[0]).toMatchObject({ code: 'history.unknown_reference', path: 'data.to' });
    const reopened = await append([{ type: 'AccountOpened', id: 'cheap-open', at: '2024-01-04', data: { account: 'PE-NR:ghost', kind: 'holding', holder: 'ghost' } }]);
    expect(reopened.status).toBe(201);
  });
});
