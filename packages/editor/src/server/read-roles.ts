import type { RoleKind } from './auth/index.ts';

/**
 * The read side of the role ladder (docs/api.md "Roles"): reader < auditor < the writing roles
 * (designer, operator, party) < admin. Each rung may do what the rungs below it may; admin may do
 * everything (`requirePrincipal`). Reads are not scoped: a Party's or an operator's token reads the whole
 * ledger, like the anonymous reader (unless `A6_ANONYMOUS=none`).
 */

/** Every role reads; the anonymous reader too. */
export const READ_ROLES: readonly RoleKind[] = ['reader', 'auditor', 'designer', 'operator', 'party'];

/** Auditor or above: filing-grade reports (the AEF, `GET /api/histories/:id/aef`), never the anonymous reader. */
export const AUDIT_ROLES: readonly RoleKind[] = ['auditor', 'designer', 'operator', 'party'];
