import { z } from 'zod';
import type { RulebookChoice } from '../../jobs/index.ts';
import { ApiError } from '../http/api-error.ts';
import { assertRulebookFileName } from '../rulebooks/rulebook-file-name.ts';
import type { WorkspaceCompiler } from '../rulebooks/workspace-compiler.ts';

/** A rulebook of a request (docs/api.md): a saved file of the workspace, or an unsaved source under a file name. */
export const rulebookRef = z.union([
  z.strictObject({ file: z.string(), name: z.string().optional() }),
  z.strictObject({ source: z.string(), name: z.string().optional(), file: z.string().optional() }),
]);
export type RulebookRef = z.output<typeof rulebookRef>;

/**
 * The workspace's saved files with the request's unsaved sources in place, and each reference as the
 * entry a worker compiles; an unsaved source without a file name is `unsaved-N.a6` (N from 1). A
 * saved file the workspace lacks is 404 `server.unknown_rulebook_file`.
 */
export async function resolveRulebookRefs(compiler: WorkspaceCompiler, refs: readonly RulebookRef[]): Promise<{ sources: Record<string, string>; choices: RulebookChoice[] }> {
  const overrides: Record<string, string> = {};
  const choices: RulebookChoice[] = refs.map((reference, index) => {
    if ('source' in reference) {
      const entry = assertRulebookFileName(reference.file ?? `unsaved-${index + 1}.a6`);
      overrides[entry] = reference.source;
      return reference.name === undefined ? { entry } : { entry, name: reference.name };
    }
    const entry = assertRulebookFileName(reference.file);
    return reference.name === undefined ? { entry } : { entry, name: reference.name };
  });
  const sources = { ...(await compiler.sources()), ...overrides };
  for (const choice of choices) {
    if (sources[choice.entry] === undefined) throw new ApiError(404, 'server.unknown_rulebook_file', `no saved rulebook file ${choice.entry}`);
  }
  return { sources, choices };
}
