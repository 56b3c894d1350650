import { AppendConsistencyViolationError, NO_STREAM, WrongExpectedVersionError, jsonEvent } from '@kurrent/kurrentdb-client';
import { sha256Hex } from '../../events/canonical-json.ts';
import type { RulebookFileSummary, RulebookVersion, RulebookWorkspace } from '../rulebook-workspace.ts';
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
    this.connection.assertOpen();
    const sha256 = sha256Hex(source);
    const stream = workspaceStreamName(this.connection.location.prefix);
    try {
      for (let race = 0; race < MAX_WORKSPACE_RACES; race += 1) {
        const saved = await this.connection.readWholeStream(stream);
        const versions = saved.map((resolved) => resolved.event?.data as unknown as RulebookVersion).filter((version) => version?.file === file);
        const latest = versions.at(-1);
        if (latest !== undefined && latest.sha256 === sha256) return latest;
        const version: RulebookVersion = { file, sha256, source, version: versions.length + 1, savedAt: new Date().toISOString() };
        const lastRevision = saved.at(-1)?.event?.revision;
        try {
          await this.connection.client.appendToStream(stream, jsonEvent({ type: 'RulebookSaved', data: { ...version } }), {
            streamState: lastRevision === undefined ? NO_STREAM : lastRevision,
          });
          return version;
        } catch (error) {
          if (!(error instanceof WrongExpectedVersionError || error instanceof AppendConsistencyViolationError)) throw error;
        }
      }
      throw new StoreError('store.failure', `save rulebook ${file}: lost the workspace race ${MAX_WORKSPACE_RACES} times`);
    } catch (error) {
      throw this.connection.failure(`save rulebook ${file}`, error);
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
