import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryEventStore, type EventStore } from '@a6/ledger/store';
import { startApi, type ApiHarness } from './api-harness.ts';

// Every bad request gets its status and a stable code in the API's error shape; bodies pinned inline.
describe('bad requests', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await startApi({ seed: 'history', bodyLimit: '4kb', maxEventsPerAppend: 10 });
  });
  afterAll(async () => api.close());

  const append = (body: unknown) => api.call('POST', '/api/histories/main/events', { token: api.admin, body });

  it('malformed JSON: 400 http.malformed_json', async () => {
    const response = await api.call('POST', '/api/histories/main/events', { token: api.admin, raw: '[{"type": "PartyJoined",' });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('http.malformed_json');
    expect(response.body.error.message).toMatch(/^the request body is not valid JSON \(/);
  });

  it('wrong types: 400 with the import’s codes, every issue located by index and path', async () => {
    const response = await append([
      { type: 'UnitsTransferred', id: 'bad-1', at: '2024-01-01', data: { from: 'PE-NR:dev', to: 'SG-NR:buyer', units: [{ block: 'PE-001-2022', from: 'one', to: 10 }] } },
      { type: 'InventoryReported', id: 'bad-2', at: '2024-01-01', data: { party: 'per', year: 2022, emissions: 1, extra: true } },
    ]);
    expect(response.status).toBe(400);
    expect(response.body).toMatchInlineSnapshot(`
      {
        "error": {
          "code": "history.bad_value",
          "details": [
            {
              "code": "history.bad_value",
              "index": 0,
              "message": "expected number, got "one"",
              "path": "data.units[0].from",
            },
            {
              "code": "history.bad_value",
              "index": 1,
              "message": "a Party code is 3 upper-case letters (ISO 3166-1 alpha-3)",
              "path": "data.party",
            },
            {
              "code": "history.unknown_field",
              "index": 1,
              "message": "unknown field",
              "path": "data.extra",
            },
          ],
          "message": "events[0].data.units[0].from: expected number, got "one" (and 2 more issue(s))",
        },
      }
    `);
  });

  it('unknown registry: 400 history.unknown_reference, nothing stored', async () => {
    const before = (await api.store.head('main')).events;
    const response = await append([
      { type: 'AccountOpened', id: 'acc-nope', at: '2024-01-01', data: { account: 'NOPE:x', kind: 'holding', holder: 'nobody' } },
    ]);
    expect(response.status).toBe(400);
    expect(response.body).toMatchInlineSnapshot(`
      {
        "error": {
          "code": "history.unknown_reference",
          "details": [
            {
              "code": "history.unknown_reference",
              "index": 0,
              "message": "registry NOPE is not opened (no earlier RegistryOpened)",
              "path": "data.account",
            },
          ],
          "message": "events[0].data.account: registry NOPE is not opened (no earlier RegistryOpened)",
        },
      }
    `);
    expect((await api.store.head('main')).events).toBe(before);
    // The checker was rebuilt: the account did not become "known" by being refused.
    const retry = await append([{ type: 'UnitsIssued', id: 'iss-nope', at: '2024-01-01', data: { account: 'NOPE:x', activity: 'PE-001', unitType: 'ITMO', block: 'NOPE-1', from: 1, to: 5, vintage: 2022 } }]);
    expect(retry.body.error.code).toBe('history.unknown_reference');
  });

  it('missing token on a writing endpoint: 401 auth.token_required; bad token: 401 auth.invalid_token', async () => {
    const missing = await api.call('POST', '/api/histories/main/events', { body: [{ type: 'PartyJoined', data: { party: 'CHE', name: 'Switzerland' } }] });
    expect(missing.status).toBe(401);
    expect(missing.body).toMatchInlineSnapshot(`
      {
        "error": {
          "code": "auth.token_required",
          "message": "this endpoint needs a bearer token with role operator:<REGISTRY> or party:<CODE> or admin",
        },
      }
    `);
    const wrong = await api.call('GET', '/api/rulebooks', { token: 'a6_not-a-token' });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchInlineSnapshot(`
      {
        "error": {
          "code": "auth.invalid_token",
          "message": "the bearer token is not valid (unknown or revoked)",
        },
      }
    `);
    const scheme = await api.call('GET', '/api/rulebooks', { headers: { authorization: 'Basic YWRtaW46YWRtaW4=' } });
    expect(scheme.status).toBe(401);
    expect(scheme.body.error.code).toBe('auth.invalid_token');
  });

  it('oversized body: 413 http.payload_too_large', async () => {
    const response = await api.call('POST', '/api/check', { body: { source: `// ${'x'.repeat(5000)}\n` } });
    expect(response.status).toBe(413);
    expect(response.body).toMatchInlineSnapshot(`
      {
        "error": {
          "code": "http.payload_too_large",
          "message": "the request body is larger than the limit of 4096 bytes",
        },
      }
    `);
  });

  it('too many events in one request: 413 server.too_many_events; not an array: 400 request.invalid', async () => {
    const many = Array.from({ length: 11 }, (_, index) => ({ type: 'InventoryReported', data: { party: 'PER', year: 2030 + index, emissions: 1 } }));
    const tooMany = await append(many);
    expect(tooMany.status).toBe(413);
    expect(tooMany.body.error.code).toBe('server.too_many_events');
    const object = await append({ type: 'PartyJoined', data: { party: 'CHE', name: 'Switzerland' } });
    expect(object.status).toBe(400);
    expect(object.body).toMatchInlineSnapshot(`
      {
        "error": {
          "code": "request.invalid",
          "message": "the body must be a non-empty JSON array of events",
        },
      }
    `);
  });

  it('events the server writes itself: 400 server.reserved_event', async () => {
    const response = await append([{ type: 'RulebookAdopted', at: '2024-01-01', data: { name: 'x', sha256: '0'.repeat(64) } }]);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('server.reserved_event');
  });

  it('an id stored with other content: 409 store.id_conflict', async () => {
    const response = await append([{ type: 'PartyJoined', id: 'p-per', at: '2024-01-01', data: { party: 'PER', name: 'Republic of Peru' } }]);
    expect(response.status).toBe(409);
    expect(response.body).toMatchInlineSnapshot(`
      {
        "error": {
          "code": "store.id_conflict",
          "details": [
            {
              "id": "p-per",
              "index": 0,
              "seq": 1,
            },
          ],
          "message": "event id "p-per" is already stored with other content",
        },
      }
    `);
  });

  it('no rulebook in force: 409 ledger.no_rulebook_in_force', async () => {
    const response = await api.call('POST', '/api/histories/fresh/events', { token: api.admin, body: [{ type: 'PartyJoined', data: { party: 'CHE', name: 'Switzerland' } }] });
    expect(response.status).toBe(409);
    expect(response.body).toMatchInlineSnapshot(`
      {
        "error": {
          "code": "ledger.no_rulebook_in_force",
          "message": "history fresh has no rulebook in force; an admin adopts one first (POST /api/histories/fresh/adopt)",
        },
      }
    `);
  });

  it('invalid rulebook source: 422 rulebook.invalid with the diagnostics in details, nothing saved', async () => {
    const response = await api.call('PUT', '/api/rulebooks/broken.a6', { token: api.admin, body: { source: 'rulebook broken {\n  rule r on transfer {\n    require unit.vintge >= 2021\n  }\n}\n' } });
    expect(response.status).toBe(422);
    expect(response.body.error.code).toBe('rulebook.invalid');
    expect(response.body.error.message).toBe('broken.a6 was not saved: 1 error(s)');
    expect(response.body.error.details).toMatchObject([{ code: 'dsl.unknown_field', severity: 'error', file: 'broken.a6', start: { line: 3, column: 18 } }]);
    expect((await api.call('GET', '/api/rulebooks/broken.a6')).status).toBe(404);
    const adopt = await api.call('POST', '/api/histories/main/adopt', { token: api.admin, body: { file: 'api-test.a6', name: 'no_such' } });
    expect(adopt.status).toBe(422);
    expect(adopt.body.error.code).toBe('rulebook.invalid');
  });

  it('not found, bad ids and names, bad queries: 404 / 400 with codes', async () => {
    const cases = await Promise.all([
      api.call('GET', '/api/nope'),
      api.call('GET', '/api/histories/nope/events'),
      api.call('GET', '/api/histories/bad%20id/events'),
      api.call('GET', '/api/rulebooks/..%2Fetc%2Fpasswd.a6'),
      api.call('GET', '/api/histories/main/events?limit=-3'),
      api.call('POST', '/api/replay', { body: { history: 'main', rulebooks: [] } }),
      api.call('POST', '/api/replay', { body: { history: 'main', rulebooks: [{ file: 'missing.a6' }] } }),
      api.call('DELETE', '/api/jobs/00000000-0000-0000-0000-000000000000'),
    ]);
    expect(cases.map((response) => [response.status, response.body?.error?.code])).toMatchInlineSnapshot(`
      [
        [
          404,
          "http.not_found",
        ],
        [
          404,
          "server.unknown_history",
        ],
        [
          400,
          "request.bad_history_id",
        ],
        [
          400,
          "request.bad_file_name",
        ],
        [
          400,
          "request.invalid",
        ],
        [
          400,
          "request.invalid",
        ],
        [
          404,
          "server.unknown_rulebook_file",
        ],
        [
          404,
          "server.unknown_job",
        ],
      ]
    `);
  });
});

describe('rate limit and internal faults', () => {
  it('429 http.rate_limited over the per-address budget', async () => {
    const api = await startApi({ seed: 'none', rateLimit: { windowMs: 60_000, limit: 3 } });
    try {
      const statuses = [];
      for (let index = 0; index < 5; index++) statuses.push((await api.call('GET', '/api/health')).status);
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      const limited = await api.call('GET', '/api/rulebooks');
      expect(limited.body).toMatchInlineSnapshot(`
        {
          "error": {
            "code": "http.rate_limited",
            "message": "more than 3 requests in 60 s from this address; slow down",
          },
        }
      `);
    } finally {
      await api.close();
    }
  });

  it('500 server.internal with an incident id and no stack trace; the stack goes to the log', async () => {
    const store = new MemoryEventStore();
    const failing = new Proxy(store, {
      get(target, property, receiver) {
        if (property === 'listHistories') return async () => Promise.reject(new Error('disk on fire at /secret/path'));
        const value = Reflect.get(target, property, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    }) as EventStore;
    const logged: string[] = [];
    const api = await startApi({ seed: 'none', store: failing, log: (line) => logged.push(line) });
    try {
      const response = await api.call('GET', '/api/histories');
      expect(response.status).toBe(500);
      expect(response.body.error.code).toBe('server.internal');
      expect(response.body.error.message).toMatch(/^internal error \(incident [0-9a-f-]{36}\); see the server log$/);
      expect(response.text).not.toContain('secret');
      expect(response.text).not.toContain('at ');
      expect(logged.join('\n')).toContain('disk on fire at /secret/path');
    } finally {
      await api.close();
    }
  });
});
