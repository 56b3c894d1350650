import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { principalOf, requirePrincipal, requireRole } from '../auth/index.ts';
import { ApiError } from '../http/api-error.ts';
import { parseRequest } from '../http/parse-request.ts';
import type { JobPool } from '../../jobs/index.ts';
import { isHistoryId, isHistoryDay } from './analysis-input.ts';
import { READ_ROLES } from '../read-roles.ts';
import type { RulebookWorkspace } from '@a6/ledger/store';
import { WorkspaceCompiler } from '../rulebooks/workspace-compiler.ts';
import { answerJob, submitJob } from './answer-job.ts';
import { diffRoute } from './diff-route.ts';
import { resolveRulebookRefs, rulebookRef } from './rulebook-refs.ts';

const analysisBody = z.strictObject({
  history: z.string().refine(isHistoryId, 'a history id is [A-Za-z0-9._-]{1,64}'),
  rulebooks: z.array(rulebookRef).min(1).max(16),
  asOf: z.string().refine(isHistoryDay, 'asOf is a date YYYY-MM-DD').optional(),
});

/**
 * `POST /api/replay`, `POST /api/compare`, `POST /api/diff` (diff-route.ts) and `DELETE /api/jobs/:id` (cli.md "Server"): the work runs in
 * a worker thread (`JobPool`); the response is the report, or — with `Accept: text/event-stream` —
 * server-sent events `job` (first, with the job id), `progress`, then `result` or `error`. A closed
 * connection cancels the job.
 */
export function analysisRoutes(workspace: RulebookWorkspace, pool: JobPool): Router {
  const compiler = new WorkspaceCompiler(workspace);
  const router = Router();

  const analyse = (kind: 'replay' | 'compare') => async (request: Request, response: Response) => {
    const principal = requirePrincipal(response, READ_ROLES);
    const body = parseRequest(analysisBody, request.body);
    if (kind === 'replay' && body.rulebooks.length !== 1) {
      throw new ApiError(400, 'request.invalid', `a replay takes exactly one rulebook (got ${body.rulebooks.length}); compare several with POST /api/compare`);
    }
    const accepted = request.accepts(kind === 'compare' ? ['application/json', 'text/event-stream', 'text/html'] : ['application/json', 'text/event-stream']);
    if (accepted === false) throw new ApiError(406, 'http.not_acceptable', `${kind} answers application/json or text/event-stream${kind === 'compare' ? ' or text/html' : ''}`);

    const { sources, choices } = await resolveRulebookRefs(compiler, body.rulebooks);
    const job = await submitJob(pool, {
      history: body.history,
      owner: principal.tokenHash,
      work: { kind, sources, rulebooks: choices, asOf: body.asOf ?? null, html: accepted === 'text/html' },
    });
    await answerJob(response, pool, job, accepted, { kind, history: body.history });
  };

  router.post('/replay', analyse('replay'));
  router.post('/compare', analyse('compare'));
  router.post('/diff', diffRoute(compiler, pool));

  router.get('/jobs/:id', requireRole(...READ_ROLES), (request, response) => {
    const job = pool.get(String(request.params.id));
    if (job === undefined) throw new ApiError(404, 'server.unknown_job', `no job ${String(request.params.id)} (unknown, or finished over a minute ago)`);
    response.json({ id: job.id, state: job.state, progress: job.progress });
  });

  router.delete('/jobs/:id', requireRole(...READ_ROLES), (request, response) => {
    const job = pool.get(String(request.params.id));
    if (job === undefined) throw new ApiError(404, 'server.unknown_job', `no job ${String(request.params.id)} (unknown, or finished over a minute ago)`);
    const principal = principalOf(response);
    // A job id is unguessable, but only whoever started a job (same token, or anonymous for anonymous) or an admin stops it.
    if (principal?.role.kind !== 'admin' && job.request.owner !== (principal?.tokenHash ?? null)) {
      throw new ApiError(403, 'auth.forbidden', 'only the client that started a job, or an admin, may cancel it');
    }
    if (!pool.cancel(job.id)) throw new ApiError(409, 'server.job_finished', `job ${job.id} has already finished (${job.state})`);
    response.status(202).json({ id: job.id, state: 'cancelling' });
  });

  return router;
}
