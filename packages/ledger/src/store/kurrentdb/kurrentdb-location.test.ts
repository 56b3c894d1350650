import { describe, expect, it } from 'vitest';
import { parseStoreUrl } from '../store-url.ts';
import { parseKurrentLocation } from './kurrentdb-location.ts';

describe('parseKurrentLocation', () => {
  it('keeps the client parameters, takes ours out, and hides credentials', () => {
    const store = parseStoreUrl('kurrentdb://admin:changeit@localhost:2113?tls=false&prefix=ledger_test&history=a62');
    expect(store.scheme).toBe('kurrentdb');
    expect(store.history).toBe('a62');
    expect(parseKurrentLocation(store.target)).toEqual({
      connectionString: 'kurrentdb://admin:changeit@localhost:2113?tls=false',
      prefix: 'ledger_test',
      maxAppendBytes: 1_000_000,
      display: 'localhost:2113',
    });
  });

  it('accepts cluster strings with several hosts, discovery and the esdb scheme', () => {
    expect(parseKurrentLocation('esdb+discover://node1:2113,node2:2113,node3:2113?tls=true&maxAppendBytes=4000000')).toEqual({
      connectionString: 'esdb+discover://node1:2113,node2:2113,node3:2113?tls=true',
      prefix: 'a6',
      maxAppendBytes: 4_000_000,
      display: 'node1:2113,node2:2113,node3:2113',
    });
    expect(parseStoreUrl('esdb://db:2113').scheme).toBe('kurrentdb');
  });

  it('refuses what would break the stream layout or the client', () => {
    const code = expect.objectContaining({ code: 'store.bad_url' });
    expect(() => parseKurrentLocation('kurrentdb://db:2113?prefix=a6/x')).toThrowError(code);
    expect(() => parseKurrentLocation('kurrentdb://db:2113?prefix=a6.x')).toThrowError(code);
    expect(() => parseKurrentLocation('kurrentdb://db:2113?maxAppendBytes=12')).toThrowError(code);
    expect(() => parseKurrentLocation('postgres://db/ledger')).toThrowError(code);
    expect(() => parseKurrentLocation('kurrentdb://')).toThrowError(code);
  });

  it('takes tokens= out as the store that keeps the tokens, and refuses KurrentDB there', () => {
    const store = parseStoreUrl(`kurrentdb://db:2113?tls=false&tokens=${encodeURIComponent('postgres://a6@pg/ledger?schema=tokens&sslmode=require')}`);
    const location = parseKurrentLocation(store.target);
    expect(location.connectionString).toBe('kurrentdb://db:2113?tls=false');
    expect(location.tokens).toEqual({
      url: 'postgres://a6@pg/ledger?schema=tokens&sslmode=require',
      scheme: 'postgres',
      target: 'postgres://a6@pg/ledger?schema=tokens&sslmode=require',
      history: 'main',
    });
    expect(parseKurrentLocation('kurrentdb://db:2113?tokens=sqlite:/var/lib/a6/tokens.db').tokens).toMatchObject({ scheme: 'sqlite', target: '/var/lib/a6/tokens.db' });
    expect(parseKurrentLocation('kurrentdb://db:2113').tokens).toBeUndefined();
    const code = expect.objectContaining({ code: 'store.bad_url' });
    expect(() => parseKurrentLocation('kurrentdb://db:2113?tokens=esdb://other:2113')).toThrowError(code);
    expect(() => parseKurrentLocation('kurrentdb://db:2113?tokens=kurrentdb%2Bdiscover://a:2113')).toThrowError(code);
    expect(() => parseKurrentLocation('kurrentdb://db:2113?tokens=tokens.db')).toThrowError(code);
  });
});
