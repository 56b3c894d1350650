import type { CompiledRulebook } from '@a6/dsl';
import { canonicalJson, type EventOf } from '@a6/ledger';
import type { RulebookWorkspace } from '@a6/ledger/store';
import { isRulebookFileName } from '../rulebooks/rulebook-file-name.ts';
import { compileFromSources } from '../rulebooks/rulebook-workspace.ts';

/** The rulebook in force for a history: the last `RulebookAdopted`, compiled when it can be rebuilt. */
export interface RulebookInForce {
  readonly name: string;
  readonly sha256: string;
  /** `seq` of the `RulebookAdopted` event. */
  readonly adoptedAt: number;
  /** The entry file it was adopted from (`meta.file`), when known. */
  readonly file: string | null;
  readonly compiled: CompiledRulebook | null;
  /** Why `compiled` is null. */
  readonly unavailable?: string;
}

/**
 * Rebuilds the compiled rulebook of a stored adoption (server start, or an adoption written by another
 * process): the declaring file's text is in the event (`source`), its imports are found in the
 * workspace by sha256 — each saved file at the version whose hash the adoption recorded, so later edits
 * of a file never change the rulebook in force. The result must hash exactly as recorded, or the live
 * path refuses to decide with it (`ledger.rulebook_unavailable`) rather than decide with another rulebook.
 */
export async function rebuildAdoptedRulebook(workspace: RulebookWorkspace, adoption: EventOf<'RulebookAdopted'>, seq: number): Promise<RulebookInForce> {
  const { name, sha256, source } = adoption.data;
  const imports = adoption.data.imports ?? {};
  const meta = adoption.meta ?? {};
  const wanted = new Set([sha256, ...Object.values(imports)]);
  const sources: Record<string, string> = {};
  let entry = typeof meta.file === 'string' && isRulebookFileName(meta.file) ? meta.file : null;
  for (const summary of await workspace.listFiles()) {
    const versions = await workspace.versions(summary.file);
    const matching = versions.find((version) => wanted.has(version.sha256));
    const chosen = matching ?? versions.at(-1);
    if (chosen !== undefined) sources[summary.file] = chosen.source;
    if (entry === null && matching?.sha256 === sha256) entry = summary.file;
  }
  const base = { name, sha256, adoptedAt: seq, file: entry };
  const declaredIn = typeof meta.declaredIn === 'string' && isRulebookFileName(meta.declaredIn) ? meta.declaredIn : entry;
  if (entry === null || declaredIn === null) {
    if (source === undefined) return { ...base, compiled: null, unavailable: `no saved file has sha256 ${sha256} and the adoption carries no source` };
    entry = 'adopted.a6';
    sources[entry] = source;
  } else if (source !== undefined) {
    sources[declaredIn] = source;
  }
  const compiled = compileFromSources(sources, entry, name);
  if (!compiled.ok) {
    return { ...base, compiled: null, unavailable: `rulebook ${name} (sha256 ${sha256}) no longer compiles: ${compiled.diagnostics.find((d) => d.severity === 'error')?.message ?? 'errors'}` };
  }
  const rulebook = compiled.rulebook;
  if (rulebook.sha256 !== sha256 || canonicalJson(rulebook.imports) !== canonicalJson(imports)) {
    return { ...base, compiled: null, unavailable: `rulebook ${name} cannot be rebuilt from the saved files with the recorded sha256 ${sha256} and imports` };
  }
  return { ...base, compiled: rulebook };
}
