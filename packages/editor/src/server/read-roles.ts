import type { RoleKind } from './auth/index.ts';

/** Every role reads (cli.md: `reader` endpoints); the anonymous reader too unless `A6_ANONYMOUS=none`. */
export const READ_ROLES: readonly RoleKind[] = ['reader', 'designer', 'operator', 'party'];
