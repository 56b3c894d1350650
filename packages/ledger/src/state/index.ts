export { sameAttributes, USED, CANCELLED, UnitRanges } from './unit-ranges.ts';
export type { UnitAttributes, UnitSegment } from './unit-ranges.ts';
export { coversVintage, isLevyAccount, LEVY_REGISTRY, LedgerState, registryOf } from './ledger-state.ts';
export type {
  PartyState, RegistryState, AccountState, ActivityState, AuthorizationState, BlockState,
} from './ledger-state.ts';
