import { randomBytes } from 'node:crypto';
import { describe, it } from 'vitest';
import { describeEventStoreContract } from '../event-store.contract.ts';
import { KurrentEventStore } from './kurrentdb-event-store.ts';

/**
 * The shared contract against a real KurrentDB (25.1 or later: `multiStreamAppend`), e.g.
 * `KURRENTDB_URL='kurrentdb://localhost:2113?tls=false'`. Each case writes under its own stream-name
 * prefix, so cases never see each other's streams. No KurrentDB server can run on this project's
 * machines (no package, no .NET, no Docker engine): without the variable the suite is reported as
 * skipped, with that reason — it is never replaced by a mock.
 */
const url = process.env.KURRENTDB_URL;
const reason = 'KURRENTDB_URL not set — no KurrentDB server can run on this machine (no package, no .NET, no Docker engine)';

if (url === undefined || url === '') {
  // The default reporter names skipped files but not their tests: say why in the run's output too.
  console.warn(`KurrentDB contract skipped: ${reason}`);
  describe.skip(`EventStore contract: kurrentdb (skipped: ${reason})`, () => {
    it('runs the shared contract against a KurrentDB server', () => undefined);
  });
} else {
  let lastUrl = '';
  const withPrefix = (prefix: string): string => `${url}${url.includes('?') ? '&' : '?'}prefix=${prefix}`;
  describeEventStoreContract(
    'kurrentdb',
    async () => {
      lastUrl = withPrefix(`contract_${randomBytes(6).toString('hex')}`);
      return KurrentEventStore.open(lastUrl);
    },
    undefined,
    { reopen: () => KurrentEventStore.open(lastUrl) },
  );
}
