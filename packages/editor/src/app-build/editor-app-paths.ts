import { fileURLToPath } from 'node:url';

/** The Vite config of the browser app. */
export const EDITOR_VITE_CONFIG = fileURLToPath(new URL('../../vite.config.ts', import.meta.url));

/** The built app (`vite build`): static files the server serves at `/`. Git-ignored. */
export const EDITOR_DIST_DIR = fileURLToPath(new URL('../../dist/', import.meta.url));
