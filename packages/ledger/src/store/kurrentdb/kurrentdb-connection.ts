import { BACKWARDS, END, KurrentDBClient, StreamNotFoundError, type ResolvedEvent } from '@kurrent/kurrentdb-client';
import { StoreClosedError, StoreError, isStoreError } from '../store-errors.ts';
import type { KurrentLocation } from './kurrentdb-location.ts';
import { historiesStreamName } from './kurrentdb-stream-names.ts';

/**
 * One KurrentDB client on one store's streams, shared by the two ports KurrentDB holds
 * (`KurrentEventStore`, `KurrentRulebookWorkspace`; docs/storage.md "Ports"). Failures come out as
 * `StoreError('store.failure')` naming the hosts without credentials.
 */
export class KurrentConnection {
  private closed = false;

  constructor(
    readonly client: KurrentDBClient,
    readonly location: KurrentLocation,
  ) {}

  /** Connects and checks that the server answers (a read of the store's index of histories). */
  static async open(location: KurrentLocation): Promise<KurrentConnection> {
    const connection = new KurrentConnection(KurrentDBClient.connectionString(location.connectionString), location);
    try {
      await connection.readWholeStream(historiesStreamName(location.prefix), 1);
    } catch (error) {
      await connection.client.dispose().catch(() => undefined);
      const reason = isStoreError(error) && error.cause instanceof Error ? error.cause.message : String(error);
      throw new StoreError('store.failure', `kurrentdb ${location.display}: cannot reach the server: ${reason}`, { cause: error });
    }
    return connection;
  }

  assertOpen(): void {
    if (this.closed) throw new StoreClosedError();
  }

  /** A stream's events (or the first/last `maxCount`); a stream that does not exist is empty. */
  async readWholeStream(name: string, maxCount?: number, direction?: typeof BACKWARDS, fromRevision?: bigint): Promise<ResolvedEvent[]> {
    const out: ResolvedEvent[] = [];
    try {
      const reads = this.client.readStream(name, {
        ...(maxCount === undefined ? {} : { maxCount }),
        ...(direction === undefined ? {} : { direction, fromRevision: END }),
        ...(fromRevision === undefined ? {} : { fromRevision }),
      });
      for await (const resolved of reads) out.push(resolved);
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw this.failure(`read stream ${name}`, error);
    }
    return out;
  }

  failure(what: string, error: unknown): StoreError {
    if (isStoreError(error)) return error;
    const message = error instanceof Error ? error.message : String(error);
    return new StoreError('store.failure', `kurrentdb ${this.location.display}: ${what}: ${message}`, { cause: error });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.client.dispose();
  }
}
