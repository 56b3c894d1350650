import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const appRoot = fileURLToPath(new URL('./src/app/', import.meta.url));
const distDir = fileURLToPath(new URL('./dist/', import.meta.url));

/**
 * The browser editor: plain TypeScript + DOM around monaco-editor, built to static files in
 * `packages/editor/dist/` that the express server serves at `/`. `base: './'` keeps every asset URL
 * relative, so the same build works under any mount path and straight from `vite preview`.
 */
export default defineConfig({
  root: appRoot,
  base: './',
  // Vite 8 runs on rolldown; workers are ES modules because the language worker imports `@a6/dsl`.
  worker: { format: 'es' },
  build: {
    outDir: distDir,
    emptyOutDir: true,
    target: 'es2022',
    // Monaco alone is ~4 MB of JS; the warning would fire on every build and say nothing new.
    chunkSizeWarningLimit: 6000,
    reportCompressedSize: false,
  },
  server: {
    host: '127.0.0.1',
    strictPort: false,
    // In development the app talks to a running `a6 serve` (A6_API_URL, e.g. http://127.0.0.1:8080).
    proxy: process.env.A6_API_URL ? { '/api': process.env.A6_API_URL } : undefined,
  },
  preview: { host: '127.0.0.1' },
});
