import { AppendConsistencyViolationError, NO_STREAM, WrongExpectedVersionError, jsonEvent } from '@kurrent/kurrentdb-client';
import { sha256Hex } from '../../events/canonical-json.ts';
import { assertDistinctFiles, type RulebookFileSummary, type RulebookFileText, type RulebookVersion, type RulebookWorkspace } from '../rulebook-workspace.ts';
import { StoreError } from '../store-errors.ts';
import type { KurrentConnection } from './kurrentdb-connection.ts';
import { workspaceStreamName } from './kurrentdb-stream-names.ts';

const MAX_WORKSPACE_RACES = 20;

/**
 * The workspace of a `kurrentdb://` store: one stream, `PREFIX.workspace-rulebooks`, of
 * `RulebookSaved {file, sha256, source, version, savedAt}` events (docs/events.md: saved files in a stream
 * of their own, outside every history). A save appends with the stream's expected revision, so two
 * concurrent saves never take the same version: the loser re-reads and numbers again.
 */
export class KurrentRulebookWorkspace implements RulebookWorkspace {
  constructor(private readonly connection: KurrentConnection) {}

  async save(file: string, source: string): Promise<RulebookVersion> {
    const [saved] = await this.saveAll([{ file, source }]);
    return saved!;
  }

  /** One append of every changed file's event: KurrentDB writes the events of one append atomically. */
  async saveAll(files: readonly RulebookFileText[]): Promise<readonly RulebookVersion[]> {
    this.connection.assertOpen();
    assertDistinctFiles(files);
    const stream = workspaceStreamName(this.connection.location.prefix);
    const what = `save rulebook ${files.map((entry) => entry.file).join(', ')}`;
    try {
      for (let race = 0; race < MAX_WORKSPACE_RACES; race += 1) {
        const saved = await this.connection.readWholeStream(stream);
        const existing = saved.map((resolved) => resolved.event?.data as unknown as RulebookVersion).filter((version) => version?.file !== undefined);
        const savedAt = new Date().toISOString();
        const results = files.map(({ file, source }) => nextVersion(existing, file, source, savedAt));
        const fresh = results.filter((result) => result.fresh).map((result) => jsonEvent({ type: 'RulebookSaved', data: { ...result.version } }));
        if (fresh.length === 0) return results.map((result) => result.version);
        const lastRevision = saved.at(-1)?.event?.revision;
        try {
          await this.connection.client.appendToStream(stream, fresh, { streamState: lastRevision === undefined ? NO_STREAM : lastRevision });
          return results.map((result) => result.version);
        } catch (error) {
          if (!(error instanceof WrongExpectedVersionError || error instanceof AppendConsistencyViolationError)) throw error;
        }
      }
      throw new StoreError('store.failure', `${what}: lost the workspace race ${MAX_WORKSPACE_RACES} times`);
    } catch (error) {
      throw this.connection.failure(what, error);
    }
  }

  async listFiles(): Promise<readonly RulebookFileSummary[]> {
    const latest = new Map<string, RulebookVersion>();
    for (const version of await this.allVersions()) latest.set(version.file, version);
    return [...latest.values()]
      .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
      .map((version) => ({ file: version.file, sha256: version.sha256, versions: version.version, savedAt: version.savedAt }));
  }

  async versions(file: string): Promise<readonly RulebookVersion[]> {
    return (await this.allVersions()).filter((version) => version.file === file);
  }

  private async allVersions(): Promise<RulebookVersion[]> {
    this.connection.assertOpen();
    const saved = await this.connection.readWholeStream(workspaceStreamName(this.connection.location.prefix));
    return saved.map((resolved) => resolved.event?.data as unknown as RulebookVersion).filter((version) => version?.file !== undefined);
  }
}

/** The version `source` would take after `existing` (the latest one when the text is unchanged). */
function nextVersion(existing: readonly RulebookVersion[], file: string, source: string, savedAt: string): { version: RulebookVersion; fresh: boolean } {
  const versions = existing.filter((version) => version.file === file);
  const sha256 = sha256Hex(source);
  const latest = versions.at(-1);
  if (latest !== undefined && latest.sha256 === sha256) return { version: latest, fresh: false };
  return { version: { file, sha256, source, version: versions.length + 1, savedAt }, fresh: true };
}
