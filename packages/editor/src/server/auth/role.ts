/**
 * Server roles (docs/api.md "Roles"): `admin`, `designer`, `operator:<REGISTRY>`, `party:<CODE>`,
 * `auditor`, `reader`. A role is data; what each may do is decided in `authorize.ts`,
 * `event-permission.ts` and `../read-roles.ts` (the ladder reader < auditor < the writing roles < admin).
 */
export type Role =
  | { readonly kind: 'admin' }
  | { readonly kind: 'designer' }
  | { readonly kind: 'reader' }
  | { readonly kind: 'auditor' }
  | { readonly kind: 'operator'; readonly registry: string }
  | { readonly kind: 'party'; readonly party: string };

export type RoleKind = Role['kind'];

// Same shapes as the event schema: a registry id has no spaces or colons, a Party is ISO alpha-3.
const REGISTRY = /^[^\s:]{1,64}$/;
const PARTY = /^[A-Z]{3}$/;

/** Parses `admin`, `operator:CH-NR`, `party:CHE`, …; `undefined` when the text names no role. */
export function parseRole(text: string): Role | undefined {
  switch (text) {
    case 'admin':
    case 'designer':
    case 'reader':
    case 'auditor':
      return { kind: text };
  }
  const colon = text.indexOf(':');
  if (colon < 0) return undefined;
  const kind = text.slice(0, colon);
  const subject = text.slice(colon + 1);
  if (kind === 'operator' && REGISTRY.test(subject) && subject !== 'LEVY') return { kind, registry: subject };
  if (kind === 'party' && PARTY.test(subject)) return { kind, party: subject };
  return undefined;
}

export function formatRole(role: Role): string {
  switch (role.kind) {
    case 'operator':
      return `operator:${role.registry}`;
    case 'party':
      return `party:${role.party}`;
    default:
      return role.kind;
  }
}

export const ROLE_SYNTAX = 'admin, designer, auditor, reader, operator:<REGISTRY> or party:<CODE> (CODE: ISO 3166-1 alpha-3)';
