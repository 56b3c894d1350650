export { isHistoryId, assertHistoryId, DEFAULT_HISTORY } from './event-store.ts';
export type {
  HistoryId, ExpectedHead, EventBatch, AppendOptions, HistoryHead, AppendResult, ReadHistoryOptions,
  ReadStreamOptions, Subscription, SubscribeOptions, SubscriptionHandler, EventStore,
} from './event-store.ts';
export {
  isStoreError, isConcurrencyError, isIdConflictError, isBackendUnavailableError, isStoreClosedError,
  StoreError, ConcurrencyError, IdConflictError, StoreUrlError, BackendUnavailableError, StoreClosedError,
} from './store-errors.ts';
export type { StoreErrorCode, IdConflict } from './store-errors.ts';
export { streamFor, WORKSPACE_RULEBOOK_STREAM, registryOf } from './stream-for.ts';
export { parseStoreUrl, DEFAULT_STORE_URL } from './store-url.ts';
export type { StoreLocation } from './store-url.ts';
export { registerStoreBackend, storeBackendFactory, registeredStoreBackends } from './store-backends.ts';
export type { StoreBackendFactory } from './store-backends.ts';
export { openStore } from './open-store.ts';
export type { OpenedStore } from './open-store.ts';
export { contentHash, appendBatch, matchesFilters } from './append-batch.ts';
export type { StoredIdentity, ChainedRecord } from './append-batch.ts';
export { startCatchUpSubscription } from './catch-up-subscription.ts';
export type { CatchUpSource } from './catch-up-subscription.ts';
export { AppendSignal, AppendSignals } from './append-signal.ts';
export {
  MemoryEventStore, MemoryRulebookWorkspace, MemoryTokenStore, openMemoryStores,
} from './memory/index.ts';
export type { RulebookFileSummary, RulebookFileText, RulebookVersion, RulebookWorkspace } from './rulebook-workspace.ts';
export type { TokenRecord, TokenStore } from './token-store.ts';
export type { StoreSet } from './store-set.ts';
