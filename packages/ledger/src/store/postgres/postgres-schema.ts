/**
 * Tables of a PostgreSQL store, created idempotently on open (`createPostgresSchema`). One schema can
 * hold any number of histories; the workspace (rulebook files) and tokens are shared by them.
 *
 * - `a6_histories`: one **head row** per history (`events` = next seq, `hash` = chain head). Every
 *   append locks it `FOR UPDATE` first: that row is what serializes writers (see
 *   postgres-event-store.ts for why this makes the global order gap-free).
 * - `a6_events`: one row per event. `content` is the RFC 8785 canonical JSON of `{type, id, at, data,
 *   meta?}` kept as text, not jsonb: jsonb would re-render numbers and drop the exact bytes, and the
 *   same text is what idempotent re-appends compare. `stream`/`stream_revision` give `readStream`.
 * - `a6_rulebook_versions`, `a6_tokens`: the workspace (`PostgresRulebookWorkspace`) and the server's
 *   bearer tokens (`PostgresTokenStore`, hashes only), the other two ports of the same schema.
 * - `a6_store_meta`: the schema version, so a later layout can migrate instead of guessing. Layout 1
 *   is what every a6 so far has written; `fixtures/layout-v1.sql` is such a schema, dumped, and
 *   `postgres-layout-v1.int.test.ts` opens it with the current code.
 */
export const POSTGRES_SCHEMA_VERSION = 1;

export function postgresSchemaStatements(schema: string): readonly string[] {
  const s = quoteIdent(schema);
  return [
    `create schema if not exists ${s}`,
    `create table if not exists ${s}.a6_store_meta (key text primary key, value text not null)`,
    `create table if not exists ${s}.a6_histories (
       history text primary key,
       events bigint not null,
       hash text not null
     )`,
    `create table if not exists ${s}.a6_events (
       history text not null,
       seq bigint not null,
       id text not null,
       stream text not null,
       stream_revision bigint not null,
       type text not null,
       prev text not null,
       content text not null,
       primary key (history, seq),
       unique (history, id),
       unique (history, stream, stream_revision)
     )`,
    `create index if not exists a6_events_by_type on ${s}.a6_events (history, type, seq)`,
    `create table if not exists ${s}.a6_rulebook_versions (
       file text not null,
       version integer not null,
       sha256 text not null,
       source text not null,
       saved_at text not null,
       primary key (file, version)
     )`,
    `create table if not exists ${s}.a6_tokens (
       hash text primary key,
       role text not null,
       label text,
       created_at text not null,
       revoked boolean
     )`,
    `insert into ${s}.a6_store_meta (key, value) values ('schema_version', '${POSTGRES_SCHEMA_VERSION}')
       on conflict (key) do nothing`,
  ];
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
