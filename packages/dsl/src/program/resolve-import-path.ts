/**
 * Posix-style path arithmetic for `import "x.a6"`. Written by hand because `node:path` does not exist
 * in a browser worker, where the checker also runs.
 */

/** The path of `spec` imported from `fromFile`: relative to the importing file's folder. */
export function resolveImportPath(fromFile: string, spec: string): string {
  if (spec.startsWith('/')) return normalizePath(spec);
  const folder = dirname(fromFile);
  return normalizePath(folder === '' ? spec : `${folder}/${spec}`);
}

export function dirname(path: string): string {
  const slash = path.lastIndexOf('/');
  if (slash < 0) return '';
  if (slash === 0) return '/';
  return path.slice(0, slash);
}

/** Removes `.` and `name/..` segments and doubled slashes; keeps leading `..` of a relative path. */
export function normalizePath(path: string): string {
  const absolute = path.startsWith('/');
  const segments: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      const last = segments[segments.length - 1];
      if (last !== undefined && last !== '..') segments.pop();
      else if (!absolute) segments.push('..');
      continue;
    }
    segments.push(segment);
  }
  const joined = segments.join('/');
  return absolute ? `/${joined}` : joined === '' ? '.' : joined;
}
