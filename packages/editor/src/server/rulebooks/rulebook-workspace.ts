import { loadRulebook, memorySourceHost, parseRulebookFile, resolveImportPath, type CompiledRulebook, type Diagnostic } from '@a6/dsl';

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

/** Pure: compiles from a map of sources (also what the job workers call). */
export function compileFromSources(sources: Readonly<Record<string, string>>, entry: string, name: string | undefined): CompiledFromWorkspace {
  const loaded = loadRulebook(memorySourceHost(sources), entry, name);
  if (!loaded.ok) return loaded;
  // `rulebook.file` is relative to the entry file (docs/reports.md); the workspace names it from the root.
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
