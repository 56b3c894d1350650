import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import express, { Router } from 'express';

/** The editor's Vite build output (packages/editor/dist), served at `/`. */
export const DEFAULT_APP_DIR = fileURLToPath(new URL('../../dist/', import.meta.url));

/**
 * Serves the built browser app, or — when it has not been built — a plain page that says how to build
 * it (the server never builds it itself: that needs Vite and minutes of CPU).
 */
export function editorApp(appDir: string | null): Router {
  const router = Router();
  const index = appDir === null ? null : `${appDir.replace(/\/$/, '')}/index.html`;
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
  const build = hasBuildScript() ? 'pnpm --filter @a6/editor build' : 'pnpm --filter @a6/editor exec vite build';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A6 Ledger</title></head>
<body>
<h1>A6 Ledger</h1>
<p>The API is running under <a href="api/health"><code>/api</code></a>, but the editor app has not been built.</p>
<p>Build it from the repository root with <code>${build}</code>, then reload this page.</p>
</body></html>
`;
}

function hasBuildScript(): boolean {
  try {
    const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { scripts?: Record<string, string> };
    return typeof manifest.scripts?.build === 'string';
  } catch {
    return false;
  }
}
