import { describe, expect, it } from 'vitest';
import { registeredStoreBackends, storeBackendFactory } from '../store-backends.ts';
import { parseStoreUrl } from '../store-url.ts';
import { registerKurrentBackend } from './register-kurrentdb-backend.ts';

describe('registerKurrentBackend', () => {
  it('serves kurrentdb:// and esdb:// URLs', async () => {
    registerKurrentBackend();
    expect(registeredStoreBackends()).toEqual(expect.arrayContaining(['kurrentdb', 'esdb+discover']));
    // A bad prefix fails in the backend itself, before any connection is attempted.
    const location = parseStoreUrl('esdb://127.0.0.1:1?tls=false&prefix=a/b');
    expect(location.scheme).toBe('kurrentdb');
    await expect(storeBackendFactory(location.scheme)(location)).rejects.toMatchObject({ code: 'store.bad_url' });
  });
});
