import { readFileSync } from 'node:fs';
import { createServer, type A6Server, type ServerOptions } from '../../packages/editor/src/server/index.ts';
import { MemoryEventStore, MemoryRulebookWorkspace, MemoryTokenStore, type EventStore, type RulebookWorkspace, type TokenStore } from '@a6/ledger/store';

/** A real server on a loopback port, with a client that speaks its JSON API. */
export interface ApiHarness {
  readonly url: string;
  readonly store: EventStore;
  readonly workspace: RulebookWorkspace;
  readonly tokens: TokenStore;
  readonly server: A6Server;
  /** The admin token generated on start. */
  readonly admin: string;
  call(method: string, path: string, options?: CallOptions): Promise<ApiResponse>;
  /** Mints a token for a role (through the API, as admin). */
  token(role: string): Promise<string>;
  close(): Promise<void>;
}

export interface CallOptions {
  /** Bearer token; omitted: anonymous. */
  readonly token?: string;
  /** JSON body (serialized here) or a raw string body. */
  readonly body?: unknown;
  readonly raw?: string;
  readonly headers?: Record<string, string>;
  readonly signal?: AbortSignal;
}

export interface ApiResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  /** The parsed body, or `undefined` when it is not JSON. */
  readonly body: any;
}

export const FIXTURES = new URL('./fixtures/', import.meta.url);
export const API_TEST_RULEBOOK = readFileSync(new URL('api-test.a6', FIXTURES), 'utf8');
export const BASE_HISTORY: Record<string, unknown>[] = readFileSync(new URL('base-history.ndjson', FIXTURES), 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as Record<string, unknown>);

/** Before every fixture date, so adoption (stamped with this clock) comes first in the history. */
export const FIXED_CLOCK = () => new Date('2021-06-01T00:00:00.000Z');

export async function startApi(options: Partial<ServerOptions> & { seed?: 'none' | 'rulebook' | 'history' } = {}): Promise<ApiHarness> {
  const store = options.store ?? new MemoryEventStore();
  const workspace = options.workspace ?? new MemoryRulebookWorkspace();
  const tokens = options.tokens ?? new MemoryTokenStore();
  const server = await createServer({
    appDir: null,
    rateLimit: false,
    clock: FIXED_CLOCK,
    // The fixtures are dated after FIXED_CLOCK; tests of the clock bound set their own skew.
    maxClockAheadMs: Number.MAX_SAFE_INTEGER,
    log: process.env.A6_TEST_SERVER_LOG ? (line: string) => process.stderr.write(`${line}\n`) : () => {},
    ...options,
    store,
    workspace,
    tokens,
    adminToken: { file: null, print: () => {} },
  });
  const { url } = await server.listen(0, '127.0.0.1');
  const admin = server.adminToken ?? '';
  const call = async (method: string, path: string, callOptions: CallOptions = {}): Promise<ApiResponse> => {
    const headers: Record<string, string> = { ...callOptions.headers };
    if (callOptions.token !== undefined) headers.authorization = `Bearer ${callOptions.token}`;
    let body: string | undefined = callOptions.raw;
    if (callOptions.body !== undefined) {
      body = JSON.stringify(callOptions.body);
      headers['content-type'] ??= 'application/json';
    } else if (body !== undefined) headers['content-type'] ??= 'application/json';
    const response = await fetch(`${url}${path}`, { method, headers, body, signal: callOptions.signal });
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    return { status: response.status, headers: response.headers, text, body: parsed };
  };
  const harness: ApiHarness = {
    url,
    store,
    workspace,
    tokens,
    server,
    admin,
    call,
    async token(role) {
      const minted = await call('POST', '/api/tokens', { token: admin, body: { role } });
      if (minted.status !== 201) throw new Error(`could not mint a ${role} token: ${minted.text}`);
      return minted.body.token as string;
    },
    async close() {
      await server.close();
      await store.close();
    },
  };
  const seed = options.seed ?? 'history';
  if (seed !== 'none') {
    await expectStatus(call('PUT', '/api/rulebooks/api-test.a6', { token: admin, body: { source: API_TEST_RULEBOOK } }), 201);
  }
  if (seed === 'history') {
    await expectStatus(call('POST', '/api/histories/main/adopt', { token: admin, body: { file: 'api-test.a6', name: 'api_test' } }), 201);
    await expectStatus(call('POST', '/api/histories/main/events', { token: admin, body: BASE_HISTORY }), 201);
  }
  return harness;
}

async function expectStatus(response: Promise<ApiResponse>, status: number): Promise<ApiResponse> {
  const resolved = await response;
  if (resolved.status !== status) throw new Error(`expected ${status}, got ${resolved.status}: ${resolved.text}`);
  return resolved;
}

/** Reads a server-sent event stream into `{event, data}` messages, calling `onMessage` as they arrive. */
export async function readEventStream(
  response: Response,
  onMessage: (message: { event: string; data: any }) => void | 'stop',
): Promise<{ event: string; data: any }[]> {
  const messages: { event: string; data: any }[] = [];
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    let split = buffer.indexOf('\n\n');
    while (split >= 0) {
      const block = buffer.slice(0, split);
      buffer = buffer.slice(split + 2);
      split = buffer.indexOf('\n\n');
      const event = /^event: (.*)$/m.exec(block)?.[1] ?? 'message';
      const data = /^data: (.*)$/m.exec(block)?.[1];
      const message = { event, data: data === undefined ? undefined : JSON.parse(data) };
      messages.push(message);
      if (onMessage(message) === 'stop') {
        await reader.cancel();
        return messages;
      }
    }
  }
  return messages;
}
