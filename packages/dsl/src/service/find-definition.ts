import type { ProgramSnapshot } from './program-snapshot.ts';
import type { SpanLocation } from './service-types.ts';

/**
 * Go to definition: a rulebook name (`extends`), a rule or levy (`remove`), a let (in any expression,
 * across `extends` and `import`) or an import path (the imported file). Context names and built-ins
 * have no source to go to.
 */
export function findDefinition(snapshot: ProgramSnapshot, path: string, offset: number): SpanLocation[] {
  const reference = snapshot.program.referenceAt(path, offset);
  if (!reference) return [];
  const { target } = reference;
  switch (target.kind) {
    case 'rulebook':
    case 'rule':
    case 'levy':
    case 'let':
      return [{ path: target.file, span: target.span }];
    case 'import':
      return [{ path: target.file, span: { start: 0, end: 0 } }];
    default:
      return [];
  }
}
