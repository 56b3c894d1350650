import { makeDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { LineIndex } from '../diagnostics/line-index.ts';
import { checkProgram } from '../check/check-program.ts';
import type { ResolvedProgram, ResolvedRulebook } from '../check/resolved-model.ts';
import type { SourceHost } from '../program/source-host.ts';
import type { CompiledRulebook } from './compiled-rulebook.ts';
import { compileRulebook } from './compile-rulebook.ts';

export type LoadRulebookResult =
  | {
      readonly ok: true;
      readonly rulebook: CompiledRulebook;
      /** The rulebook as the checker resolved it (after `extends`, `import`, `remove`), and its program: what `diffRulebooks` compares. */
      readonly resolved: ResolvedRulebook;
      readonly program: ResolvedProgram;
      readonly diagnostics: readonly Diagnostic[];
    }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

/**
 * Checks `entryPath` with its imports and compiles one rulebook (docs/cli.md, `--name`): `name` picks one the
 * file declares or imports; by default the last one the entry file declares. Any error anywhere in the
 * program refuses the load (warnings are returned alongside the rulebook).
 */
export function loadRulebook(host: SourceHost, entryPath: string, name?: string): LoadRulebookResult {
  const { diagnostics, program } = checkProgram(host, [entryPath]);
  if (diagnostics.some((diagnostic) => diagnostic.severity === 'error')) return { ok: false, diagnostics };
  const entry = program.files.get(entryPath);
  const visible = program.visibleRulebooks(entryPath);
  const own = program.rulebooks.filter((rulebook) => rulebook.file === entryPath);
  const chosen = name === undefined ? own[own.length - 1] : visible.find((rulebook) => rulebook.name === name);
  if (!chosen) {
    const lines = new LineIndex(entry?.text ?? '');
    const names = visible.map((rulebook) => rulebook.name);
    const message =
      name === undefined
        ? `'${entryPath}' declares no rulebook`
        : `no rulebook '${name}' in '${entryPath}' or its imports${names.length > 0 ? ` (there are: ${names.join(', ')})` : ''}`;
    const missing = makeDiagnostic(lines, entryPath, 'dsl.unknown_name', 'error', { start: 0, end: 0 }, message);
    return { ok: false, diagnostics: [...diagnostics, missing] };
  }
  return { ok: true, rulebook: compileRulebook(chosen, program.files, entryPath), resolved: chosen, program, diagnostics };
}
