import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { SOURCE_LIMITS } from '../parse/source-limits.ts';
import type { SourceHost, SourceRefusal } from './source-host.ts';

/** Largest rulebook file read at all, in bytes: the character limit at up to 4 bytes a character. */
export const MAX_SOURCE_BYTES = SOURCE_LIMITS.maxChars * 4;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A host reading UTF-8 files from disk, relative to `rootDir` (default: the working directory). Kept out
 * of the browser-safe index on purpose: import it from `@a6/dsl/src/program/node-host.ts` in Node only.
 *
 * A file is checked before it is read (docs/reliability.md "Hostile files"): only regular files
 * (`import "/dev/zero"` is refused, not read forever), at most `MAX_SOURCE_BYTES`, strictly UTF-8
 * (never silently repaired with U+FFFD, so the sha256 reported is the sha256 of the file's bytes).
 */
export function nodeSourceHost(rootDir: string = process.cwd()): SourceHost {
  const refusals = new Map<string, SourceRefusal>();
  return {
    read(path) {
      const result = readSource(isAbsolute(path) ? path : resolve(rootDir, path));
      if (typeof result === 'string' || result === undefined) return result;
      refusals.set(path, result);
      return undefined;
    },
    refusal: (path) => refusals.get(path),
  };
}

function readSource(file: string): string | SourceRefusal | undefined {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return undefined;
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { code: 'dsl.import_not_found', message: `${file} is not a regular file` };
    if (stat.size > MAX_SOURCE_BYTES) return { code: 'dsl.too_large', message: `${file} has ${stat.size} bytes; a rulebook file has at most ${MAX_SOURCE_BYTES}` };
    const bytes = Buffer.alloc(stat.size);
    let read = 0;
    while (read < bytes.length) {
      const n = readSync(fd, bytes, read, bytes.length - read, read);
      if (n === 0) break;
      read += n;
    }
    try {
      return utf8.decode(bytes.subarray(0, read));
    } catch {
      return { code: 'dsl.not_utf8', message: `${file} is not UTF-8 (${notUtf8Where(bytes.subarray(0, read))}); rulebook files are UTF-8` };
    }
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/** Line and column of the first byte the strict decoder rejects. */
function notUtf8Where(bytes: Buffer): string {
  // Binary search on the prefix length: a streaming decode ignores a sequence cut at the end of the
  // prefix, so it fails exactly when an invalid byte lies inside the prefix.
  const decodes = (length: number) => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, length), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  let low = 0;
  let high = bytes.length;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (decodes(mid)) low = mid;
    else high = mid - 1;
  }
  const lineStart = bytes.lastIndexOf(10, Math.max(0, low - 1)) + 1;
  let line = 1;
  for (let i = bytes.indexOf(10); i >= 0 && i < lineStart; i = bytes.indexOf(10, i + 1)) line += 1;
  return `line ${line}, column ${new TextDecoder().decode(bytes.subarray(lineStart, low)).length + 1}`;
}
