import { createHash, randomBytes } from 'node:crypto';
import type { TokenRecord, TokenStore } from '@a6/ledger/store';
import { formatRole, type Role } from './role.ts';

/**
 * Bearer tokens: 32 random bytes (base64url) behind a recognisable `a6_` prefix, so a leaked token
 * is easy to grep for in logs and repositories. Only the sha256 of a token is stored (`TokenRecord.hash`):
 * reading the store does not give anyone a usable token (docs/security.md).
 */
const TOKEN_PREFIX = 'a6_';

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export interface MintedToken {
  /** The secret, shown once and never stored. */
  readonly token: string;
  readonly record: TokenRecord;
}

/** Creates a token for `role`, stores its hash, and returns the secret once. */
export async function mintToken(tokens: TokenStore, role: Role, label?: string, now: Date = new Date()): Promise<MintedToken> {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  const record: TokenRecord = {
    hash: hashToken(token),
    role: formatRole(role),
    createdAt: now.toISOString(),
    ...(label === undefined ? {} : { label }),
  };
  await tokens.put(record);
  return { token, record };
}
