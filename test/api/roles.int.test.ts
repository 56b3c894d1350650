import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type ApiHarness, type ApiResponse } from './api-harness.ts';

const ROLES = ['anonymous', 'reader', 'auditor', 'designer', 'operator:PE-NR', 'operator:SG-NR', 'party:PER', 'party:SGP', 'admin'] as const;
type RoleName = (typeof ROLES)[number];

// The role × endpoint matrix of cli.md "Server": every role against every writing endpoint.
describe('roles', () => {
  let api: ApiHarness;
  const tokens = new Map<RoleName, string | undefined>();
  let counter = 0;
  const unique = () => (counter += 1);

  beforeAll(async () => {
    api = await startApi({ seed: 'history' });
    for (const role of ROLES) tokens.set(role, role === 'anonymous' ? undefined : role === 'admin' ? api.admin : await api.token(role));
  });
  afterAll(async () => api.close());

  const appendAs = (token: string | undefined, event: Record<string, unknown>) =>
    api.call('POST', '/api/histories/main/events', { ...(token === undefined ? {} : { token }), body: [{ at: '2024-01-01', ...event }] });

  const actions: Record<string, (token: string | undefined) => Promise<ApiResponse>> = {
    'PUT /api/rulebooks/:file': (token) => {
      const n = unique();
      return api.call('PUT', `/api/rulebooks/role-${n}.a6`, { ...(token === undefined ? {} : { token }), body: { source: `rulebook role_${n} {\n}\n` } });
    },
    'POST /api/histories/:id/adopt': (token) =>
      api.call('POST', `/api/histories/adopted-${unique()}/adopt`, { ...(token === undefined ? {} : { token }), body: { file: 'api-test.a6', name: 'api_test' } }),
    'POST /api/tokens': (token) => api.call('POST', '/api/tokens', { ...(token === undefined ? {} : { token }), body: { role: 'reader' } }),
    'events: PartyJoined': (token) => {
      const n = unique();
      return appendAs(token, { type: 'PartyJoined', id: `join-${n}`, data: { party: `X${String.fromCharCode(65 + (n % 26))}${String.fromCharCode(65 + Math.floor(n / 26))}`, name: `Party ${n}` } });
    },
    'events: RegistryOpened': (token) => appendAs(token, { type: 'RegistryOpened', id: `reg-${unique()}`, data: { registry: `R-${counter}`, kind: 'independent' } }),
    'events: AccountOpened on PE-NR': (token) => appendAs(token, { type: 'AccountOpened', id: `acc-${unique()}`, data: { account: `PE-NR:acc-${counter}`, kind: 'holding', holder: 'someone' } }),
    'events: UnitsTransferred from PE-NR to SG-NR': (token) => {
      const n = unique();
      return appendAs(token, { type: 'UnitsTransferred', id: `move-${n}`, data: { from: 'PE-NR:dev', to: 'SG-NR:buyer', units: [{ block: 'PE-001-2022', from: 500 + n, to: 500 + n }] } });
    },
    'events: InventoryReported by PER': (token) => appendAs(token, { type: 'InventoryReported', id: `inv-${unique()}`, data: { party: 'PER', year: 2000 + counter, emissions: 1000 } }),
    'events: AuthorizationIssued by PER': (token) =>
      appendAs(token, { type: 'AuthorizationIssued', id: `auth-${unique()}`, data: { authorization: `PER-X${counter}`, party: 'PER', activity: 'PE-001', purposes: ['OIMP'] } }),
    'events: AuthorizationRevoked of PER-A1': (token) => appendAs(token, { type: 'AuthorizationRevoked', id: `revoke-${unique()}`, data: { authorization: 'PER-A1', reason: 'test' } }),
  };

  it('each role may do exactly what cli.md grants it (201), a token with another role gets 403, no token 401', async () => {
    const matrix: Record<string, string> = {};
    for (const [action, run] of Object.entries(actions)) {
      const row: string[] = [];
      for (const role of ROLES) {
        const response = await run(tokens.get(role));
        row.push(`${role}=${response.status}`);
        if (response.status === 401) expect(response.body.error.code).toBe('auth.token_required');
        if (response.status === 403) expect(response.body.error.code).toBe('auth.forbidden');
      }
      matrix[action] = row.join(' ');
    }
    expect(matrix).toMatchInlineSnapshot(`
      {
        "POST /api/histories/:id/adopt": "anonymous=401 reader=403 auditor=403 designer=403 operator:PE-NR=403 operator:SG-NR=403 party:PER=403 party:SGP=403 admin=201",
        "POST /api/tokens": "anonymous=401 reader=403 auditor=403 designer=403 operator:PE-NR=403 operator:SG-NR=403 party:PER=403 party:SGP=403 admin=201",
        "PUT /api/rulebooks/:file": "anonymous=401 reader=403 auditor=403 designer=201 operator:PE-NR=403 operator:SG-NR=403 party:PER=403 party:SGP=403 admin=201",
        "events: AccountOpened on PE-NR": "anonymous=401 reader=403 auditor=403 designer=403 operator:PE-NR=201 operator:SG-NR=403 party:PER=403 party:SGP=403 admin=201",
        "events: AuthorizationIssued by PER": "anonymous=401 reader=403 auditor=403 designer=403 operator:PE-NR=403 operator:SG-NR=403 party:PER=201 party:SGP=403 admin=201",
        "events: AuthorizationRevoked of PER-A1": "anonymous=401 reader=403 auditor=403 designer=403 operator:PE-NR=403 operator:SG-NR=403 party:PER=201 party:SGP=403 admin=201",
        "events: InventoryReported by PER": "anonymous=401 reader=403 auditor=403 designer=403 operator:PE-NR=403 operator:SG-NR=403 party:PER=201 party:SGP=403 admin=201",
        "events: PartyJoined": "anonymous=401 reader=403 auditor=403 designer=403 operator:PE-NR=403 operator:SG-NR=403 party:PER=403 party:SGP=403 admin=201",
        "events: RegistryOpened": "anonymous=401 reader=403 auditor=403 designer=403 operator:PE-NR=403 operator:SG-NR=403 party:PER=403 party:SGP=403 admin=201",
        "events: UnitsTransferred from PE-NR to SG-NR": "anonymous=401 reader=403 auditor=403 designer=403 operator:PE-NR=201 operator:SG-NR=403 party:PER=403 party:SGP=403 admin=201",
      }
    `);
  });

  it('a refused event names why, and nothing of its request is stored', async () => {
    const before = (await api.store.head('main')).events;
    const response = await api.call('POST', '/api/histories/main/events', {
      token: tokens.get('operator:SG-NR'),
      body: [
        { type: 'AccountOpened', id: 'sg-ok', at: '2024-01-01', data: { account: 'SG-NR:second', kind: 'holding', holder: 'SG buyer 2' } },
        { type: 'UnitsTransferred', id: 'pe-not-mine', at: '2024-01-01', data: { from: 'PE-NR:dev', to: 'SG-NR:buyer', units: [{ block: 'PE-001-2022', from: 900, to: 901 }] } },
      ],
    });
    expect(response.status).toBe(403);
    expect(response.body).toMatchInlineSnapshot(`
      {
        "error": {
          "code": "auth.forbidden",
          "details": [
            {
              "id": "pe-not-mine",
              "index": 1,
              "reason": "UnitsTransferred belongs to registry PE-NR, not SG-NR",
              "type": "UnitsTransferred",
            },
          ],
          "message": "UnitsTransferred belongs to registry PE-NR, not SG-NR",
        },
      }
    `);
    expect((await api.store.head('main')).events).toBe(before);
  });

  it('every role reads; anonymous reads too', async () => {
    for (const role of ROLES) {
      const token = tokens.get(role);
      const response = await api.call('GET', '/api/histories', token === undefined ? {} : { token });
      expect(response.status, role).toBe(200);
    }
  });
});

describe('A6_ANONYMOUS=none', () => {
  it('anonymous callers get 401 everywhere but health', async () => {
    const api = await startApi({ seed: 'rulebook', anonymous: 'none' });
    try {
      expect((await api.call('GET', '/api/health')).status).toBe(200);
      const refused = await api.call('GET', '/api/rulebooks');
      expect(refused.status).toBe(401);
      expect(refused.body.error.code).toBe('auth.token_required');
      expect((await api.call('POST', '/api/check', { body: { source: 'rulebook x {\n}\n' } })).status).toBe(401);
      const reader = await api.token('reader');
      expect((await api.call('GET', '/api/rulebooks', { token: reader })).status).toBe(200);
    } finally {
      await api.close();
    }
  });
});
