/**
 * The token store port (docs/storage.md "Ports", docs/security.md): the server's bearer tokens, of
 * which only the sha256 is ever stored. Every implementation runs the one contract suite in
 * `token-store.contract.ts`.
 *
 * Kept apart from `EventStore`: credentials are not ledger evidence, so a backend that cannot hold
 * them well (KurrentDB: an append-only log with no lookup by key) keeps them in another store.
 */

/** A server bearer token; only its hash is stored. */
export interface TokenRecord {
  /** sha256 hex of the token (the lookup key). */
  readonly hash: string;
  /** `admin`, `designer`, `operator:<REGISTRY>`, `party:<CODE>`, `reader`. */
  readonly role: string;
  readonly label?: string;
  readonly createdAt: string;
  readonly revoked?: boolean;
}

export interface TokenStore {
  /** Inserts the record, or replaces the one with the same hash (how a token is revoked). */
  put(record: TokenRecord): Promise<void>;
  /** The record with this hash (revoked or not); `undefined` when there is none. */
  find(hash: string): Promise<TokenRecord | undefined>;
  /** Every record, oldest `createdAt` first. */
  list(): Promise<readonly TokenRecord[]>;
}
