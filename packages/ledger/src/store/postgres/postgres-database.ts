import pg from 'pg';
import { StoreClosedError, StoreError, isStoreError } from '../store-errors.ts';
import { parsePostgresLocation, type PostgresLocation } from './postgres-location.ts';
import { POSTGRES_SCHEMA_VERSION, postgresSchemaStatements, quoteIdent } from './postgres-schema.ts';

/** Qualified names of a store's tables (postgres-schema.ts). */
export interface PostgresTables {
  readonly events: string;
  readonly histories: string;
  readonly rulebooks: string;
  readonly tokens: string;
}

/**
 * One PostgreSQL store: a connection pool on one SQL schema, shared by the three ports of a
 * `postgres://` store (`PostgresEventStore`, `PostgresRulebookWorkspace`, `PostgresTokenStore`:
 * tables of one schema, docs/storage.md "Ports"). Failures come out as `StoreError('store.failure')`
 * naming the server without credentials.
 */
export class PostgresDatabase {
  readonly tables: PostgresTables;
  private closed = false;

  private constructor(
    private readonly pool: pg.Pool,
    readonly location: PostgresLocation,
  ) {
    const s = quoteIdent(location.schema);
    this.tables = {
      events: `${s}.a6_events`,
      histories: `${s}.a6_histories`,
      rulebooks: `${s}.a6_rulebook_versions`,
      tokens: `${s}.a6_tokens`,
    };
  }

  /** Connects and creates the schema if needed. `target`: a `postgres://` URL (`StoreLocation.target`). */
  static async open(target: string, poolSize = 10): Promise<PostgresDatabase> {
    const location = parsePostgresLocation(target);
    const pool = new pg.Pool({ connectionString: location.connectionString, max: poolSize });
    // An idle pooled connection that dies emits 'error' on the pool; unhandled it would kill the
    // process. The next query fails with a clear error instead.
    pool.on('error', () => undefined);
    try {
      await createSchema(pool, location.schema);
    } catch (error) {
      await pool.end().catch(() => undefined);
      throw postgresFailure(location, 'cannot open the store', error);
    }
    return new PostgresDatabase(pool, location);
  }

  assertOpen(): void {
    if (this.closed) throw new StoreClosedError();
  }

  async query<Row extends pg.QueryResultRow>(text: string, params: unknown[], what: string): Promise<Row[]> {
    this.assertOpen();
    try {
      return (await this.pool.query<Row>(text, params)).rows;
    } catch (error) {
      throw postgresFailure(this.location, what, error);
    }
  }

  /** Runs `work` on one pooled connection (transactions); its failures become store failures. */
  async withClient<T>(work: (client: pg.PoolClient) => Promise<T>, what: string): Promise<T> {
    this.assertOpen();
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      throw postgresFailure(this.location, what, error);
    }
    try {
      return await work(client);
    } catch (error) {
      throw postgresFailure(this.location, what, error);
    } finally {
      client.release();
    }
  }

  /** `work` in one transaction: committed when it returns, rolled back when it throws. */
  transaction<T>(work: (client: pg.PoolClient) => Promise<T>, what: string): Promise<T> {
    return this.withClient(async (client) => {
      await client.query('begin');
      try {
        const result = await work(client);
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        throw error;
      }
    }, what);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}

async function createSchema(pool: pg.Pool, schema: string): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    // `create … if not exists` is not safe against a concurrent create of the same name; two stores
    // opening a fresh database at once take turns on this lock instead.
    await client.query('select pg_advisory_xact_lock(hashtext($1))', [`a6.schema:${schema}`]);
    for (const statement of postgresSchemaStatements(schema)) await client.query(statement);
    const version = await client.query<{ value: string }>(`select value from ${quoteIdent(schema)}.a6_store_meta where key = 'schema_version'`);
    const found = Number(version.rows[0]?.value);
    if (found > POSTGRES_SCHEMA_VERSION) {
      throw new StoreError('store.failure', `schema ${schema} has store layout version ${found}; this a6 knows up to ${POSTGRES_SCHEMA_VERSION}`);
    }
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

function postgresFailure(location: PostgresLocation, what: string, error: unknown): StoreError {
  if (isStoreError(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new StoreError('store.failure', `postgres ${location.display}: ${what}: ${message}`, { cause: error });
}
