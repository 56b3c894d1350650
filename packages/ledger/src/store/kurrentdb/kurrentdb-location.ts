import { StoreUrlError } from '../store-errors.ts';
import { parseStoreUrl, type StoreLocation } from '../store-url.ts';

/** Where a KurrentDB store lives: the client's connection string and our own layout settings. */
export interface KurrentLocation {
  /** The connection string for `KurrentDBClient.connectionString`, without our parameters. */
  readonly connectionString: string;
  /** First segment of every stream name this store writes (`?prefix=`, default `a6`). */
  readonly prefix: string;
  /**
   * Upper bound (bytes of JSON) of one atomic multi-stream append (`?maxAppendBytes=`, default
   * 1,000,000: under KurrentDB's default maximum append size). Larger batches are split.
   */
  readonly maxAppendBytes: number;
  /** Hosts without credentials, for messages and health reports. */
  readonly display: string;
  /**
   * The store that keeps the server's tokens (`?tokens=STORE_URL`, the value percent-encoded as any
   * query value: `&`, `+` and `%` inside it must be); absent: `DEFAULT_KURRENT_TOKENS_URL`. KurrentDB
   * holds histories and the workspace only (docs/storage.md "Ports").
   */
  readonly tokens?: StoreLocation;
}

const PREFIX = /^[A-Za-z0-9_-]{1,64}$/;
const SCHEMES = /^(kurrentdb|kurrent|esdb)(\+discover)?:\/\//i;
const DEFAULT_KURRENT_PREFIX = 'a6';
const DEFAULT_MAX_APPEND_BYTES = 1_000_000;
/** Tokens of a KurrentDB store without `tokens=`: an embedded file beside the default store (docs/security.md). */
export const DEFAULT_KURRENT_TOKENS_URL = 'sqlite:./.a6/tokens.db';

/**
 * Parses the `target` of a `kurrentdb://` / `esdb://` store URL (`StoreLocation.target`, `history`
 * already removed). Parsed by hand, not with `URL`: a cluster string names several hosts
 * (`kurrentdb://a:2113,b:2113,c:2113?tls=true`), which `URL` rejects.
 */
export function parseKurrentLocation(target: string): KurrentLocation {
  const scheme = SCHEMES.exec(target);
  if (scheme === null) {
    throw new StoreUrlError(target, 'expected kurrentdb://HOST[:PORT][,HOST…][?tls=false&prefix=NAME] (or esdb://, kurrent://, +discover)');
  }
  const question = target.indexOf('?');
  const base = question < 0 ? target : target.slice(0, question);
  const params = new URLSearchParams(question < 0 ? '' : target.slice(question + 1));
  const prefix = params.get('prefix') ?? DEFAULT_KURRENT_PREFIX;
  if (!PREFIX.test(prefix)) throw new StoreUrlError(target, `prefix must match ${PREFIX.source} (it starts every stream name)`);
  const rawMax = params.get('maxAppendBytes');
  const maxAppendBytes = rawMax === null ? DEFAULT_MAX_APPEND_BYTES : Number(rawMax);
  if (!Number.isSafeInteger(maxAppendBytes) || maxAppendBytes < 1024) {
    throw new StoreUrlError(target, 'maxAppendBytes must be an integer of at least 1024');
  }
  const tokensUrl = params.get('tokens');
  const tokens = tokensUrl === null ? undefined : parseTokensLocation(target, tokensUrl);
  params.delete('prefix');
  params.delete('maxAppendBytes');
  params.delete('tokens');
  const rest = params.toString();
  const authority = base.slice(scheme[0].length);
  const hosts = authority.slice(authority.lastIndexOf('@') + 1).replace(/\/.*$/, '');
  if (hosts === '') throw new StoreUrlError(target, 'no host');
  return {
    connectionString: rest === '' ? base : `${base}?${rest}`,
    prefix,
    maxAppendBytes,
    display: hosts,
    ...(tokens === undefined ? {} : { tokens }),
  };
}

function parseTokensLocation(target: string, url: string): StoreLocation {
  let location: StoreLocation;
  try {
    location = parseStoreUrl(url);
  } catch (error) {
    throw new StoreUrlError(target, `tokens: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (location.scheme === 'kurrentdb' || location.scheme.endsWith('+discover')) {
    throw new StoreUrlError(target, 'tokens must name a store that keeps tokens (sqlite:PATH, postgres://…, memory:), not KurrentDB');
  }
  return location;
}
