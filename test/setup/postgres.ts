import { findPostgresBinaries, startPostgresCluster } from './postgres-cluster.ts';

/**
 * vitest globalSetup: one throwaway PostgreSQL 15 for the whole run, handed to the tests through
 * `A6_TEST_POSTGRES_URL` (test workers are forked after global setup, so they inherit the variable).
 *
 * - `A6_TEST_POSTGRES_URL` already set: use that server, start nothing.
 * - binaries missing: set `A6_TEST_POSTGRES_SKIP_REASON`, and the postgres tests skip saying why —
 *   except under `CI=true`, where a skipped backend would be a silent gap, so the run fails here.
 */
export default async function setupTestPostgres(): Promise<(() => Promise<void>) | undefined> {
  if (process.env.A6_TEST_POSTGRES_URL) return undefined;
  const binaries = findPostgresBinaries();
  if (!binaries.ok) {
    if (process.env.CI === 'true') {
      throw new Error(`CI=true and PostgreSQL is unavailable, so the PostgreSQL store tests cannot run: ${binaries.reason}`);
    }
    process.env.A6_TEST_POSTGRES_SKIP_REASON = binaries.reason;
    return undefined;
  }
  const cluster = await startPostgresCluster({ binDir: binaries.binDir });
  process.env.A6_TEST_POSTGRES_URL = cluster.url;
  return async () => {
    delete process.env.A6_TEST_POSTGRES_URL;
    await cluster.stop();
  };
}
