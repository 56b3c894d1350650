import { describe, expect, it } from 'vitest';
import { TokenStore } from './token-store.ts';

const memoryStorage = () => {
  const values = new Map<string, string>();
  return {
    getItem: (key: string) => values.get(key) ?? null,
    setItem: (key: string, value: string) => void values.set(key, value),
    removeItem: (key: string) => void values.delete(key),
    values,
  };
};

describe('TokenStore', () => {
  it('keeps a trimmed token and forgets an empty one', () => {
    const storage = memoryStorage();
    const tokens = new TokenStore(storage);
    expect(tokens.get()).toBeNull();
    tokens.set('  a6_designer_token \n');
    expect(tokens.get()).toBe('a6_designer_token');
    expect(storage.values.get('a6.token')).toBe('a6_designer_token');
    tokens.set('   ');
    expect(tokens.get()).toBeNull();
    expect(storage.values.size).toBe(0);
  });
});
