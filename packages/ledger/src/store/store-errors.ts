/**
 * Infrastructure faults of the EventStore port, thrown (conventions §3): a small class hierarchy with a
 * stable `code` and `isX()` guards. Validation issues of history files are data (`HistoryIssue`),
 * never these.
 */
export type StoreErrorCode =
  | 'store.concurrency'
  | 'store.id_conflict'
  | 'store.bad_url'
  | 'store.backend_unavailable'
  | 'store.closed'
  | 'store.bad_history_id'
  | 'store.corrupt'
  | 'store.duplicate_file'
  | 'store.failure';

export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StoreError';
  }
}

/** `expectedHead` did not match the history head: another writer appended first. */
export class ConcurrencyError extends StoreError {
  constructor(
    readonly history: string,
    readonly expected: number,
    readonly actual: number,
  ) {
    super('store.concurrency', `history ${history}: expected head ${expected} but the history holds ${actual} events`);
    this.name = 'ConcurrencyError';
  }
}

export interface IdConflict {
  readonly id: string;
  /** Seq of the stored event with that id; `null` when the clash is within the batch itself. */
  readonly seq: number | null;
}

/** Ids already stored (or repeated in the batch) with other content; nothing of the batch was stored. */
export class IdConflictError extends StoreError {
  constructor(
    readonly history: string,
    readonly conflicts: readonly IdConflict[],
  ) {
    const first = conflicts[0];
    super(
      'store.id_conflict',
      `history ${history}: ${conflicts.length} event id(s) already stored with other content` +
        (first ? ` (first: ${JSON.stringify(first.id)})` : ''),
    );
    this.name = 'IdConflictError';
  }
}

export class StoreUrlError extends StoreError {
  constructor(
    readonly url: string,
    reason: string,
  ) {
    super('store.bad_url', `bad store URL ${JSON.stringify(url)}: ${reason}`);
    this.name = 'StoreUrlError';
  }
}

/** The URL names a backend whose factory is not registered (or cannot run here). */
export class BackendUnavailableError extends StoreError {
  constructor(
    readonly scheme: string,
    reason: string,
  ) {
    super('store.backend_unavailable', `store backend ${JSON.stringify(scheme)} is not available: ${reason}`);
    this.name = 'BackendUnavailableError';
  }
}

export class StoreClosedError extends StoreError {
  constructor() {
    super('store.closed', 'the store is closed');
    this.name = 'StoreClosedError';
  }
}

export function isStoreError(error: unknown): error is StoreError {
  return error instanceof StoreError;
}

export function isConcurrencyError(error: unknown): error is ConcurrencyError {
  return error instanceof ConcurrencyError;
}

export function isIdConflictError(error: unknown): error is IdConflictError {
  return error instanceof IdConflictError;
}

export function isBackendUnavailableError(error: unknown): error is BackendUnavailableError {
  return error instanceof BackendUnavailableError;
}

export function isStoreClosedError(error: unknown): error is StoreClosedError {
  return error instanceof StoreClosedError;
}
