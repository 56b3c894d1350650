import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import type { SourceHost } from './source-host.ts';

/**
 * A host reading UTF-8 files from disk, relative to `rootDir` (default: the working directory). Kept out
 * of the browser-safe index on purpose: import it from `@a6/dsl/src/program/node-host.ts` in Node only.
 */
export function nodeSourceHost(rootDir: string = process.cwd()): SourceHost {
  return {
    read(path) {
      try {
        return readFileSync(isAbsolute(path) ? path : resolve(rootDir, path), 'utf8');
      } catch {
        return undefined;
      }
    },
  };
}
