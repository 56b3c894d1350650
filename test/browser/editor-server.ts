import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer, type A6Server } from '../../packages/editor/src/server/index.ts';
import { readHistoryFile } from '@a6/ledger/node';
import { openMemoryStores } from '@a6/ledger/store';
import { DEFAULT_EXAMPLES_DIR, seedExamples } from '../../packages/editor/src/server/seed/seed-examples.ts';

/**
 * The real server (`createServer`, memory store) serving a built editor app, loaded the way `pnpm start`
 * loads a fresh store: every example rulebook and history, with glasgow_2021 adopted. One more history,
 * `spec-worked-example`, holds docs/reports.md's worked example exactly as printed (15 events): the seeded
 * `worked-example` history also carries the server's adoption event, a 16th.
 */
export const SPEC_WORKED_EXAMPLE = 'spec-worked-example';

export interface RunningEditorServer {
  readonly url: string;
  readonly server: A6Server;
  /** Mints a bearer token through the API, as the admin. */
  token(role: string): Promise<string>;
  close(): Promise<void>;
}

export async function startEditorServer(appDir: string): Promise<RunningEditorServer> {
  const stores = openMemoryStores();
  const { store } = stores;
  const server = await createServer({
    store,
    workspace: stores.workspace,
    tokens: stores.tokens,
    appDir,
    rateLimit: false,
    adminToken: { file: null, print: () => {} },
    log: process.env.A6_TEST_SERVER_LOG ? (line: string) => process.stderr.write(`${line}\n`) : () => {},
  });
  await seedExamples(stores, server.live, DEFAULT_EXAMPLES_DIR, () => {});
  const worked = await readHistoryFile(join(DEFAULT_EXAMPLES_DIR, 'histories', 'worked-example.ndjson'));
  if (!worked.ok) throw new Error(`examples/histories/worked-example.ndjson does not validate: ${JSON.stringify(worked.issues[0])}`);
  await store.append(SPEC_WORKED_EXAMPLE, worked.events);
  const { url } = await server.listen(0, '127.0.0.1');
  const admin = server.adminToken ?? '';
  return {
    url: `${url}/`,
    server,
    async token(role) {
      const response = await fetch(`${url}/api/tokens`, {
        method: 'POST',
        headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
        body: JSON.stringify({ role }),
      });
      if (response.status !== 201) throw new Error(`could not mint a ${role} token: ${await response.text()}`);
      return ((await response.json()) as { token: string }).token;
    },
    async close() {
      await server.close();
      await stores.close();
    },
  };
}

/** The example file as the server stores it, for comparing what the editor shows. */
export function exampleRulebook(file: string): string {
  return readFileSync(join(DEFAULT_EXAMPLES_DIR, 'rulebooks', file), 'utf8');
}
