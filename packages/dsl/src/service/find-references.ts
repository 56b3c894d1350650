import { DeclaredSymbols, isDeclaredTarget } from './declared-symbols.ts';
import type { ProgramSnapshot } from './program-snapshot.ts';
import type { ReferenceOptions, SpanLocation } from './service-types.ts';

/**
 * Every place a declared name is used, across files: `extends`, `remove`, let uses, and the members a
 * child declares to replace an inherited one of the same name (they are one symbol: see DeclaredSymbols).
 */
export function findReferences(
  snapshot: ProgramSnapshot,
  symbols: DeclaredSymbols,
  path: string,
  offset: number,
  options: ReferenceOptions,
): SpanLocation[] {
  const reference = snapshot.program.referenceAt(path, offset);
  if (!reference || !isDeclaredTarget(reference.target)) return [];
  return symbols
    .occurrencesOf(reference.target)
    .filter((occurrence) => options.includeDeclaration || !occurrence.isDeclaration)
    .map((occurrence) => ({ path: occurrence.file, span: occurrence.span }));
}
