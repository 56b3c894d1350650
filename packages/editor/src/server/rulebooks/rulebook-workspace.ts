import { checkProgram, loadRulebook, memorySourceHost, parseRulebookFile, resolveImportPath, type CompiledRulebook, type Diagnostic } from '@a6/dsl';
import type { EventStore, RulebookVersion } from '@a6/ledger/store';

/** A rulebook a file declares (for listings: the editor's side bar, `GET /api/rulebooks`). */
export interface DeclaredRulebook {
  readonly name: string;
  readonly title: string | null;
  readonly extends: string | null;
}

export type CompiledFromWorkspace =
  | {
      readonly ok: true;
      readonly rulebook: CompiledRulebook;
      /** The declaring file as the workspace names it, and its exact text (`RulebookAdopted.source`). */
      readonly declaringFile: string;
      readonly declaringSource: string;
      readonly diagnostics: readonly Diagnostic[];
    }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

/**
 * The saved rulebook files of a store (its workspace, shared by all histories) seen as a language
 * source host: imports resolve among the stored files (cli.md, `PUT /api/rulebooks/:file`).
 */
export class RulebookWorkspace {
  constructor(private readonly store: EventStore) {}

  /** Latest text of every saved file. */
  async sources(): Promise<Record<string, string>> {
    const files = await this.store.listRulebookFiles();
    const sources: Record<string, string> = {};
    for (const summary of files) {
      const latest = (await this.store.rulebookVersions(summary.file)).at(-1);
      if (latest !== undefined) sources[summary.file] = latest.source;
    }
    return sources;
  }

  versions(file: string): Promise<readonly RulebookVersion[]> {
    return this.store.rulebookVersions(file);
  }

  /** Diagnostics of `entry` and everything it imports, with `overrides` (unsaved texts) in place of saved ones. */
  async check(entry: string, overrides: Readonly<Record<string, string>> = {}): Promise<readonly Diagnostic[]> {
    const host = memorySourceHost({ ...(await this.sources()), ...overrides });
    return checkProgram(host, [entry]).diagnostics;
  }

  /** Compiles rulebook `name` as seen from `entry` (declared there or imported). */
  async compile(entry: string, name: string | undefined, overrides: Readonly<Record<string, string>> = {}): Promise<CompiledFromWorkspace> {
    return compileFromSources({ ...(await this.sources()), ...overrides }, entry, name);
  }
}

/** Pure: compiles from a map of sources (also what the job workers call). */
export function compileFromSources(sources: Readonly<Record<string, string>>, entry: string, name: string | undefined): CompiledFromWorkspace {
  const loaded = loadRulebook(memorySourceHost(sources), entry, name);
  if (!loaded.ok) return loaded;
  // `rulebook.file` is relative to the entry file (replay.md); the workspace names it from the root.
  const declaringFile = resolveImportPath(entry, loaded.rulebook.file);
  const declaringSource = sources[declaringFile] ?? sources[entry] ?? '';
  return { ok: true, rulebook: loaded.rulebook, declaringFile, declaringSource, diagnostics: loaded.diagnostics };
}

export function declaredRulebooks(file: string, source: string): DeclaredRulebook[] {
  return parseRulebookFile(source, file).file.rulebooks.map((rulebook) => ({
    name: rulebook.name.name,
    title: rulebook.title?.value ?? null,
    extends: rulebook.parent?.name ?? null,
  }));
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((diagnostic) => diagnostic.severity === 'error');
}
