import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { principalOf, requirePrincipal, requireRole } from '../auth/index.ts';
import { ApiError } from '../http/api-error.ts';
import { parseRequest } from '../http/parse-request.ts';
import { JobRefused, type Job, type JobPool, type RulebookChoice, type AnalysisKind } from '../../jobs/index.ts';
import { isHistoryId, isHistoryDay } from './analysis-input.ts';
import { READ_ROLES } from '../read-roles.ts';
import { assertRulebookFileName } from '../rulebooks/rulebook-file-name.ts';
import type { RulebookWorkspace } from '@a6/ledger/store';
import { WorkspaceCompiler } from '../rulebooks/workspace-compiler.ts';
import { ServerSentEvents } from './server-sent-events.ts';

const rulebookRef = z.union([
  z.strictObject({ file: z.string(), name: z.string().optional() }),
  z.strictObject({ source: z.string(), name: z.string().optional(), file: z.string().optional() }),
]);
const analysisBody = z.strictObject({
  history: z.string().refine(isHistoryId, 'a history id is [A-Za-z0-9._-]{1,64}'),
  rulebooks: z.array(rulebookRef).min(1).max(16),
  asOf: z.string().refine(isHistoryDay, 'asOf is a date YYYY-MM-DD').optional(),
});

/**
 * `POST /api/replay`, `POST /api/compare` and `DELETE /api/jobs/:id` (cli.md "Server"): the work runs in
 * a worker thread (`JobPool`); the response is the report, or — with `Accept: text/event-stream` —
 * server-sent events `job` (first, with the job id), `progress`, then `result` or `error`. A closed
 * connection cancels the job.
 */
export function analysisRoutes(workspace: RulebookWorkspace, pool: JobPool): Router {
  const compiler = new WorkspaceCompiler(workspace);
  const router = Router();

  const analyse = (kind: AnalysisKind) => async (request: Request, response: Response) => {
    const principal = requirePrincipal(response, READ_ROLES);
    const body = parseRequest(analysisBody, request.body);
    if (kind === 'replay' && body.rulebooks.length !== 1) {
      throw new ApiError(400, 'request.invalid', `a replay takes exactly one rulebook (got ${body.rulebooks.length}); compare several with POST /api/compare`);
    }
    const accepted = request.accepts(kind === 'compare' ? ['application/json', 'text/event-stream', 'text/html'] : ['application/json', 'text/event-stream']);
    if (accepted === false) throw new ApiError(406, 'http.not_acceptable', `${kind} answers application/json or text/event-stream${kind === 'compare' ? ' or text/html' : ''}`);

    const overrides: Record<string, string> = {};
    const choices: RulebookChoice[] = body.rulebooks.map((reference, index) => {
      if ('source' in reference) {
        const entry = assertRulebookFileName(reference.file ?? `unsaved-${index + 1}.a6`);
        overrides[entry] = reference.source;
        return reference.name === undefined ? { entry } : { entry, name: reference.name };
      }
      const entry = assertRulebookFileName(reference.file);
      return reference.name === undefined ? { entry } : { entry, name: reference.name };
    });
    const sources = { ...(await compiler.sources()), ...overrides };
    for (const choice of choices) {
      if (sources[choice.entry] === undefined) throw new ApiError(404, 'server.unknown_rulebook_file', `no saved rulebook file ${choice.entry}`);
    }

    let job: Job;
    try {
      job = await pool.submit({
        history: body.history,
        owner: principal.tokenHash,
        work: { kind, sources, rulebooks: choices, asOf: body.asOf ?? null, html: accepted === 'text/html' },
      });
    } catch (error) {
      if (error instanceof JobRefused) throw new ApiError(error.failure.status, error.failure.code, error.failure.message, error.failure.details);
      throw error;
    }
    // The client going away cancels its job (a no-op once the job has finished).
    response.on('close', () => {
      if (!response.writableFinished) pool.cancel(job.id);
    });

    if (accepted === 'text/event-stream') {
      const stream = new ServerSentEvents(response);
      stream.send('job', { id: job.id, kind, history: body.history, total: job.total });
      job.onProgress((progress) => stream.send('progress', progress));
      const result = await job.result;
      if (result.ok) stream.send('result', result.report);
      else stream.send('error', { error: withoutStatus(result.error) });
      stream.end();
      return;
    }
    const result = await job.result;
    if (response.writableEnded || response.destroyed) return;
    if (!result.ok) throw new ApiError(result.error.status, result.error.code, result.error.message, result.error.details);
    if (result.html !== undefined) response.type('html').send(result.html);
    else response.json(result.report);
  };

  router.post('/replay', analyse('replay'));
  router.post('/compare', analyse('compare'));

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

function withoutStatus(error: { status: number; code: string; message: string; details?: unknown }) {
  const { status: _status, ...body } = error;
  return body;
}
