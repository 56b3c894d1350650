import type { z } from 'zod';
import { ApiError } from './api-error.ts';

interface RequestIssue {
  /** Where in the body (`rulebooks[0].name`), `''` for the body itself. */
  readonly path: string;
  readonly message: string;
}

/** Validates a request body (or query) against a zod schema; 400 `request.invalid` listing every issue. */
export function parseRequest<S extends z.ZodType>(schema: S, value: unknown, what = 'request body'): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues: RequestIssue[] = result.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
  const first = issues[0];
  const summary = first === undefined ? '' : `: ${first.path === '' ? '' : `${first.path}: `}${first.message}`;
  throw new ApiError(400, 'request.invalid', `invalid ${what}${summary}`, issues);
}

function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? String(segment) : `.${String(segment)}`;
  }
  return out;
}
