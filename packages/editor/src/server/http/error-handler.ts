import { randomUUID } from 'node:crypto';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { isConcurrencyError, isIdConflictError, isStoreError } from '@a6/ledger/store';
import { ApiError, isApiError } from './api-error.ts';

/** Where the server writes what it does not tell clients (stack traces of internal faults). */
export type ServerLog = (line: string) => void;

/**
 * The last middleware: every failure leaves as `{"error": {code, message, details?}}` with its status.
 * Internal faults get a 500 with an incident id and no stack trace; the stack goes to the server log
 * under that id (docs/security.md: no internals in responses).
 */
export function apiErrorHandler(log: ServerLog): ErrorRequestHandler {
  return (error: unknown, _request, response, next) => {
    if (response.headersSent) {
      // A streamed response (server-sent events) already has its status: end it, keep the server up.
      log(`error after the response started: ${describe(error)}`);
      response.end();
      return;
    }
    const failure = toApiError(error);
    if (failure === undefined) {
      const incident = randomUUID();
      log(`incident ${incident}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      response.status(500).json({ error: { code: 'server.internal', message: `internal error (incident ${incident}); see the server log` } });
      return;
    }
    if (failure.status === 429 || failure.status === 503) response.setHeader('Retry-After', '1');
    response.status(failure.status).json({ error: failure.body });
    void next;
  };
}

/** Unknown `/api` routes: a JSON 404, not express's HTML page. */
export const apiNotFound: RequestHandler = (request, _response, next) => {
  next(new ApiError(404, 'http.not_found', `no API endpoint ${request.method} ${request.path}`));
};

/** Maps thrown errors we understand (body parser, store) to API errors; `undefined` for internal faults. */
function toApiError(error: unknown): ApiError | undefined {
  if (isApiError(error)) return error;
  if (isConcurrencyError(error)) {
    return new ApiError(409, 'store.concurrency', `${error.message}; another writer appended first, retry`);
  }
  if (isIdConflictError(error)) {
    return new ApiError(409, 'store.id_conflict', error.message, { conflicts: error.conflicts });
  }
  // Other store faults (corruption, I/O) are internal: logged with their stack, not shown.
  if (isStoreError(error) && (error.code === 'store.backend_unavailable' || error.code === 'store.closed')) {
    return new ApiError(503, error.code, error.message);
  }
  const parserType = (error as { type?: unknown } | null)?.type;
  switch (parserType) {
    case 'entity.parse.failed':
      return new ApiError(400, 'http.malformed_json', `the request body is not valid JSON (${(error as Error).message})`);
    case 'entity.too.large': {
      const limit = (error as { limit?: unknown }).limit;
      return new ApiError(413, 'http.payload_too_large', `the request body is larger than the limit${typeof limit === 'number' ? ` of ${limit} bytes` : ''}`);
    }
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new ApiError(415, 'http.unsupported_encoding', (error as Error).message);
    case 'request.aborted':
      return new ApiError(400, 'http.aborted', 'the client aborted the request');
    default:
      return undefined;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
