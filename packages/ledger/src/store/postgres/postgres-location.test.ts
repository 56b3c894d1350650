import { describe, expect, it } from 'vitest';
import { parseStoreUrl } from '../store-url.ts';
import { parsePostgresLocation } from './postgres-location.ts';

describe('parsePostgresLocation', () => {
  it('takes our schema parameter out and leaves pg its own', () => {
    const store = parseStoreUrl('postgres://a6:secret@db.internal:6432/ledger?schema=tenant_1&sslmode=require&history=a62');
    expect(store.history).toBe('a62');
    expect(parsePostgresLocation(store.target)).toEqual({
      connectionString: 'postgres://a6:secret@db.internal:6432/ledger?sslmode=require',
      schema: 'tenant_1',
      display: 'db.internal:6432/ledger',
    });
  });

  it('defaults to the public schema and the standard port, and never shows credentials', () => {
    const location = parsePostgresLocation('postgresql://a6:secret@localhost/ledger');
    expect(location.schema).toBe('public');
    expect(location.display).toBe('localhost:5432/ledger');
    expect(location.display).not.toContain('secret');
  });

  it('refuses schema names that would need quoting', () => {
    expect(() => parsePostgresLocation('postgres://localhost/ledger?schema=Robert%22%3B drop')).toThrowError(
      expect.objectContaining({ code: 'store.bad_url' }),
    );
    expect(() => parsePostgresLocation('not a url')).toThrowError(expect.objectContaining({ code: 'store.bad_url' }));
  });
});
