import { StoreUrlError } from '../store-errors.ts';

/** Where a PostgreSQL store lives: the connection string handed to `pg` and the schema of its tables. */
export interface PostgresLocation {
  /** `postgres://…` without our own parameters (`schema`), for `pg`. */
  readonly connectionString: string;
  /** The SQL schema holding the store's tables (`?schema=NAME`, default `public`). */
  readonly schema: string;
  /** `host:port/database` with no credentials, for messages and health reports. */
  readonly display: string;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Parses the `target` of a `postgres://` store URL (`StoreLocation.target`: `?history=` already
 * removed). `?schema=NAME` selects the SQL schema, so several stores (or test runs) can share one
 * database; every other parameter is `pg`'s own (`sslmode`, `application_name`, …) and passes through.
 */
export function parsePostgresLocation(target: string): PostgresLocation {
  let url: URL;
  try {
    url = new URL(target.replace(/^postgresql:/i, 'postgres:'));
  } catch {
    throw new StoreUrlError(target, 'expected postgres://[USER[:PASSWORD]@]HOST[:PORT]/DATABASE[?schema=NAME]');
  }
  if (url.protocol !== 'postgres:') throw new StoreUrlError(target, 'expected a postgres:// URL');
  const schema = url.searchParams.get('schema') ?? 'public';
  if (!SCHEMA_NAME.test(schema)) {
    throw new StoreUrlError(target, `schema must match ${SCHEMA_NAME.source} (lower case, so it needs no quoting)`);
  }
  url.searchParams.delete('schema');
  const database = decodeURIComponent(url.pathname.replace(/^\//, '')) || '(default database)';
  const display = `${url.hostname || 'localhost'}:${url.port || '5432'}/${database}`;
  return { connectionString: url.toString(), schema, display };
}
