import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';

/**
 * Running from TypeScript sources (tsx, vitest), a worker starts through a small JavaScript
 * bootstrap that loads the real entry with tsx (`typescript-worker-boot.mjs`); tsx is resolved from
 * here, so it works whatever the current directory is. The work itself rides along in `workerData`.
 */
export function startWorker(entry: URL, workerData: object, resourceLimits?: ResourceLimits): Worker {
  const limits = resourceLimits === undefined ? {} : { resourceLimits };
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, { workerData, ...limits });
  const tsxDir = dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const tsxApi = pathToFileURL(join(tsxDir, 'dist', 'esm', 'api', 'index.mjs')).href;
  const boot = new URL('./typescript-worker-boot.mjs', import.meta.url);
  return new Worker(boot, { workerData: { ...workerData, tsxApi, entry: entry.href }, ...limits });
}
