/**
 * The built-in integrity checks (docs/ledger.md "Built-in integrity checks", the ITL's technical checks) with
 * their stable codes. They run before any rule and cannot be removed; a failure rejects the event with a
 * single entry (`rule: null`, `source: null`). Meanings are listed in docs/ledger.md.
 */
export const INTEGRITY_CODES = [
  'ledger.unknown_registry',
  'ledger.duplicate_registry',
  'ledger.reserved_registry',
  'ledger.unknown_account',
  'ledger.duplicate_account',
  'ledger.unknown_activity',
  'ledger.duplicate_activity',
  'ledger.not_cdm',
  'ledger.unknown_party',
  'ledger.duplicate_party',
  'ledger.unknown_authorization',
  'ledger.duplicate_authorization',
  'ledger.authorization_revoked',
  'ledger.authorization_mismatch',
  'ledger.unknown_block',
  'ledger.bad_range',
  'ledger.duplicate_block',
  'ledger.units_not_held',
  'ledger.units_used',
  'ledger.units_cancelled',
  'ledger.not_transitioned',
] as const;

export type IntegrityCode = (typeof INTEGRITY_CODES)[number];

/** Findings (the event still takes effect). */
export const INTEGRITY_FINDING_CODES = ['ledger.overlapping_authorization'] as const;

export type IntegrityFindingCode = (typeof INTEGRITY_FINDING_CODES)[number];
