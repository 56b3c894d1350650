import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { TokenStore } from '@a6/ledger/store';
import { mintToken } from './bearer-token.ts';

export interface AdminTokenBootstrap {
  /** Where to write the token (mode 0600); `null`: do not write it (tests, memory stores). */
  readonly file: string | null;
  /** Prints the one-time notice (stderr in `a6 serve`). */
  readonly print: (line: string) => void;
}

/**
 * First start of a store without tokens (docs/api.md "Endpoints"): generates an admin token, writes it to
 * `.a6/admin-token` readable by the owner only, and prints it once. Nothing that writes is open
 * without a token, so without this a fresh server could never be administered. Returns the token when
 * one was generated.
 */
export async function ensureAdminToken(tokens: TokenStore, bootstrap: AdminTokenBootstrap): Promise<string | undefined> {
  if ((await tokens.list()).length > 0) return undefined;
  const { token } = await mintToken(tokens, { kind: 'admin' }, 'generated on first start');
  if (bootstrap.file !== null) {
    await mkdir(dirname(bootstrap.file), { recursive: true });
    // `mode` only applies when the file is created; chmod covers a file left over from another store.
    await writeFile(bootstrap.file, `${token}\n`, { mode: 0o600 });
    await chmod(bootstrap.file, 0o600);
  }
  bootstrap.print(`a6: generated an admin token${bootstrap.file === null ? '' : ` (saved to ${bootstrap.file}, mode 0600)`}; it is shown only once:`);
  bootstrap.print(`  ${token}`);
  return token;
}
