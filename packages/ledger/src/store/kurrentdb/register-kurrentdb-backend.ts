import { registerStoreBackend } from '../store-backends.ts';

/** Schemes the KurrentDB client understands (parseStoreUrl maps `esdb` and `kurrent` to `kurrentdb`). */
const SCHEMES = ['kurrentdb', 'kurrent', 'esdb', 'kurrentdb+discover', 'kurrent+discover', 'esdb+discover'];

/**
 * Plugs the KurrentDB backend into `openStore` for `kurrentdb://` and `esdb://` store URLs. The
 * client (gRPC, ~2 s to load cold) loads on first use only.
 */
export function registerKurrentBackend(): void {
  for (const scheme of SCHEMES) {
    registerStoreBackend(scheme, async (location) => {
      const { openKurrentStores } = await import('./open-kurrentdb-stores.ts');
      return openKurrentStores(location.target);
    });
  }
}
