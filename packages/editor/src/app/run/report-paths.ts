/**
 * Report entries name files relative to the replay's entry file (docs/reports.md `source.file`); the editor
 * names them by workspace path. The candidates, most likely first: resolved against the entry's
 * folder, then as written.
 */
export function workspacePathCandidates(entryPath: string, reportFile: string): string[] {
  const folder = entryPath.includes('/') ? entryPath.slice(0, entryPath.lastIndexOf('/') + 1) : '';
  const parts: string[] = [];
  for (const segment of `${folder}${reportFile}`.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') parts.pop();
    else parts.push(segment);
  }
  return [...new Set([parts.join('/'), reportFile])];
}
