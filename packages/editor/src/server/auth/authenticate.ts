import type { RequestHandler } from 'express';
import { ApiError } from '../http/api-error.ts';
import type { TokenStore } from '@a6/ledger/store';
import { hashToken } from './bearer-token.ts';
import { ANONYMOUS_READER, type Principal } from './principal.ts';
import { parseRole } from './role.ts';

/** `reader`: anonymous requests read (docs/cli.md default); `none`: every request but health needs a token. */
export type AnonymousAccess = 'reader' | 'none';

/**
 * Resolves `Authorization: Bearer <token>` to a principal. A header that is present but wrong is a 401
 * even on endpoints open to anonymous readers: a client that meant to authenticate must learn that it
 * did not, instead of silently getting the reader's view.
 */
export function authenticate(tokens: TokenStore, anonymous: AnonymousAccess): RequestHandler {
  return async (request, response, next) => {
    const header = request.headers.authorization;
    if (header === undefined || header === '') {
      response.locals.principal = anonymous === 'reader' ? ANONYMOUS_READER : null;
      next();
      return;
    }
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (match === null) {
      throw new ApiError(401, 'auth.invalid_token', 'the Authorization header must be "Bearer <token>"');
    }
    const record = await tokens.find(hashToken(match[1]!));
    const role = record === undefined || record.revoked ? undefined : parseRole(record.role);
    if (record === undefined || role === undefined) {
      throw new ApiError(401, 'auth.invalid_token', 'the bearer token is not valid (unknown or revoked)');
    }
    const principal: Principal = { role, tokenHash: record.hash, ...(record.label === undefined ? {} : { label: record.label }) };
    response.locals.principal = principal;
    next();
  };
}
