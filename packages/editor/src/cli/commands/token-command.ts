import type { Command } from 'commander';
import { DEFAULT_STORE_URL, openStore } from '@a6/ledger/store';
import { ROLE_SYNTAX, formatRole, mintToken, parseRole } from '../../server/index.ts';
import { CliFailure, EXIT_USAGE, writeError, writeJson, writeLine } from '../cli-io.ts';
import { serverStoreUrl } from '../shared-options.ts';

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
      const stores = await openStore(serverStoreUrl(options.store));
      try {
        const minted = await mintToken(stores.tokens, role, options.label);
        if (options.json) {
          writeJson({ token: minted.token, role: formatRole(role), label: minted.record.label ?? null, createdAt: minted.record.createdAt });
        } else {
          writeLine(minted.token);
          writeError(`a6: token for role ${formatRole(role)} created; it is shown only this once`);
        }
      } finally {
        await stores.close();
      }
    });
}
