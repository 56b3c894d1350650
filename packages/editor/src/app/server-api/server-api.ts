/**
 * The app's client for the server's JSON API (docs/api.md, "Endpoints"). Failures are data: the side bar
 * shows "server not reachable" and the reason instead of an empty list that would look like "no
 * rulebooks". Decoding is lenient about envelopes (`[...]` or `{files|rulebooks|histories: [...]}`)
 * because the spec names the resources but not their JSON shape; it is strict about the fields it uses.
 */

export interface RulebookFileEntry {
  /** The file name the API addresses it by (`GET /api/rulebooks/:file`). */
  readonly file: string;
  /** Names of the rulebooks the file declares, in order. */
  readonly rulebooks: readonly string[];
}

export interface RulebookSource {
  readonly file: string;
  readonly source: string;
}

export interface HistoryEntry {
  readonly id: string;
  /** Number of events, when the server says. */
  readonly events: number | null;
}

export type ServerIssueCode = 'editor.server_unreachable' | 'editor.server_error' | 'editor.bad_response';

export interface ServerIssue {
  readonly code: ServerIssueCode;
  readonly message: string;
  /** HTTP status, when the server answered. */
  readonly status?: number;
  /** The server's own error code (`auth.forbidden`, `rulebook.invalid`, …), when it sent one. */
  readonly serverCode?: string;
  /** The server's `error.details` (the diagnostics of a refused save). */
  readonly details?: unknown;
}

/** What a successful `PUT /api/rulebooks/:file` answers. */
export interface SavedRulebook {
  readonly file: string;
  readonly version: number;
  readonly sha256: string;
  /** False when the text equals the latest version (no new version was written). */
  readonly saved: boolean;
  readonly rulebooks: readonly string[];
}

/** The bearer token the page sends, if the user gave one (settings dialog). */
export type TokenSource = () => string | null;

export type ServerResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly issue: ServerIssue };

export type Fetcher = (input: string, init?: RequestInit) => Promise<Response>;

export class ServerApi {
  constructor(
    private readonly fetcher: Fetcher = (input, init) => fetch(input, init),
    private readonly baseUrl = 'api',
    private readonly token: TokenSource = () => null,
  ) {}

  async listRulebooks(): Promise<ServerResult<RulebookFileEntry[]>> {
    return this.getJson('/rulebooks', (body) => decodeList(body, ['files', 'rulebooks'], decodeRulebookFile));
  }

  async readRulebook(file: string): Promise<ServerResult<RulebookSource>> {
    return this.getJson(`/rulebooks/${encodeURIComponent(file)}`, (body) => decodeRulebookSource(body, file));
  }

  async listHistories(): Promise<ServerResult<HistoryEntry[]>> {
    return this.getJson('/histories', (body) => decodeList(body, ['histories'], decodeHistory));
  }

  /** Saves a new version of a file (designer role; the server refuses a program with errors, 422). */
  async saveRulebook(file: string, source: string): Promise<ServerResult<SavedRulebook>> {
    return this.requestJson('PUT', `/rulebooks/${encodeURIComponent(file)}`, decodeSavedRulebook, { source });
  }

  private getJson<T>(path: string, decode: (body: unknown) => T | undefined): Promise<ServerResult<T>> {
    return this.requestJson('GET', path, decode);
  }

  private async requestJson<T>(
    method: 'GET' | 'PUT',
    path: string,
    decode: (body: unknown) => T | undefined,
    payload?: unknown,
  ): Promise<ServerResult<T>> {
    const url = `${this.baseUrl}${path}`;
    const headers: Record<string, string> = { accept: 'application/json', ...authorization(this.token) };
    if (payload !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await this.fetcher(url, { method, headers, body: payload === undefined ? undefined : JSON.stringify(payload) });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return failure('editor.server_unreachable', `server not reachable (${method} ${url}: ${reason})`);
    }
    const contentType = response.headers.get('content-type') ?? '';
    // A static host (vite preview, a file server) answers /api/* with its index.html or a 404 page:
    // that is "no server", not a broken one.
    if (!contentType.includes('json')) {
      return failure(
        'editor.server_unreachable',
        `server not reachable (${method} ${url} answered ${response.status} with ${contentType || 'no content type'}, not the a6 API)`,
      );
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      return failure('editor.bad_response', `${method} ${url}: the response is not valid JSON`);
    }
    if (!response.ok) return serverRefusal(`${method} ${url}`, response, body);
    const value = decode(body);
    return value === undefined
      ? failure('editor.bad_response', `${method} ${url}: unexpected response shape`)
      : { ok: true, value };
  }
}

/** `Authorization: Bearer …` when the user gave a token; anonymous requests read as `reader`. */
export function authorization(token: TokenSource): Record<string, string> {
  const value = token();
  return value ? { authorization: `Bearer ${value}` } : {};
}

/** A non-2xx answer as data, keeping the server's `{error: {code, message, details}}`. */
export function serverRefusal(request: string, response: Response, body: unknown): { ok: false; issue: ServerIssue } {
  const error = isRecord(body) && isRecord(body.error) ? body.error : undefined;
  const serverCode = typeof error?.code === 'string' ? error.code : undefined;
  const message = typeof error?.message === 'string' ? error.message : response.statusText;
  return {
    ok: false,
    issue: {
      code: 'editor.server_error',
      message: `${request} failed: ${serverCode ?? `http ${response.status}`}: ${message}`,
      status: response.status,
      ...(serverCode === undefined ? {} : { serverCode }),
      ...(error?.details === undefined ? {} : { details: error.details }),
    },
  };
}

export function failure(code: ServerIssueCode, message: string): { ok: false; issue: ServerIssue } {
  return { ok: false, issue: { code, message } };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function decodeList<T>(body: unknown, envelopeKeys: readonly string[], decodeItem: (item: unknown) => T | undefined): T[] | undefined {
  let items: unknown = body;
  if (isRecord(body)) items = envelopeKeys.map((key) => body[key]).find(Array.isArray);
  if (!Array.isArray(items)) return undefined;
  const decoded: T[] = [];
  for (const item of items) {
    const value = decodeItem(item);
    if (value === undefined) return undefined;
    decoded.push(value);
  }
  return decoded;
}

function decodeSavedRulebook(body: unknown): SavedRulebook | undefined {
  if (!isRecord(body) || typeof body.file !== 'string' || typeof body.version !== 'number' || typeof body.sha256 !== 'string') return undefined;
  const declared = decodeRulebookFile(body);
  return { file: body.file, version: body.version, sha256: body.sha256, saved: body.saved !== false, rulebooks: declared?.rulebooks ?? [] };
}

function decodeRulebookFile(item: unknown): RulebookFileEntry | undefined {
  if (typeof item === 'string') return { file: item, rulebooks: [] };
  if (!isRecord(item)) return undefined;
  const file = [item.file, item.path, item.name].find((value) => typeof value === 'string') as string | undefined;
  if (file === undefined) return undefined;
  const declared = Array.isArray(item.rulebooks) ? item.rulebooks : [];
  const rulebooks = declared
    .map((entry) => (typeof entry === 'string' ? entry : isRecord(entry) && typeof entry.name === 'string' ? entry.name : undefined))
    .filter((name): name is string => name !== undefined);
  return { file, rulebooks };
}

function decodeRulebookSource(body: unknown, requested: string): RulebookSource | undefined {
  if (!isRecord(body)) return undefined;
  const source = [body.source, body.text].find((value) => typeof value === 'string') as string | undefined;
  if (source === undefined) return undefined;
  return { file: typeof body.file === 'string' ? body.file : requested, source };
}

function decodeHistory(item: unknown): HistoryEntry | undefined {
  if (typeof item === 'string') return { id: item, events: null };
  if (!isRecord(item) || typeof item.id !== 'string') return undefined;
  const count = [item.events, item.eventCount, item.count].find((value) => typeof value === 'number');
  return { id: item.id, events: typeof count === 'number' ? count : null };
}
