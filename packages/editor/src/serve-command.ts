import { join } from 'node:path';
import type { Command } from 'commander';
import { CliFailure, EXIT_INTERNAL, EXIT_USAGE, writeJson, writeLine } from '@a6/ledger';
import { ROLE_SYNTAX, createServer, formatRole, mintToken, parseRole, type AnonymousAccess } from './server/index.ts';
import { DEFAULT_STORE_URL, openStore } from './server/platform.ts';
import { DEFAULT_EXAMPLES_DIR, seedExamples } from './server/seed/seed-examples.ts';

/** The store a command uses: `--store`, else `A6_STORE`, else the embedded default (cli.md). */
function storeUrl(option: string | undefined): string {
  return option ?? process.env.A6_STORE ?? DEFAULT_STORE_URL;
}

const note = (line: string) => process.stderr.write(`${line}\n`);

/**
 * `a6 serve [--port N] [--store URL] [--host H]`: the editor at `/` and the API under `/api`
 * (cli.md "Server"). Binds to loopback unless `--host` says otherwise (docs/security.md).
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
      const url = storeUrl(options.store);
      const stores = await openStore(url);
      const { store, workspace, location } = stores;
      const embedded = location.scheme === 'sqlite' || location.scheme === 'memory';
      const fresh = (await store.listHistories()).length === 0 && (await workspace.listFiles()).length === 0;
      const server = await createServer({
        store,
        workspace,
        tokens: stores.tokens,
        anonymous: anonymous satisfies AnonymousAccess,
        adminToken: { file: join(process.cwd(), '.a6', 'admin-token'), print: note },
      });
      if (fresh && embedded && options.examples) {
        const seeded = await seedExamples(stores, server.live, DEFAULT_EXAMPLES_DIR, note);
        const adopted = seeded.histories.filter((history) => history.adopted !== null).length;
        note(`a6: loaded ${seeded.rulebooks.length} example rulebook file(s) and ${seeded.histories.length} example histories (${adopted} with glasgow_2021 in force)`);
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

/** `a6 token create --role ROLE [--store URL] [--label TEXT]`: mints a bearer token and prints it once. */
export function registerTokenCommand(program: Command): void {
  const token = program.command('token').description('bearer tokens of the server');
  token
    .command('create')
    .description('mint a bearer token for the server; it is printed once and only its sha256 is stored')
    .requiredOption('--role <role>', `one of ${ROLE_SYNTAX}`)
    .option('--label <text>', 'a note to recognise the token by (who holds it)')
    .option('--store <url>', `store URL (env A6_STORE; default ${DEFAULT_STORE_URL})`)
    .option('--json', 'print {"token","role","label","createdAt"}')
    .action(async (options: { role: string; label?: string; store?: string; json?: boolean }) => {
      const role = parseRole(options.role);
      if (role === undefined) {
        throw new CliFailure(EXIT_USAGE, { code: 'cli.usage', message: `--role ${JSON.stringify(options.role)} is not a role: use ${ROLE_SYNTAX}` });
      }
      const stores = await openStore(storeUrl(options.store));
      try {
        const minted = await mintToken(stores.tokens, role, options.label);
        if (options.json) {
          writeJson({ token: minted.token, role: formatRole(role), label: minted.record.label ?? null, createdAt: minted.record.createdAt });
        } else {
          writeLine(minted.token);
          note(`a6: token for role ${formatRole(role)} created; it is shown only this once`);
        }
      } finally {
        await stores.close();
      }
    });
}
