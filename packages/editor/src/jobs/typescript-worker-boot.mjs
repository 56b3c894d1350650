// Worker bootstrap for running a TypeScript worker from sources (tsx, vitest): Node 20 does not apply
// `--import tsx` hooks inside worker threads reliably, so the worker loads its real entry through
// tsx's `tsImport`, which registers the TypeScript loader for that module graph only.
import { workerData } from 'node:worker_threads';

const { tsImport } = await import(workerData.tsxApi);
await tsImport(workerData.entry, import.meta.url);
