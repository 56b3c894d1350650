import { registryOf } from '../events/account-ref.ts';
import type { HistoryEvent } from '../events/types.ts';

/**
 * The stream an event lives in (docs/events.md "Stored events and the hash chain"; layout documented in docs/storage.md). Pure: it
 * looks at the event alone, so every backend and the server agree without state.
 * - requests on a registry's accounts: `registry-<REGISTRY>` (a transfer belongs to its source
 *   account's registry, as for server permissions);
 * - Party facts: `party-<PARTY>`;
 * - authorizations (a revocation does not name its Party): `ledger-authorizations`;
 * - activities: `ledger-activities`; rulebook adoptions: `ledger-rulebooks`; verdicts: `ledger-decisions`.
 */
export function streamFor(event: HistoryEvent): string {
  switch (event.type) {
    case 'PartyJoined':
    case 'NdcCommunicated':
    case 'InventoryReported':
      return `party-${event.data.party}`;
    case 'RegistryOpened':
      return `registry-${event.data.registry}`;
    case 'AccountOpened':
      return `registry-${registryOf(event.data.account)}`;
    case 'UnitsIssued':
    case 'UnitsUsed':
    case 'UnitsCancelled':
      return `registry-${registryOf(event.data.account)}`;
    case 'UnitsTransferred':
      return `registry-${registryOf(event.data.from)}`;
    case 'ActivityRegistered':
    case 'ActivityTransitioned':
      return 'ledger-activities';
    case 'AuthorizationIssued':
    case 'AuthorizationRevoked':
      return 'ledger-authorizations';
    case 'RulebookAdopted':
      return 'ledger-rulebooks';
    case 'TransactionDecided':
      return 'ledger-decisions';
  }
}

/** The workspace stream of saved rulebook files, outside every history. */
export const WORKSPACE_RULEBOOK_STREAM = 'workspace-rulebooks';

export { registryOf } from '../events/account-ref.ts';
