import { sha256Hex } from '../../events/canonical-json.ts';
import { assertDistinctFiles, type RulebookFileSummary, type RulebookFileText, type RulebookVersion, type RulebookWorkspace } from '../rulebook-workspace.ts';
import type { PostgresDatabase } from './postgres-database.ts';

/** The workspace of a `postgres://` store: table `a6_rulebook_versions` of the store's schema. */
export class PostgresRulebookWorkspace implements RulebookWorkspace {
  constructor(private readonly db: PostgresDatabase) {}

  async save(file: string, source: string): Promise<RulebookVersion> {
    const [saved] = await this.saveAll([{ file, source }]);
    return saved!;
  }

  async saveAll(files: readonly RulebookFileText[]): Promise<readonly RulebookVersion[]> {
    assertDistinctFiles(files);
    const table = this.db.tables.rulebooks;
    const names = files.map((entry) => entry.file).join(', ');
    return this.db.transaction(async (client) => {
      // Two saves of one file must not both take version N+1. Locks taken in file order, so two
      // batches that share files never wait on each other in a cycle.
      for (const file of files.map((entry) => entry.file).sort()) {
        await client.query('select pg_advisory_xact_lock(hashtext($1))', [`a6.rulebook:${this.db.location.schema}:${file}`]);
      }
      const saved: RulebookVersion[] = [];
      for (const { file, source } of files) {
        const sha256 = sha256Hex(source);
        const latest = await client.query<VersionRow>(
          `select file, version, sha256, source, saved_at from ${table} where file = $1 order by version desc limit 1`,
          [file],
        );
        const last = latest.rows[0];
        if (last !== undefined && last.sha256 === sha256) {
          saved.push(toRulebookVersion(last));
          continue;
        }
        const version: RulebookVersion = { file, sha256, source, version: (last?.version ?? 0) + 1, savedAt: new Date().toISOString() };
        await client.query(`insert into ${table} (file, version, sha256, source, saved_at) values ($1, $2, $3, $4, $5)`, [
          file,
          version.version,
          sha256,
          source,
          version.savedAt,
        ]);
        saved.push(version);
      }
      return saved;
    }, `save rulebook ${names}`);
  }

  async listFiles(): Promise<readonly RulebookFileSummary[]> {
    // `collate "C"`: sorted by code units like the other implementations, whatever the database's locale.
    const rows = await this.db.query<{ file: string; sha256: string; versions: number; saved_at: string }>(
      `select distinct on (file collate "C") file, sha256, saved_at, count(*) over (partition by file)::int as versions
         from ${this.db.tables.rulebooks} order by file collate "C", version desc`,
      [],
      'list rulebook files',
    );
    return rows.map((row) => ({ file: row.file, sha256: row.sha256, versions: row.versions, savedAt: row.saved_at }));
  }

  async versions(file: string): Promise<readonly RulebookVersion[]> {
    const rows = await this.db.query<VersionRow>(
      `select file, version, sha256, source, saved_at from ${this.db.tables.rulebooks} where file = $1 order by version`,
      [file],
      `read versions of rulebook ${file}`,
    );
    return rows.map(toRulebookVersion);
  }
}

interface VersionRow {
  readonly file: string;
  readonly version: number;
  readonly sha256: string;
  readonly source: string;
  readonly saved_at: string;
}

function toRulebookVersion(row: VersionRow): RulebookVersion {
  return { file: row.file, version: row.version, sha256: row.sha256, source: row.source, savedAt: row.saved_at };
}
