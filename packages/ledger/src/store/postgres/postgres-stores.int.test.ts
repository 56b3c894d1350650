import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { testPostgres } from '../../../../../test/setup/test-postgres.ts';
import { describeRulebookWorkspaceContract } from '../rulebook-workspace.contract.ts';
import { describeTokenStoreContract } from '../token-store.contract.ts';
import { openPostgresStores } from './open-postgres-stores.ts';

/**
 * The workspace and token contracts on a real PostgreSQL (as postgres-event-store.int.test.ts): each
 * case in a SQL schema of its own.
 */
const postgres = await testPostgres();
afterAll(async () => {
  if (postgres.url !== undefined) await postgres.release();
});

if (postgres.url === undefined) {
  if (process.env.CI === 'true') {
    describe('PostgreSQL workspace and tokens under CI', () => {
      it('has a PostgreSQL server to run the contracts against', () => {
        expect.fail(`CI=true but the PostgreSQL contracts cannot run: ${postgres.reason}`);
      });
    });
  } else {
    console.warn(`PostgreSQL workspace and token contracts skipped: ${postgres.reason}`);
    describe.skip(`RulebookWorkspace and TokenStore contracts: postgres (skipped: ${postgres.reason})`, () => {
      it('runs the shared contracts', () => undefined);
    });
  }
} else {
  const url = postgres.url;
  let lastUrl = '';
  const fresh = () => {
    lastUrl = `${url}?schema=ports_${randomBytes(6).toString('hex')}`;
    return openPostgresStores(lastUrl);
  };
  describeRulebookWorkspaceContract('postgres', fresh, { reopen: () => openPostgresStores(lastUrl) });
  describeTokenStoreContract('postgres', fresh, { reopen: () => openPostgresStores(lastUrl) });
}
