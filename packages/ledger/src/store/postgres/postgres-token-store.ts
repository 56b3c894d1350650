import type { TokenRecord, TokenStore } from '../token-store.ts';
import type { PostgresDatabase } from './postgres-database.ts';

/**
 * The token store of a `postgres://` store: table `a6_tokens` of the store's schema. Also what a
 * KurrentDB deployment's `tokens=postgres://…` names, so that several servers share their tokens.
 */
export class PostgresTokenStore implements TokenStore {
  constructor(private readonly db: PostgresDatabase) {}

  async put(record: TokenRecord): Promise<void> {
    await this.db.query(
      `insert into ${this.db.tables.tokens} (hash, role, label, created_at, revoked) values ($1, $2, $3, $4, $5)
         on conflict (hash) do update set role = excluded.role, label = excluded.label,
           created_at = excluded.created_at, revoked = excluded.revoked`,
      [record.hash, record.role, record.label ?? null, record.createdAt, record.revoked ?? null],
      'store a token',
    );
  }

  async find(hash: string): Promise<TokenRecord | undefined> {
    const rows = await this.db.query<TokenRow>(`select hash, role, label, created_at, revoked from ${this.db.tables.tokens} where hash = $1`, [hash], 'find a token');
    const row = rows[0];
    return row === undefined ? undefined : toTokenRecord(row);
  }

  async list(): Promise<readonly TokenRecord[]> {
    const rows = await this.db.query<TokenRow>(
      `select hash, role, label, created_at, revoked from ${this.db.tables.tokens} order by created_at, hash collate "C"`,
      [],
      'list tokens',
    );
    return rows.map(toTokenRecord);
  }
}

interface TokenRow {
  readonly hash: string;
  readonly role: string;
  readonly label: string | null;
  readonly created_at: string;
  readonly revoked: boolean | null;
}

function toTokenRecord(row: TokenRow): TokenRecord {
  // Optional members come back only when they were given, as the record was put.
  return {
    hash: row.hash,
    role: row.role,
    createdAt: row.created_at,
    ...(row.label === null ? {} : { label: row.label }),
    ...(row.revoked === null ? {} : { revoked: row.revoked }),
  };
}
