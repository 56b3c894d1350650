import { Router } from 'express';
import type { EventStore } from '@a6/ledger/store';

/** `GET /api/health` (any caller, even with `A6_ANONYMOUS=none`): liveness and the store backend. */
export function healthRoute(store: EventStore, startedAt: Date): Router {
  const router = Router();
  router.get('/health', async (_request, response) => {
    try {
      await store.head('main');
      response.json({ status: 'ok', store: store.backend, startedAt: startedAt.toISOString() });
    } catch {
      response.status(503).json({ status: 'unavailable', store: store.backend, startedAt: startedAt.toISOString() });
    }
  });
  return router;
}
