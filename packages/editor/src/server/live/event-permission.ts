import type { Role } from '../auth/index.ts';
import type { HistoryEvent } from '@a6/ledger';

/**
 * Who may append an event (cli.md "Server", `POST /api/histories/:id/events`):
 * - `operator:<REGISTRY>`: events on its registry's accounts — opening an account there, issuing into,
 *   using or cancelling from one, and transfers *from* one (a transfer belongs to the registry of its
 *   source account, as in the store's stream layout);
 * - `party:<CODE>`: that Party's own facts — `NdcCommunicated`, `InventoryReported`,
 *   `AuthorizationIssued` and `AuthorizationRevoked` (of an authorization it issued);
 * - `admin`: everything else (Parties joining, registries opening, activities, transitions) and all of the above.
 * `RulebookAdopted` and `TransactionDecided` are never appended this way (`/adopt` and the live
 * decision write them).
 */
export type EventPermission = { readonly allowed: true } | { readonly allowed: false; readonly reason: string };

/** The Party that issued an authorization, when an *accepted* `AuthorizationIssued` says so (never a rejected one). */
export type AuthorizationParty = (authorization: string) => string | undefined;

const ALLOWED: EventPermission = { allowed: true };

export function eventPermission(role: Role, event: HistoryEvent, authorizationParty: AuthorizationParty): EventPermission {
  if (role.kind === 'admin') return ALLOWED;
  if (role.kind === 'operator') {
    const registry = registryOfEvent(event);
    if (registry === role.registry) return ALLOWED;
    return denied(
      registry === null
        ? `${event.type} is not an event on a registry's accounts (admin only)`
        : `${event.type} belongs to registry ${registry}, not ${role.registry}`,
    );
  }
  if (role.kind === 'party') {
    const party = partyOfEvent(event, authorizationParty);
    // A revocation of an authorization nobody issued is left to the reference check (a 400 that says so).
    if (party === role.party || (party === undefined && event.type === 'AuthorizationRevoked')) return ALLOWED;
    return denied(party === null || party === undefined ? `${event.type} is not a Party fact (admin only)` : `${event.type} is a fact of ${party}, not ${role.party}`);
  }
  return denied(`role ${role.kind} may not append events`);
}

/** The registry whose accounts an event acts on; `null` when it acts on none. */
function registryOfEvent(event: HistoryEvent): string | null {
  switch (event.type) {
    case 'AccountOpened':
      return registryOf(event.data.account);
    case 'UnitsIssued':
    case 'UnitsUsed':
    case 'UnitsCancelled':
      return registryOf(event.data.account);
    case 'UnitsTransferred':
      return registryOf(event.data.from);
    default:
      return null;
  }
}

/** The Party whose fact an event is; `null` when it is not a Party fact, `undefined` when unknown. */
function partyOfEvent(event: HistoryEvent, authorizationParty: AuthorizationParty): string | null | undefined {
  switch (event.type) {
    case 'NdcCommunicated':
    case 'InventoryReported':
    case 'AuthorizationIssued':
      return event.data.party;
    case 'AuthorizationRevoked':
      return authorizationParty(event.data.authorization);
    default:
      return null;
  }
}

function registryOf(account: string): string {
  return account.slice(0, account.indexOf(':'));
}

function denied(reason: string): EventPermission {
  return { allowed: false, reason };
}
