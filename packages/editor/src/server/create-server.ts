import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express, { type Express } from 'express';
import { EDITOR_DIST_DIR } from '../app-build/index.ts';
import { CheckPool, DEFAULT_CHECK_LIMITS, DEFAULT_JOB_LIMITS, JobPool, type CheckLimits, type JobLimits } from '../jobs/index.ts';
import { aefRoute } from './aef/index.ts';
import { analysisRoutes } from './analysis/index.ts';
import { authenticate, ensureAdminToken, tokenRoutes, type AdminTokenBootstrap, type AnonymousAccess } from './auth/index.ts';
import { editorApp } from './editor-app.ts';
import { healthRoute } from './health-route.ts';
import { historyRoutes } from './histories/history-routes.ts';
import { apiErrorHandler, apiNotFound, type ServerLog } from './http/error-handler.ts';
import { DEFAULT_RATE_LIMIT, apiRateLimit, type RateLimitOptions } from './http/rate-limit.ts';
import { securityHeaders } from './http/security-headers.ts';
import { LiveLedger } from './live/index.ts';
import type { EventStore, RulebookWorkspace, TokenStore } from '@a6/ledger/store';
import { rulebookRoutes } from './rulebooks/rulebook-routes.ts';

/** The three store ports a server runs on (docs/storage.md "Ports"), usually one `openStore` result. */
export interface ServerOptions {
  /** Histories: the live path, listings, replays. */
  readonly store: EventStore;
  /** Saved rulebook files (`/api/rulebooks`, adoption). */
  readonly workspace: RulebookWorkspace;
  /** Bearer tokens (authentication, `POST /api/tokens`, the first-start admin token). */
  readonly tokens: TokenStore;
  /** Anonymous callers read (`reader`, the default) or are refused (`none`; `A6_ANONYMOUS=none`). */
  readonly anonymous?: AnonymousAccess;
  /** First start without tokens: where the admin token goes; `false` skips the bootstrap. */
  readonly adminToken?: AdminTokenBootstrap | false;
  /** Largest request body (express/body-parser syntax). Default `1mb`. */
  readonly bodyLimit?: string | number;
  /** Per-address request budget on `/api`; `false` disables it (loopback load tests). */
  readonly rateLimit?: RateLimitOptions | false;
  readonly jobs?: Partial<JobLimits>;
  /** Time and memory bounds of rulebook checks (docs/reliability.md "Bounded checks"). */
  readonly checks?: Partial<CheckLimits>;
  /** Most events in one append request. Default 1000. */
  readonly maxEventsPerAppend?: number;
  /** The built editor app; `null` serves the "not built" page. Default `packages/editor/dist`. */
  readonly appDir?: string | null;
  /** Where internal faults are logged (with stacks). Default stderr. */
  readonly log?: ServerLog;
  /** The clock that stamps `at` of appended events (tests fix it). */
  readonly clock?: () => Date;
  /** How far ahead of the clock a non-admin event's `at` may be; default 5 minutes (docs/reliability.md). */
  readonly maxClockAheadMs?: number;
}

export interface ListeningServer {
  readonly url: string;
  readonly port: number;
  readonly http: Server;
}

export interface A6Server {
  readonly app: Express;
  readonly live: LiveLedger;
  readonly jobs: JobPool;
  readonly checks: CheckPool;
  /** The admin token generated on this start (first start of a store without tokens). */
  readonly adminToken: string | undefined;
  listen(port: number, host?: string): Promise<ListeningServer>;
  /** Stops listening, cancels running jobs; the store ports stay open (their owner closes them). */
  close(): Promise<void>;
}

/**
 * The HTTP service (cli.md "Server"): the editor app at `/`, the JSON API under `/api`. The store
 * ports are the caller's; everything else (live ledger, job pool) lives and dies with the server.
 * Each route gets only the port it needs.
 */
export async function createServer(options: ServerOptions): Promise<A6Server> {
  const { store, workspace, tokens } = options;
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const bodyLimit = options.bodyLimit ?? '1mb';
  const adminToken = options.adminToken === false ? undefined : await ensureAdminToken(tokens, options.adminToken ?? { file: null, print: log });
  const live = new LiveLedger(store, workspace, options.clock, options.maxClockAheadMs);
  const jobs = new JobPool(store, { ...DEFAULT_JOB_LIMITS, ...options.jobs });
  const checks = new CheckPool({ ...DEFAULT_CHECK_LIMITS, ...options.checks });

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(securityHeaders());

  const api = express.Router();
  if (options.rateLimit !== false) api.use(apiRateLimit(options.rateLimit ?? DEFAULT_RATE_LIMIT));
  api.use(express.json({ limit: bodyLimit, type: ['application/json', 'application/*+json'] }));
  api.use(express.text({ limit: bodyLimit, type: 'text/plain' }));
  api.use(healthRoute(store, new Date()));
  api.use(authenticate(tokens, options.anonymous ?? 'reader'));
  api.use(rulebookRoutes(workspace, checks));
  api.use(historyRoutes(store, live, { maxPage: 1000, maxEventsPerAppend: options.maxEventsPerAppend ?? 1000 }));
  api.use(analysisRoutes(workspace, jobs));
  api.use(aefRoute(workspace, live, jobs));
  api.use(tokenRoutes(tokens));
  api.use(apiNotFound);
  api.use(apiErrorHandler(log));
  app.use('/api', api);
  app.use(editorApp(options.appDir === undefined ? EDITOR_DIST_DIR : options.appDir));
  app.use(apiErrorHandler(log));

  const servers = new Set<Server>();
  return {
    app,
    live,
    jobs,
    checks,
    adminToken,
    listen(port, host = '127.0.0.1') {
      return new Promise((resolve, reject) => {
        const http = app.listen(port, host);
        http.once('error', reject);
        http.once('listening', () => {
          servers.add(http);
          const address = http.address() as AddressInfo;
          const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
          resolve({ url: `http://${shownHost}:${address.port}`, port: address.port, http });
        });
      });
    },
    async close() {
      await jobs.close();
      await checks.close();
      await Promise.all(
        [...servers].map(
          (http) =>
            new Promise<void>((resolve) => {
              http.close(() => resolve());
              http.closeAllConnections();
            }),
        ),
      );
      servers.clear();
    },
  };
}
