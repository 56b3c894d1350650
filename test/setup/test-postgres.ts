import { findPostgresBinaries, startPostgresCluster } from './postgres-cluster.ts';

/** A PostgreSQL for one test file: its URL and how to let go of it, or why there is none. */
export type TestPostgres =
  | { readonly url: string; readonly release: () => Promise<void> }
  | { readonly url: undefined; readonly reason: string };

/**
 * For test files that need PostgreSQL: the server of the run's globalSetup (`A6_TEST_POSTGRES_URL`)
 * when there is one, else a throwaway cluster of the file's own (so `vitest run <that file>` works
 * with any config), else the reason there is none. Under `CI=true` the caller must fail on a reason.
 */
export async function testPostgres(): Promise<TestPostgres> {
  const given = process.env.A6_TEST_POSTGRES_URL;
  if (given !== undefined && given !== '') return { url: given, release: async () => undefined };
  const binaries = findPostgresBinaries();
  if (!binaries.ok) return { url: undefined, reason: process.env.A6_TEST_POSTGRES_SKIP_REASON ?? binaries.reason };
  const cluster = await startPostgresCluster({ binDir: binaries.binDir });
  return { url: cluster.url, release: () => cluster.stop() };
}
