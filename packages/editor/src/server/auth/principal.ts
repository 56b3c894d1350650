import type { Response } from 'express';
import type { Role } from './role.ts';

/** Who is calling: a token's role, or the anonymous reader. */
export interface Principal {
  readonly role: Role;
  /** sha256 of the bearer token; `null` for anonymous requests. */
  readonly tokenHash: string | null;
  readonly label?: string;
}

export const ANONYMOUS_READER: Principal = { role: { kind: 'reader' }, tokenHash: null };

/** The principal `authenticate` attached; `null` when the request is anonymous and anonymous access is off. */
export function principalOf(response: Response): Principal | null {
  return (response.locals.principal as Principal | null | undefined) ?? null;
}
