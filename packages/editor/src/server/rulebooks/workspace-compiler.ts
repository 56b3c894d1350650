import type { RulebookWorkspace } from '@a6/ledger/store';
import { checkProgram, memorySourceHost, type Diagnostic } from '@a6/dsl';
import { compileFromSources, type CompiledFromWorkspace } from './rulebook-workspace.ts';

/**
 * The saved rulebook files of a store (its workspace, shared by all histories) seen as a language
 * source host: imports resolve among the stored files (docs/cli.md, `PUT /api/rulebooks/:file`).
 */
export class WorkspaceCompiler {
  constructor(private readonly workspace: RulebookWorkspace) {}

  /** Latest text of every saved file. */
  async sources(): Promise<Record<string, string>> {
    const sources: Record<string, string> = {};
    for (const summary of await this.workspace.listFiles()) {
      const latest = (await this.workspace.versions(summary.file)).at(-1);
      if (latest !== undefined) sources[summary.file] = latest.source;
    }
    return sources;
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
