import { join } from 'node:path';
import type { Command } from 'commander';
import { DEFAULT_STORE_URL, openStore } from '@a6/ledger/store';
import { createServer, type AnonymousAccess } from '../../server/index.ts';
import { DEFAULT_EXAMPLES_DIR, seedExamples } from '../../server/seed/seed-examples.ts';
import { CliFailure, EXIT_INTERNAL, EXIT_USAGE, writeError, writeLine } from '../cli-io.ts';
import { serverStoreUrl } from '../shared-options.ts';

/**
 * `a6 serve [--port N] [--store URL] [--host H]`: the editor at `/` and the API under `/api`
 * (docs/api.md "Endpoints"). Binds to loopback unless `--host` says otherwise (docs/security.md).
 */
export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('serve the editor at / and the HTTP API under /api')
    .option('--port <n>', 'port to listen on', '8080')
    .option('--host <host>', 'address to bind (default loopback; 0.0.0.0 exposes the server)', '127.0.0.1')
    .option('--store <url>', `store URL (env A6_STORE; default ${DEFAULT_STORE_URL})`)
    .option('--no-examples', 'do not load the example rulebooks and histories into a fresh store')
    .action(async (options: { port: string; host: string; store?: string; examples: boolean }) => {
      const port = Number(options.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        throw new CliFailure(EXIT_USAGE, { code: 'cli.usage', message: `--port must be a port number, got ${options.port}` });
      }
      const anonymous = process.env.A6_ANONYMOUS === 'none' ? 'none' : 'reader';
      const url = serverStoreUrl(options.store);
      const stores = await openStore(url);
      const { store, workspace, location } = stores;
      const embedded = location.scheme === 'sqlite' || location.scheme === 'memory';
      const fresh = (await store.listHistories()).length === 0 && (await workspace.listFiles()).length === 0;
      const server = await createServer({
        store,
        workspace,
        tokens: stores.tokens,
        anonymous: anonymous satisfies AnonymousAccess,
        adminToken: { file: join(process.cwd(), '.a6', 'admin-token'), print: writeError },
      });
      if (fresh && embedded && options.examples) {
        const seeded = await seedExamples(stores, server.live, DEFAULT_EXAMPLES_DIR, writeError);
        const adopted = seeded.histories.filter((history) => history.adopted !== null).length;
        writeError(`a6: loaded ${seeded.rulebooks.length} example rulebook file(s) and ${seeded.histories.length} example histories (${adopted} with glasgow_2021 in force)`);
      }
      let listening;
      try {
        listening = await server.listen(port, options.host);
      } catch (error) {
        await stores.close();
        throw new CliFailure(EXIT_INTERNAL, { code: 'server.listen_failed', message: `cannot listen on ${options.host}:${port}: ${error instanceof Error ? error.message : String(error)}` });
      }
      writeLine(`A6 Ledger: ${listening.url}/ (API ${listening.url}/api, store ${url}${anonymous === 'none' ? ', anonymous access off' : ''})`);
      const stop = async () => {
        await server.close();
        await stores.close();
        process.exit(0);
      };
      process.once('SIGINT', () => void stop());
      process.once('SIGTERM', () => void stop());
    });
}
