import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startApi, type ApiHarness } from './api-harness.ts';

// Live permissions come from the engine's accepted state only (docs/reliability.md "Live permissions"):
// an event the rulebook rejected is stored with its verdict but grants nothing.
describe('live permissions after a rejected look-alike event', () => {
  let api: ApiHarness;
  beforeEach(async () => {
    api = await startApi({ seed: 'history' });
  });
  afterEach(async () => api.close());

  const append = (token: string, events: Record<string, unknown>[]) => api.call('POST', '/api/histories/main/events', { token, body: events });

  it('a Party re-issuing another Party’s authorization id does not own it: its revocation is 403, the owner keeps transferring', async () => {
    const singapore = await api.token('party:SGP');
    const peruRegistry = await api.token('operator:PE-NR');

    const copy = await append(singapore, [
      { type: 'AuthorizationIssued', id: 'sgp-copy', at: '2024-01-01', data: { authorization: 'PER-A1', party: 'SGP', purposes: ['OIMP'] } },
    ]);
    expect(copy.status).toBe(201);
    expect(copy.body.results[0]).toMatchObject({ verdict: 'rejected', reasons: [{ code: 'ledger.duplicate_authorization' }] });

    const revoke = await append(singapore, [{ type: 'AuthorizationRevoked', id: 'sgp-revoke', at: '2024-01-02', data: { authorization: 'PER-A1', reason: 'hostile' } }]);
    expect(revoke.status).toBe(403);
    expect(revoke.body.error.code).toBe('auth.forbidden');
    expect(revoke.body.error.message).toContain('PER');

    const transfer = await append(peruRegistry, [
      { type: 'UnitsTransferred', id: 'per-move', at: '2024-01-03', data: { from: 'PE-NR:dev', to: 'SG-NR:buyer', units: [{ block: 'PE-001-2022', from: 500, to: 510 }] } },
    ]);
    expect(transfer.status).toBe(201);
    expect(transfer.body.results[0].verdict).toBe('accepted');
  });

  it('the same holds after a restart (ownership rebuilt from the store, not from the rejected event)', async () => {
    const singapore = await api.token('party:SGP');
    await append(singapore, [{ type: 'AuthorizationIssued', id: 'sgp-copy', at: '2024-01-01', data: { authorization: 'PER-A1', party: 'SGP', purposes: ['OIMP'] } }]);
    const restarted = await startApi({ seed: 'none', store: api.store, workspace: api.workspace, tokens: api.tokens });
    try {
      const revoke = await restarted.call('POST', '/api/histories/main/events', {
        token: singapore,
        body: [{ type: 'AuthorizationRevoked', id: 'sgp-revoke', at: '2024-01-02', data: { authorization: 'PER-A1', reason: 'hostile' } }],
      });
      expect(revoke.status).toBe(403);
    } finally {
      await restarted.server.close();
    }
  });

  it('a Party may issue and revoke its own new authorization in one request', async () => {
    const peru = await api.token('party:PER');
    const response = await append(peru, [
      { type: 'AuthorizationIssued', id: 'per-a2', at: '2024-01-01', data: { authorization: 'PER-A2', party: 'PER', activity: 'PE-001', purposes: ['OIMP'] } },
      { type: 'AuthorizationRevoked', id: 'per-a2-revoke', at: '2024-01-02', data: { authorization: 'PER-A2', reason: 'superseded' } },
    ]);
    expect(response.status).toBe(201);
    expect(response.body.results.map((result: { verdict: string }) => result.verdict)).toEqual(['accepted', 'accepted']);
  });
});
