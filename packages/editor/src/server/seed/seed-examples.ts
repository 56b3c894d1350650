import { readFile, readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LiveLedger } from '../live/index.ts';
import { readHistoryFile } from '@a6/ledger/node';
import { isHistoryId, type StoreSet } from '@a6/ledger/store';
import { hasErrors } from '../rulebooks/rulebook-workspace.ts';
import { WorkspaceCompiler } from '../rulebooks/workspace-compiler.ts';

/** The repository's `examples/` folder. */
export const DEFAULT_EXAMPLES_DIR = fileURLToPath(new URL('../../../../../examples/', import.meta.url));

/** Adopted for every loaded history when the examples have it, so the live path works out of the box. */
const EXAMPLE_RULEBOOK = { file: 'glasgow-2021.a6', name: 'glasgow_2021' } as const;

export interface SeedSummary {
  readonly rulebooks: readonly string[];
  readonly histories: readonly { readonly id: string; readonly events: number; readonly adopted: string | null }[];
  readonly skipped: readonly string[];
}

/**
 * A fresh embedded store gets the example rulebooks (as saved workspace files) and histories (each in
 * a history named after its file), so a new user sees something real at once (cli.md "Server").
 * Whatever is in `examples/` is loaded; a file that does not validate is skipped with a note, never
 * half-loaded (imports are atomic).
 */
export async function seedExamples(
  { store, workspace }: Pick<StoreSet, 'store' | 'workspace'>,
  live: LiveLedger,
  examplesDir: string,
  note: (line: string) => void,
): Promise<SeedSummary> {
  const skipped: string[] = [];
  const rulebooks: string[] = [];
  for (const file of await filesIn(join(examplesDir, 'rulebooks'), '.a6')) {
    await workspace.save(file, await readFile(join(examplesDir, 'rulebooks', file), 'utf8'));
    rulebooks.push(file);
  }
  const compiler = new WorkspaceCompiler(workspace);
  for (const file of rulebooks) {
    if (hasErrors(await compiler.check(file))) note(`a6: example rulebook ${file} has errors (saved anyway; fix it in the editor)`);
  }
  const example = rulebooks.includes(EXAMPLE_RULEBOOK.file) ? await compiler.compile(EXAMPLE_RULEBOOK.file, EXAMPLE_RULEBOOK.name) : undefined;

  const histories: { id: string; events: number; adopted: string | null }[] = [];
  for (const file of await filesIn(join(examplesDir, 'histories'), '.ndjson')) {
    const id = basename(file, '.ndjson');
    if (!isHistoryId(id)) {
      skipped.push(`${file}: ${id} is not a valid history id`);
      continue;
    }
    const decoded = await readHistoryFile(join(examplesDir, 'histories', file));
    if (!decoded.ok) {
      skipped.push(`${file}: ${decoded.issues.length} issue(s), first: line ${decoded.issues[0]?.line ?? '?'}: ${decoded.issues[0]?.message ?? ''}`);
      continue;
    }
    await store.append(id, decoded.events);
    const hasOwnAdoption = decoded.events.some((event) => event.type === 'RulebookAdopted');
    let adopted: string | null = null;
    if (example?.ok && !hasOwnAdoption) {
      await live.adopt(id, EXAMPLE_RULEBOOK.file, EXAMPLE_RULEBOOK.name);
      adopted = `${EXAMPLE_RULEBOOK.file}#${EXAMPLE_RULEBOOK.name}`;
    }
    histories.push({ id, events: decoded.events.length, adopted });
  }
  for (const line of skipped) note(`a6: example history skipped: ${line}`);
  return { rulebooks, histories, skipped };
}

async function filesIn(dir: string, extension: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((name) => name.endsWith(extension)).sort();
  } catch {
    return [];
  }
}
