import { describe, expect, it } from 'vitest';
import { registeredStoreBackends, storeBackendFactory } from '../store-backends.ts';
import { parseStoreUrl } from '../store-url.ts';
import { registerPostgresBackend } from './register-postgres-backend.ts';

describe('registerPostgresBackend', () => {
  it('serves postgres:// and postgresql:// URLs', async () => {
    registerPostgresBackend();
    expect(registeredStoreBackends()).toEqual(expect.arrayContaining(['postgres', 'postgresql']));
    // A bad schema parameter fails in the backend itself, before any connection is attempted.
    const location = parseStoreUrl('postgresql://127.0.0.1:1/ledger?schema=Bad%20Name');
    await expect(storeBackendFactory(location.scheme)(location)).rejects.toMatchObject({ code: 'store.bad_url' });
  });
});
