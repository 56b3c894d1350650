import { Router, type Request } from 'express';
import { z } from 'zod';
import { requirePrincipal, requireRole } from '../auth/index.ts';
import { ApiError } from '../http/api-error.ts';
import { parseRequest } from '../http/parse-request.ts';
import type { LiveLedger } from '../live/index.ts';
import type { StoredEvent } from '@a6/ledger';
import { isHistoryId, type EventStore } from '@a6/ledger/store';
import { READ_ROLES } from '../read-roles.ts';
import { assertRulebookFileName } from '../rulebooks/rulebook-file-name.ts';

export interface HistoryRouteLimits {
  /** Largest page of `GET …/events`. */
  readonly maxPage: number;
  /** Most events in one append request. */
  readonly maxEventsPerAppend: number;
}

const pageQuery = z.object({
  after: z.coerce.number().int().min(-1).optional(),
  limit: z.coerce.number().int().positive().optional(),
});
const adoptBody = z.strictObject({ file: z.string(), name: z.string().optional() });

/** Histories, their events paged by `seq`, the live append, and adoption (docs/api.md "Endpoints"). */
export function historyRoutes(store: EventStore, live: LiveLedger, limits: HistoryRouteLimits): Router {
  const router = Router();

  router.get('/histories', requireRole(...READ_ROLES), async (_request, response) => {
    const histories = [];
    for (const head of await store.listHistories()) {
      // The last adoption as recorded; no engine is loaded just to list histories.
      let adoption: StoredEvent | undefined;
      for await (const event of store.readHistory(head.history, { types: ['RulebookAdopted'] })) adoption = event;
      histories.push({
        id: head.history,
        events: head.events,
        head: head.hash,
        rulebook:
          adoption?.type === 'RulebookAdopted'
            ? { name: adoption.data.name, sha256: adoption.data.sha256, adoptedAt: adoption.seq, file: typeof adoption.meta?.file === 'string' ? adoption.meta.file : null }
            : null,
      });
    }
    response.json({ histories });
  });

  router.get('/histories/:id/events', requireRole(...READ_ROLES), async (request, response) => {
    const history = historyParam(request);
    const query = parseRequest(pageQuery, request.query, 'query');
    const limit = Math.min(query.limit ?? 100, limits.maxPage);
    const after = query.after ?? -1;
    const head = await store.head(history);
    if (head.events === 0) throw new ApiError(404, 'server.unknown_history', `no history ${history} (it has no events)`);
    const events: StoredEvent[] = [];
    if (after + 1 < head.events) {
      for await (const event of store.readHistory(history, { fromSeq: after + 1, batchSize: limit })) {
        events.push(event);
        if (events.length >= limit) break;
      }
    }
    const last = events.at(-1);
    response.json({
      history,
      head: { events: head.events, hash: head.hash },
      events,
      // The `after` of the next page; null when this page reached the head.
      next: last !== undefined && last.seq + 1 < head.events ? last.seq : null,
    });
  });

  router.post('/histories/:id/events', async (request, response) => {
    // Roles are checked per event (operator, party, admin); readers and designers never append.
    const principal = requirePrincipal(response, ['operator', 'party']);
    const history = historyParam(request);
    const items: unknown = request.body;
    if (!Array.isArray(items) || items.length === 0) {
      throw new ApiError(400, 'request.invalid', 'the body must be a non-empty JSON array of events');
    }
    if (items.length > limits.maxEventsPerAppend) {
      throw new ApiError(413, 'server.too_many_events', `at most ${limits.maxEventsPerAppend} events per request (got ${items.length}); use a6 import for bulk loads`);
    }
    const outcome = await live.append(history, items, principal);
    response.status(outcome.results.some((result) => !result.duplicate) ? 201 : 200).json(outcome);
  });

  router.post('/histories/:id/adopt', requireRole('admin'), async (request, response) => {
    const history = historyParam(request);
    const body = parseRequest(adoptBody, request.body);
    const outcome = await live.adopt(history, assertRulebookFileName(body.file), body.name);
    response.status(201).json({
      history,
      adopted: {
        id: outcome.adoption.id,
        seq: outcome.adoption.seq,
        at: outcome.adoption.at,
        name: outcome.inForce.name,
        sha256: outcome.inForce.sha256,
        file: outcome.inForce.file,
        imports: outcome.adoption.type === 'RulebookAdopted' ? (outcome.adoption.data.imports ?? {}) : {},
      },
      head: outcome.head,
    });
  });

  return router;
}

function historyParam(request: Request): string {
  const id = String(request.params.id ?? '');
  if (!isHistoryId(id)) throw new ApiError(400, 'request.bad_history_id', `${JSON.stringify(id)} is not a history id ([A-Za-z0-9._-]{1,64})`);
  return id;
}
