import type { Response } from 'express';
import { JobRefused, type Job, type JobPool, type JobRequest } from '../../jobs/index.ts';
import { ApiError } from '../http/api-error.ts';
import { ServerSentEvents } from './server-sent-events.ts';

/** Queues a job; a refusal (unknown history, too large, busy) becomes the API error it names. */
export async function submitJob(pool: JobPool, request: JobRequest): Promise<Job> {
  try {
    return await pool.submit(request);
  } catch (error) {
    if (error instanceof JobRefused) throw new ApiError(error.failure.status, error.failure.code, error.failure.message, error.failure.details);
    throw error;
  }
}

/**
 * Answers with a job's result (docs/api.md "Replays and compares (jobs)"): the report as JSON or HTML,
 * or — for `text/event-stream` — the events `job` (`announce`, with the job id), `progress`, then
 * `result` or `error`. The client going away cancels the job.
 */
export async function answerJob(response: Response, pool: JobPool, job: Job, accepted: string, announce: Record<string, unknown>): Promise<void> {
  // A no-op once the job has finished.
  response.on('close', () => {
    if (!response.writableFinished) pool.cancel(job.id);
  });
  if (accepted === 'text/event-stream') {
    const stream = new ServerSentEvents(response);
    stream.send('job', { id: job.id, ...announce, total: job.total });
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
}

function withoutStatus(error: { status: number; code: string; message: string; details?: unknown }) {
  const { status: _status, ...body } = error;
  return body;
}
