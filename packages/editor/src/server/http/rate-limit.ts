import { rateLimit } from 'express-rate-limit';
import type { RequestHandler } from 'express';
import { ApiError } from './api-error.ts';

export interface RateLimitOptions {
  readonly windowMs: number;
  /** Requests per client address per window. */
  readonly limit: number;
}

export const DEFAULT_RATE_LIMIT: RateLimitOptions = { windowMs: 60_000, limit: 1200 };

/** Per-address request budget on `/api`; over it, 429 `http.rate_limited` in the API's error shape. */
export function apiRateLimit(options: RateLimitOptions): RequestHandler {
  return rateLimit({
    windowMs: options.windowMs,
    limit: options.limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_request, _response, next) => {
      next(new ApiError(429, 'http.rate_limited', `more than ${options.limit} requests in ${Math.round(options.windowMs / 1000)} s from this address; slow down`));
    },
  });
}
