import type { Request, Response } from 'express';
import { z } from 'zod';
import { WITNESS_DEFAULT_HISTORIES, WITNESS_DEFAULT_MAX_EVENTS, WITNESS_DEFAULT_SEED } from '@a6/ledger';
import type { DiffWitnessSettings, JobPool, RulebookChoice } from '../../jobs/index.ts';
import { requirePrincipal } from '../auth/index.ts';
import { ApiError } from '../http/api-error.ts';
import { parseRequest } from '../http/parse-request.ts';
import { READ_ROLES } from '../read-roles.ts';
import type { WorkspaceCompiler } from '../rulebooks/workspace-compiler.ts';
import { answerJob, submitJob } from './answer-job.ts';
import { resolveRulebookRefs, rulebookRef } from './rulebook-refs.ts';

/** The server's bounds on a witness search (docs/api.md "Rulebook diffs"): well inside a job's timeout. */
export const DIFF_LIMITS = { maxEvents: 64, histories: 20_000, ms: 60_000, defaultMs: 30_000 } as const;

const witnessSettings = z.strictObject({
  seed: z.string().min(1).max(200).optional(),
  maxEvents: z.number().int().min(1).max(DIFF_LIMITS.maxEvents).optional(),
  histories: z.number().int().min(1).max(DIFF_LIMITS.histories).optional(),
  budgetMs: z.number().int().min(1).max(DIFF_LIMITS.ms).optional(),
});

const diffBody = z.strictObject({ a: rulebookRef, b: rulebookRef, witness: witnessSettings.optional() });

/**
 * `POST /api/diff` (docs/api.md "Rulebook diffs"): the `a6.diff/1` document of two rulebooks of the
 * workspace (or unsaved sources), as `a6 diff` prints it; with `witness`, the counterexample search
 * too, within the server's bounds. Always a job in a worker thread, like replays and compares, so a
 * search never holds the event loop; `Accept: text/event-stream` streams its progress (candidate
 * histories tried of the budget), `text/html` answers the HTML page.
 */
export function diffRoute(compiler: WorkspaceCompiler, pool: JobPool) {
  return async (request: Request, response: Response): Promise<void> => {
    const principal = requirePrincipal(response, READ_ROLES);
    const body = parseRequest(diffBody, request.body);
    const accepted = request.accepts(['application/json', 'text/event-stream', 'text/html']);
    if (accepted === false) throw new ApiError(406, 'http.not_acceptable', 'diff answers application/json, text/event-stream or text/html');
    const { sources, choices } = await resolveRulebookRefs(compiler, [body.a, body.b]);
    const witness: DiffWitnessSettings | null =
      body.witness === undefined
        ? null
        : {
            seed: body.witness.seed ?? WITNESS_DEFAULT_SEED,
            maxEvents: body.witness.maxEvents ?? WITNESS_DEFAULT_MAX_EVENTS,
            histories: body.witness.histories ?? WITNESS_DEFAULT_HISTORIES,
            ms: body.witness.budgetMs ?? DIFF_LIMITS.defaultMs,
          };
    const rulebooks = choices as [RulebookChoice, RulebookChoice];
    const job = await submitJob(pool, { history: null, owner: principal.tokenHash, work: { kind: 'diff', sources, rulebooks, witness, html: accepted === 'text/html' } });
    await answerJob(response, pool, job, accepted, { kind: 'diff' });
  };
}
