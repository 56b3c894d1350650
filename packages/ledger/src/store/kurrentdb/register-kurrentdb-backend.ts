import { registerStoreBackend } from '../store-backends.ts';
import { KurrentEventStore } from './kurrentdb-event-store.ts';

/** Schemes the KurrentDB client understands (parseStoreUrl maps `esdb` and `kurrent` to `kurrentdb`). */
const SCHEMES = ['kurrentdb', 'kurrent', 'esdb', 'kurrentdb+discover', 'kurrent+discover', 'esdb+discover'];

/** Plugs the KurrentDB backend into `openStore` for `kurrentdb://` and `esdb://` store URLs. */
export function registerKurrentBackend(): void {
  for (const scheme of SCHEMES) registerStoreBackend(scheme, (location) => KurrentEventStore.open(location.target));
}
