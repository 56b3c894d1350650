/**
 * SQLite layout (docs/storage.md). One row per event, keyed by (history, seq); ids are unique per
 * history; the head row is the optimistic-concurrency point of every append. `rulebook_versions`
 * (`SqliteRulebookWorkspace`) and `tokens` (`SqliteTokenStore`) are the other two ports of the same
 * file. Layout 1 is what every a6 so far has written; a change of layout bumps the version and
 * migrates, tested on `fixtures/layout-v1.db` (a file written by layout-1 code).
 */
export const SQLITE_SCHEMA_VERSION = 1;

export const SQLITE_SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  history TEXT NOT NULL,
  seq INTEGER NOT NULL,
  id TEXT NOT NULL,
  type TEXT NOT NULL,
  stream TEXT NOT NULL,
  at TEXT NOT NULL,
  body TEXT NOT NULL,
  prev TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  PRIMARY KEY (history, seq)
) WITHOUT ROWID;
CREATE UNIQUE INDEX IF NOT EXISTS events_by_id ON events (history, id);
CREATE INDEX IF NOT EXISTS events_by_stream ON events (history, stream, seq);
CREATE TABLE IF NOT EXISTS heads (
  history TEXT PRIMARY KEY,
  events INTEGER NOT NULL,
  hash TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS rulebook_versions (
  file TEXT NOT NULL,
  version INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  source TEXT NOT NULL,
  saved_at TEXT NOT NULL,
  PRIMARY KEY (file, version)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS tokens (
  hash TEXT PRIMARY KEY,
  record TEXT NOT NULL
) WITHOUT ROWID;
`;
