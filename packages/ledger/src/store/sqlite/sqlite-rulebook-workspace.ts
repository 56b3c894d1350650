import { sha256Hex } from '../../events/canonical-json.ts';
import { assertDistinctFiles, type RulebookFileSummary, type RulebookFileText, type RulebookVersion, type RulebookWorkspace } from '../rulebook-workspace.ts';
import type { SqliteDatabase } from './sqlite-database.ts';

/** The workspace of a `sqlite:` store: table `rulebook_versions` of the store file (sqlite-schema.ts). */
export class SqliteRulebookWorkspace implements RulebookWorkspace {
  constructor(private readonly db: SqliteDatabase) {}

  async save(file: string, source: string): Promise<RulebookVersion> {
    const [saved] = await this.saveAll([{ file, source }]);
    return saved!;
  }

  async saveAll(files: readonly RulebookFileText[]): Promise<readonly RulebookVersion[]> {
    assertDistinctFiles(files);
    const writer = this.db.writer;
    // One IMMEDIATE transaction for the whole batch: two processes saving one file take turns on the
    // file lock, so they never both take version N+1, and a failure leaves no file of the batch saved.
    const save = writer.transaction((): RulebookVersion[] => files.map(({ file, source }) => this.saveInTransaction(file, source)));
    return this.db.write(() => save.immediate());
  }

  private saveInTransaction(file: string, source: string): RulebookVersion {
    const sha256 = sha256Hex(source);
    const writer = this.db.writer;
    const latest = writer.prepare<[string], VersionRow>('SELECT * FROM rulebook_versions WHERE file = ? ORDER BY version DESC LIMIT 1').get(file);
    if (latest !== undefined && latest.sha256 === sha256) return toVersion(latest);
    const version: RulebookVersion = { file, sha256, source, version: (latest?.version ?? 0) + 1, savedAt: new Date().toISOString() };
    writer
      .prepare('INSERT INTO rulebook_versions (file, version, sha256, source, saved_at) VALUES (?, ?, ?, ?, ?)')
      .run(file, version.version, sha256, source, version.savedAt);
    return version;
  }

  async listFiles(): Promise<readonly RulebookFileSummary[]> {
    this.db.assertOpen();
    return this.db.reader
      .prepare<[], { file: string; sha256: string; versions: number; saved_at: string }>(
        `SELECT file, sha256, version AS versions, saved_at FROM rulebook_versions AS v
         WHERE version = (SELECT MAX(version) FROM rulebook_versions WHERE file = v.file) ORDER BY file`,
      )
      .all()
      .map((row) => ({ file: row.file, sha256: row.sha256, versions: row.versions, savedAt: row.saved_at }));
  }

  async versions(file: string): Promise<readonly RulebookVersion[]> {
    this.db.assertOpen();
    return this.db.reader.prepare<[string], VersionRow>('SELECT * FROM rulebook_versions WHERE file = ? ORDER BY version').all(file).map(toVersion);
  }
}

interface VersionRow {
  file: string;
  version: number;
  sha256: string;
  source: string;
  saved_at: string;
}

function toVersion(row: VersionRow): RulebookVersion {
  return { file: row.file, sha256: row.sha256, source: row.source, version: row.version, savedAt: row.saved_at };
}
