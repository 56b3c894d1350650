import { DEFAULT_HISTORY, isHistoryId, type HistoryId } from './event-store.ts';
import { StoreUrlError } from './store-errors.ts';

/** The embedded default store (docs/cli.md). */
export const DEFAULT_STORE_URL = 'sqlite:./.a6/ledger.db';

/** A parsed `--store` URL (docs/cli.md): `sqlite:PATH`, `memory:`, `postgres://…`, `kurrentdb://…`, `?history=ID`. */
export interface StoreLocation {
  /** The URL as given. */
  readonly url: string;
  /** `sqlite`, `memory`, `postgres` (also for `postgresql:`), `kurrentdb` (also `esdb:`), or another scheme. */
  readonly scheme: string;
  /**
   * What the backend connects to: the file path for `sqlite`, `''` for `memory`, and for network
   * backends the URL with the `history` parameter removed (their own parameters kept).
   */
  readonly target: string;
  readonly history: HistoryId;
}

const SCHEME_ALIASES: Readonly<Record<string, string>> = {
  postgresql: 'postgres',
  esdb: 'kurrentdb',
  kurrent: 'kurrentdb',
};

export function parseStoreUrl(url: string = DEFAULT_STORE_URL): StoreLocation {
  const colon = url.indexOf(':');
  if (colon <= 0) throw new StoreUrlError(url, 'expected SCHEME:… (sqlite:PATH, memory:, postgres://…, kurrentdb://…)');
  const rawScheme = url.slice(0, colon).toLowerCase();
  if (!/^[a-z][a-z0-9+.-]*$/.test(rawScheme)) throw new StoreUrlError(url, `bad scheme ${JSON.stringify(rawScheme)}`);
  const scheme = SCHEME_ALIASES[rawScheme] ?? rawScheme;
  const rest = url.slice(colon + 1);
  const question = rest.indexOf('?');
  const body = question < 0 ? rest : rest.slice(0, question);
  const params = new URLSearchParams(question < 0 ? '' : rest.slice(question + 1));
  const history = params.get('history') ?? DEFAULT_HISTORY;
  if (!isHistoryId(history)) throw new StoreUrlError(url, `history id must match [A-Za-z0-9._-]{1,64}`);
  params.delete('history');
  const remaining = params.toString();
  switch (scheme) {
    case 'sqlite': {
      if (body === '') throw new StoreUrlError(url, 'sqlite: needs a file path (sqlite:./.a6/ledger.db)');
      // `sqlite://abs/path` and `sqlite:///abs/path` are tolerated; the plain form is `sqlite:PATH`.
      const path = body.startsWith('//') ? body.slice(2) : body;
      return { url, scheme, target: decodeURIComponent(path), history };
    }
    case 'memory':
      return { url, scheme, target: body, history };
    default: {
      const target = `${url.slice(0, colon)}:${body}${remaining === '' ? '' : `?${remaining}`}`;
      return { url, scheme, target, history };
    }
  }
}
