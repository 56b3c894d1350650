import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import express, { Router } from 'express';

/**
 * Serves the built browser app, or — when it has not been built — a plain page that says how to build
 * it (the server never builds it itself: that needs Vite and minutes of CPU).
 */
export function editorApp(appDir: string | null): Router {
  const router = Router();
  // sendFile needs an absolute path; a relative --app-dir would otherwise answer 500.
  const index = appDir === null ? null : resolve(appDir, 'index.html');
  if (appDir !== null && index !== null && existsSync(index)) {
    router.use(express.static(appDir, { index: 'index.html', fallthrough: true, maxAge: '1h', setHeaders: noCacheForHtml }));
    router.get(/^(?!\/api\/).*/, (_request, response) => {
      response.setHeader('Cache-Control', 'no-cache');
      response.sendFile(index);
    });
    return router;
  }
  router.get(/^(?!\/api\/).*/, (_request, response) => {
    response.status(200).type('html').send(notBuiltPage());
  });
  return router;
}

function noCacheForHtml(response: express.Response, path: string): void {
  // index.html names hashed assets: it must be revalidated, the assets may be cached.
  if (path.endsWith('.html')) response.setHeader('Cache-Control', 'no-cache');
}

function notBuiltPage(): string {
  const build = 'pnpm --filter @a6/editor build:app';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A6 Ledger</title></head>
<body>
<h1>A6 Ledger</h1>
<p>The API is running under <a href="api/health"><code>/api</code></a>, but the editor app has not been built.</p>
<p>Build it from the repository root with <code>${build}</code>, then reload this page.</p>
</body></html>
`;
}

