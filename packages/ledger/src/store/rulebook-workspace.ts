import { StoreError } from './store-errors.ts';

/**
 * The rulebook workspace port (docs/storage.md "Ports"). Saved rulebook *files* are not history
 * events: they live in the store's workspace, shared by all histories, as versions
 * `RulebookSaved {file, sha256, source}` (docs/storage.md "Named histories"). Every implementation
 * runs the one contract suite in `rulebook-workspace.contract.ts`.
 *
 * Kept apart from `EventStore` so that a backend holds the workspace only where it fits (a table next
 * to the events in SQLite and PostgreSQL, a stream of its own in KurrentDB) and so that code reading
 * histories never depends on it.
 */

/** One saved version of a rulebook file (`RulebookSaved {file, sha256, source}`). */
export interface RulebookVersion {
  readonly file: string;
  /** sha256 hex of `source` (UTF-8). */
  readonly sha256: string;
  readonly source: string;
  /** 1-based version number within the file. */
  readonly version: number;
  /** ISO-8601 UTC time the workspace recorded the save. */
  readonly savedAt: string;
}

/** A file and the text to save as its next version. */
export interface RulebookFileText {
  readonly file: string;
  readonly source: string;
}

/** Refuses a batch that names one file twice (which version would win is not meaningful). */
export function assertDistinctFiles(files: readonly RulebookFileText[]): void {
  const seen = new Set<string>();
  for (const { file } of files) {
    if (seen.has(file)) throw new StoreError('store.duplicate_file', `${file} is named twice in one save`);
    seen.add(file);
  }
}

export interface RulebookFileSummary {
  readonly file: string;
  /** sha256 of the latest version. */
  readonly sha256: string;
  readonly versions: number;
  readonly savedAt: string;
}

export interface RulebookWorkspace {
  /**
   * Saves `source` as the next version of `file`, unless the latest version has the same sha256: then
   * that version is returned and nothing is written. Two concurrent saves of one file never take the
   * same version number.
   */
  save(file: string, source: string): Promise<RulebookVersion>;
  /**
   * Saves several files as one atomic write: either every file gets its version (or keeps its latest
   * one when the text is unchanged) or none does. Results in the order of `files`; a file named twice
   * is refused (`store.duplicate_file`) before anything is written. A rename across files uses this
   * (docs/editor.md "Safe saves").
   */
  saveAll(files: readonly RulebookFileText[]): Promise<readonly RulebookVersion[]>;
  /** Saved files, sorted by name (code-unit order), each with its latest version. */
  listFiles(): Promise<readonly RulebookFileSummary[]>;
  /** Versions of one file, oldest first; empty when the file was never saved. */
  versions(file: string): Promise<readonly RulebookVersion[]>;
}
