import { dirname, normalizePath } from './resolve-import-path.ts';

/**
 * `target` relative to the folder of `fromFile` (both as the host names them), posix style. Reports
 * name files "relative to the entry file" (docs/reports.md): the entry itself is its own base name.
 */
export function relativePath(fromFile: string, target: string): string {
  const from = splitSegments(dirname(normalizePath(fromFile)));
  const to = splitSegments(normalizePath(target));
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  const ups = from.slice(common).map(() => '..');
  return [...ups, ...to.slice(common)].join('/');
}

function splitSegments(path: string): string[] {
  return path.split('/').filter((segment) => segment !== '' && segment !== '.');
}
