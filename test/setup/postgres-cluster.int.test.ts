import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import setupTestPostgres from './postgres.ts';
import { findPostgresBinaries, isAlive, startPostgresCluster } from './postgres-cluster.ts';

const binaries = findPostgresBinaries();
const skipReason = binaries.ok ? '' : ` (skipped: ${binaries.reason})`;

describe.skipIf(!binaries.ok)(`throwaway PostgreSQL cluster${skipReason}`, () => {
  it('starts on loopback, accepts connections, and is gone (process and files) after stop', async () => {
    const cluster = await startPostgresCluster({ database: 'a6clustertest' });
    try {
      expect(cluster.url).toBe(`postgres://postgres@127.0.0.1:${cluster.port}/a6clustertest`);
      // Over TCP on loopback, as the tests connect (psql ships with the server binaries).
      const psql = spawnSync(
        join(binaries.ok ? binaries.binDir : '', 'psql'),
        [cluster.url, '-Atc', "select current_setting('server_version_num') || ' ' || current_database()"],
        { encoding: 'utf8' },
      );
      expect(psql.stderr).toBe('');
      const [version, database] = psql.stdout.trim().split(' ');
      expect(database).toBe('a6clustertest');
      expect(Number(version)).toBeGreaterThanOrEqual(150000);
    } finally {
      await cluster.stop();
    }
    expect(isAlive(cluster.pid)).toBe(false);
    expect(existsSync(cluster.dir)).toBe(false);
  });
});

describe('test PostgreSQL global setup', () => {
  const saved = { ...process.env };
  afterEach(() => {
    for (const key of ['CI', 'A6_POSTGRES_BIN', 'A6_TEST_POSTGRES_URL', 'A6_TEST_POSTGRES_SKIP_REASON']) {
      if (saved[key] === undefined) delete process.env[key];
      else process.env[key] = saved[key];
    }
  });

  it('fails the run under CI=true when PostgreSQL is unavailable', async () => {
    delete process.env.A6_TEST_POSTGRES_URL;
    process.env.A6_POSTGRES_BIN = '/nonexistent/postgresql/bin';
    process.env.CI = 'true';
    await expect(setupTestPostgres()).rejects.toThrow(/CI=true and PostgreSQL is unavailable.*\/nonexistent\/postgresql\/bin/);
  });

  it('outside CI, records why the postgres tests skip instead of failing', async () => {
    delete process.env.A6_TEST_POSTGRES_URL;
    delete process.env.A6_TEST_POSTGRES_SKIP_REASON;
    process.env.A6_POSTGRES_BIN = '/nonexistent/postgresql/bin';
    delete process.env.CI;
    await expect(setupTestPostgres()).resolves.toBeUndefined();
    expect(process.env.A6_TEST_POSTGRES_SKIP_REASON).toMatch(/not found in \/nonexistent\/postgresql\/bin.*postgresql-15/);
  });

  it('uses a server given in A6_TEST_POSTGRES_URL and starts nothing', async () => {
    process.env.A6_TEST_POSTGRES_URL = 'postgres://postgres@127.0.0.1:1/given';
    process.env.A6_POSTGRES_BIN = '/nonexistent/postgresql/bin';
    process.env.CI = 'true';
    await expect(setupTestPostgres()).resolves.toBeUndefined();
    expect(process.env.A6_TEST_POSTGRES_URL).toBe('postgres://postgres@127.0.0.1:1/given');
  });
});
