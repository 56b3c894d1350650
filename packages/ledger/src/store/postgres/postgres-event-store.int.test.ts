import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { describeEventStoreContract } from '../event-store.contract.ts';
import { PostgresEventStore } from './postgres-event-store.ts';

/**
 * The shared contract on a real PostgreSQL 15: the vitest globalSetup `test/setup/postgres.ts` starts
 * a throwaway cluster and exports its URL. Every case gets its own SQL schema (`?schema=`), so cases
 * and test files never see each other's rows.
 */
const url = process.env.A6_TEST_POSTGRES_URL;
const skipReason =
  process.env.A6_TEST_POSTGRES_SKIP_REASON ??
  'A6_TEST_POSTGRES_URL is not set (the vitest globalSetup test/setup/postgres.ts starts a throwaway PostgreSQL 15 and sets it)';

if (url === undefined && process.env.CI === 'true') {
  describe('PostgreSQL store under CI', () => {
    it('has a PostgreSQL server to run the contract against', () => {
      expect.fail(`CI=true but the PostgreSQL contract cannot run: ${skipReason}`);
    });
  });
}

if (url === undefined) {
  describe.skip(`EventStore contract: postgres (skipped: ${skipReason})`, () => {
    it('runs the shared contract', () => undefined);
  });
} else {
  let lastUrl = '';
  const freshStore = async (): Promise<PostgresEventStore> => {
    lastUrl = `${url}?schema=contract_${randomBytes(6).toString('hex')}`;
    return PostgresEventStore.open(lastUrl);
  };
  describeEventStoreContract('postgres', freshStore, undefined, { reopen: () => PostgresEventStore.open(lastUrl) });
}
