import { BackendUnavailableError } from './store-errors.ts';
import type { StoreSet } from './store-set.ts';
import type { StoreLocation } from './store-url.ts';

/**
 * Opens the three ports of a store for a parsed URL (docs/storage.md "Ports"). Network backends
 * connect (and create their schema) here.
 */
export type StoreBackendFactory = (location: StoreLocation) => Promise<StoreSet>;

const factories = new Map<string, StoreBackendFactory>();

/**
 * Plugs a backend into `openStore` by URL scheme (`postgres`, `kurrentdb`, …) so backends can live in
 * their own folders and be registered by whoever wires the program, without editing `open-store.ts`.
 * Registering a scheme again replaces the factory (tests swap them).
 */
export function registerStoreBackend(scheme: string, factory: StoreBackendFactory): void {
  factories.set(scheme.toLowerCase(), factory);
}

export function storeBackendFactory(scheme: string): StoreBackendFactory {
  const factory = factories.get(scheme.toLowerCase());
  if (factory === undefined) {
    const known = [...factories.keys()].sort().join(', ');
    throw new BackendUnavailableError(scheme, `no backend is registered for it (registered: ${known || 'none'})`);
  }
  return factory;
}

export function registeredStoreBackends(): readonly string[] {
  return [...factories.keys()].sort();
}
