import { randomBytes } from 'node:crypto';
import { describe, it } from 'vitest';
import { describeRulebookWorkspaceContract } from '../rulebook-workspace.contract.ts';
import { KurrentConnection } from './kurrentdb-connection.ts';
import { KurrentEventStore } from './kurrentdb-event-store.ts';
import { parseKurrentLocation } from './kurrentdb-location.ts';
import { KurrentRulebookWorkspace } from './kurrentdb-rulebook-workspace.ts';

/**
 * The workspace contract against a real KurrentDB (as kurrentdb-event-store.int.test.ts: set
 * `KURRENTDB_URL`; each case under its own prefix). Without a server it is reported as skipped, with
 * the reason — never replaced by a mock.
 */
const url = process.env.KURRENTDB_URL;
const reason = 'KURRENTDB_URL not set — no KurrentDB server can run on this machine (no package, no .NET, no Docker engine)';

if (url === undefined || url === '') {
  console.warn(`KurrentDB workspace contract skipped: ${reason}`);
  describe.skip(`RulebookWorkspace contract: kurrentdb (skipped: ${reason})`, () => {
    it('runs the workspace contract against a KurrentDB server', () => undefined);
  });
} else {
  let lastUrl = '';
  const withPrefix = (prefix: string): string => `${url}${url.includes('?') ? '&' : '?'}prefix=${prefix}`;
  const open = async (target: string) => {
    const connection = await KurrentConnection.open(parseKurrentLocation(target));
    const store = new KurrentEventStore(connection);
    return { store, workspace: new KurrentRulebookWorkspace(connection), close: () => store.close() };
  };
  describeRulebookWorkspaceContract(
    'kurrentdb',
    () => {
      lastUrl = withPrefix(`workspace_${randomBytes(6).toString('hex')}`);
      return open(lastUrl);
    },
    { reopen: () => open(lastUrl) },
  );
}
