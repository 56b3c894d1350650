import type { AddressInfo } from 'node:net';
import { EDITOR_VITE_CONFIG } from './editor-app-paths.ts';

export interface RunningEditorApp {
  /** `http://127.0.0.1:PORT/` */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Serves a built app with `vite preview` on a free loopback port: the same static files the express
 * server serves, without the API (the app then shows "server not reachable"). For tests and demos.
 */
export async function previewEditorApp(outDir: string): Promise<RunningEditorApp> {
  const { preview } = await import('vite');
  const server = await preview({
    configFile: EDITOR_VITE_CONFIG,
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
  });
  const address = server.httpServer.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}/`,
    close: () => server.close(),
  };
}
