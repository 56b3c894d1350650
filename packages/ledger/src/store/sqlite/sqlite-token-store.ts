import type { TokenRecord, TokenStore } from '../token-store.ts';
import type { SqliteDatabase } from './sqlite-database.ts';

/**
 * The token store of a `sqlite:` store: table `tokens (hash, record)` of the store file, the record as
 * the JSON it was put with (sqlite-schema.ts). Also what a KurrentDB deployment's `tokens=sqlite:…`
 * file holds (docs/storage.md "Ports").
 */
export class SqliteTokenStore implements TokenStore {
  constructor(private readonly db: SqliteDatabase) {}

  async put(record: TokenRecord): Promise<void> {
    await this.db.write(() => {
      this.db.writer
        .prepare('INSERT INTO tokens (hash, record) VALUES (?, ?) ON CONFLICT (hash) DO UPDATE SET record = excluded.record')
        .run(record.hash, JSON.stringify(record));
    });
  }

  async find(hash: string): Promise<TokenRecord | undefined> {
    this.db.assertOpen();
    const row = this.db.reader.prepare<[string], { record: string }>('SELECT record FROM tokens WHERE hash = ?').get(hash);
    return row === undefined ? undefined : (JSON.parse(row.record) as TokenRecord);
  }

  async list(): Promise<readonly TokenRecord[]> {
    this.db.assertOpen();
    return this.db.reader
      .prepare<[], { record: string }>('SELECT record FROM tokens')
      .all()
      .map((row) => JSON.parse(row.record) as TokenRecord)
      .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
  }
}
