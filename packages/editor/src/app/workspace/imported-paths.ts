import { workspacePathCandidates } from '../run/report-paths.ts';

/**
 * The workspace paths a file imports (`import "glasgow-2021.a6"`, resolved against the importing file's
 * folder), found in its text so the page can fetch stored files before the checker asks for them.
 * Imports come first in a file (docs/language.md `File = Import* Rulebook+`); a commented-out import found here
 * only costs one extra fetch.
 */
export function importedPaths(fromPath: string, text: string): string[] {
  const paths: string[] = [];
  for (const match of text.matchAll(/^[ \t]*import[ \t]+"((?:[^"\\\n]|\\.)*)"/gm)) {
    const [resolved] = workspacePathCandidates(fromPath, match[1]!);
    if (resolved !== undefined && !paths.includes(resolved)) paths.push(resolved);
  }
  return paths;
}
