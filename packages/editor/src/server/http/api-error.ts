/**
 * An HTTP API failure as data: a stable `code`, the status it maps to, a message for people and
 * optional `details` (diagnostics, validation issues). The wire shape is the CLI's
 * (`{"error": {code, message, details?}}`, docs/api.md "Endpoints"); route handlers throw these and the error
 * middleware writes them, so no handler formats an error body itself.
 */
export interface ApiErrorBody {
  readonly code: string;
  readonly message: string;
  readonly details?: unknown;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get body(): ApiErrorBody {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}
