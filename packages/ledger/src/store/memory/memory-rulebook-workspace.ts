import { sha256Hex } from '../../events/canonical-json.ts';
import { assertDistinctFiles, type RulebookFileSummary, type RulebookFileText, type RulebookVersion, type RulebookWorkspace } from '../rulebook-workspace.ts';

/** The in-process workspace (`memory:` stores, tests). */
export class MemoryRulebookWorkspace implements RulebookWorkspace {
  private readonly files = new Map<string, RulebookVersion[]>();

  async save(file: string, source: string): Promise<RulebookVersion> {
    return this.saveNow(file, source);
  }

  async saveAll(files: readonly RulebookFileText[]): Promise<readonly RulebookVersion[]> {
    assertDistinctFiles(files);
    // Synchronous: no other call interleaves, and nothing in between can fail.
    return files.map(({ file, source }) => this.saveNow(file, source));
  }

  private saveNow(file: string, source: string): RulebookVersion {
    const versions = this.files.get(file) ?? [];
    const sha256 = sha256Hex(source);
    const latest = versions.at(-1);
    if (latest !== undefined && latest.sha256 === sha256) return latest;
    const version: RulebookVersion = { file, sha256, source, version: versions.length + 1, savedAt: new Date().toISOString() };
    this.files.set(file, [...versions, version]);
    return version;
  }

  async listFiles(): Promise<readonly RulebookFileSummary[]> {
    return [...this.files.values()]
      .flatMap((versions) => {
        const latest = versions.at(-1);
        return latest === undefined ? [] : [{ file: latest.file, sha256: latest.sha256, versions: versions.length, savedAt: latest.savedAt }];
      })
      .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  }

  async versions(file: string): Promise<readonly RulebookVersion[]> {
    return [...(this.files.get(file) ?? [])];
  }
}
