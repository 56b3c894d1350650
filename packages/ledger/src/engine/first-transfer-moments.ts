import type { AccountingElections } from '../accounting/accounting-elections.ts';
import type { FirstTransferDefinition } from '../events/types.ts';
import type { AuthorizationState, BlockState } from '../state/ledger-state.ts';

/**
 * The events that first transfer a unit (docs/language.md "Options"), as bits. Authorization and issuance are
 * one moment: "a unit can be first transferred only once it is both issued and authorized", so either
 * definition fires at whichever of the two comes later.
 */
export const ON_COVERAGE = 1;
export const ON_INTERNATIONAL_TRANSFER = 2;
/** `use` counts any `UnitsUsed` and a `UnitsCancelled` with reason `voluntary`. */
export const ON_USE = 4;
/** `a64.itmo = on_second_transfer`: an A6.4ER's second international transfer, whatever `first_transfer.*` say. */
export const ON_SECOND_INTERNATIONAL_TRANSFER = 8;

function momentOf(definition: FirstTransferDefinition): number {
  switch (definition) {
    case 'authorization':
    case 'issuance':
      return ON_COVERAGE;
    case 'international_transfer':
      return ON_INTERNATIONAL_TRANSFER;
    case 'use':
      return ON_USE;
  }
}

/**
 * When units of `block` under `authorization` are first transferred: NDC-only units at the
 * `first_transfer.ndc` event, OIMP-only units at the `first_transfer.oimp` event
 * (`per_authorization`: the authorization's `firstTransfer`, absent meaning international transfer),
 * units authorized for both at the earlier of the two (the union of both moments).
 */
export function firstTransferMoments(authorization: AuthorizationState, block: BlockState, elections: AccountingElections): number {
  if (elections.a64Itmo === 'on_second_transfer' && block.unitType === 'A6.4ER') return ON_SECOND_INTERNATIONAL_TRANSFER;
  const purposes = authorization.data.purposes;
  let moments = 0;
  if (purposes.includes('NDC')) moments |= momentOf(elections.firstTransferNdc);
  if (purposes.includes('OIMP')) {
    const oimp = elections.firstTransferOimp;
    moments |= momentOf(oimp === 'per_authorization' ? (authorization.data.firstTransfer ?? 'international_transfer') : oimp);
  }
  return moments;
}
