const STORAGE_KEY = 'a6.token';

/**
 * The bearer token the user entered once (settings dialog), kept in this browser's localStorage and
 * sent with every API request. Saving needs a designer token (docs/api.md "Endpoints"); reading works without.
 */
export class TokenStore {
  constructor(private readonly storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> = localStorage) {}

  get(): string | null {
    const value = this.storage.getItem(STORAGE_KEY);
    return value === null || value.trim() === '' ? null : value.trim();
  }

  set(token: string | null): void {
    if (token === null || token.trim() === '') this.storage.removeItem(STORAGE_KEY);
    else this.storage.setItem(STORAGE_KEY, token.trim());
  }
}
