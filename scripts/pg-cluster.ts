/**
 * A throwaway PostgreSQL 15 for trying the `postgres://` store by hand:
 *   pnpm exec tsx scripts/pg-cluster.ts      # prints the URL, Ctrl-C stops it and deletes its files
 * The test run starts its own through the vitest globalSetup `test/setup/postgres.ts`.
 */
import { startPostgresCluster } from '../test/setup/postgres-cluster.ts';

const cluster = await startPostgresCluster({ database: process.argv[2] ?? 'a6' });
process.stdout.write(`${cluster.url}\n`);
process.stderr.write(`PostgreSQL pid ${cluster.pid} in ${cluster.dir}; Ctrl-C stops it and removes the dir\n`);
// Not `once`: a Ctrl-C reaches both tsx and this process (same process group) and tsx relays it too;
// a second SIGINT without a handler would kill us before the dir is removed.
let stopping = false;
const stop = (): void => {
  if (stopping) return;
  stopping = true;
  void cluster.stop().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
// Keep the event loop alive until a signal arrives.
setInterval(() => undefined, 1 << 30);
