import { Router } from 'express';
import { z } from 'zod';
import { parseRequest } from '../http/parse-request.ts';
import type { TokenStore } from '@a6/ledger/store';
import { mintToken } from './bearer-token.ts';
import { requireRole } from './authorize.ts';
import { ROLE_SYNTAX, formatRole, parseRole } from './role.ts';

const tokenBody = z.strictObject({
  role: z.string().refine((text) => parseRole(text) !== undefined, `role must be ${ROLE_SYNTAX}`),
  label: z.string().max(200).optional(),
});

/** `POST /api/tokens` (admin): mints a bearer token; the secret is in this response and nowhere else. */
export function tokenRoutes(tokens: TokenStore): Router {
  const router = Router();
  router.post('/tokens', requireRole('admin'), async (request, response) => {
    const body = parseRequest(tokenBody, request.body);
    const role = parseRole(body.role)!;
    const { token, record } = await mintToken(tokens, role, body.label);
    response.setHeader('Cache-Control', 'no-store');
    response.status(201).json({ token, role: formatRole(role), label: record.label ?? null, createdAt: record.createdAt });
  });
  return router;
}
