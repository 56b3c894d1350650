import type { RequestHandler, Response } from 'express';
import { ApiError } from '../http/api-error.ts';
import { principalOf, type Principal } from './principal.ts';
import { formatRole, type RoleKind } from './role.ts';

/**
 * Guards an endpoint by role (docs/api.md "Endpoints" table). `admin` may do everything any role may. An
 * anonymous caller that lacks a role gets 401 (it should authenticate), a token with the wrong role 403.
 */
export function requireRole(...allowed: readonly RoleKind[]): RequestHandler {
  return (_request, response, next) => {
    requirePrincipal(response, allowed);
    next();
  };
}

export function requirePrincipal(response: Response, allowed: readonly RoleKind[]): Principal {
  const principal = principalOf(response);
  const permitted = (kind: RoleKind) => kind === 'admin' || allowed.includes(kind);
  if (principal === null || (principal.tokenHash === null && !permitted(principal.role.kind))) {
    throw new ApiError(401, 'auth.token_required', `this endpoint needs a bearer token with role ${describe(allowed)}`);
  }
  if (!permitted(principal.role.kind)) {
    throw new ApiError(403, 'auth.forbidden', `role ${formatRole(principal.role)} may not do this (needs ${describe(allowed)})`);
  }
  return principal;
}

function describe(allowed: readonly RoleKind[]): string {
  const names = [...new Set([...allowed, 'admin' as const])].map((kind) =>
    kind === 'operator' ? 'operator:<REGISTRY>' : kind === 'party' ? 'party:<CODE>' : kind,
  );
  return names.join(' or ');
}
