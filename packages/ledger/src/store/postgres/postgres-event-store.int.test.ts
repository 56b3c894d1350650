import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { testPostgres } from '../../../../../test/setup/test-postgres.ts';
import { describeEventStoreContract } from '../event-store.contract.ts';
import { PostgresEventStore } from './postgres-event-store.ts';

/**
 * The shared contract on a real PostgreSQL 15: the run's throwaway cluster (vitest globalSetup
 * `test/setup/postgres.ts`) or, when this file runs on its own, a cluster of its own. Every case gets
 * its own SQL schema (`?schema=`), so cases and test files never see each other's rows.
 */
const postgres = await testPostgres();
afterAll(async () => {
  if (postgres.url !== undefined) await postgres.release();
});

if (postgres.url === undefined) {
  if (process.env.CI === 'true') {
    describe('PostgreSQL store under CI', () => {
      it('has a PostgreSQL server to run the contract against', () => {
        expect.fail(`CI=true but the PostgreSQL contract cannot run: ${postgres.reason}`);
      });
    });
  } else {
    console.warn(`PostgreSQL contract skipped: ${postgres.reason}`);
    describe.skip(`EventStore contract: postgres (skipped: ${postgres.reason})`, () => {
      it('runs the shared contract', () => undefined);
    });
  }
} else {
  const url = postgres.url;
  let lastUrl = '';
  const freshStore = async (): Promise<PostgresEventStore> => {
    lastUrl = `${url}?schema=contract_${randomBytes(6).toString('hex')}`;
    return PostgresEventStore.open(lastUrl);
  };
  describeEventStoreContract('postgres', freshStore, undefined, { reopen: () => PostgresEventStore.open(lastUrl) });
}
