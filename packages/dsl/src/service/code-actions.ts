import type { Member, Span } from '../ast/ast.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { ProgramSnapshot } from './program-snapshot.ts';
import type { CodeAction, SpanEdit } from './service-types.ts';

/**
 * Quick fixes, built only from what the checker put in a diagnostic's `data` (detection and fixing stay
 * separate): `replace` → one action per did-you-mean suggestion; `remove` → drop the unused let, or the
 * rule or levy whose `where` is always false.
 */
export function codeActions(
  snapshot: ProgramSnapshot,
  path: string,
  span: Span,
  codes?: readonly string[],
): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of snapshot.diagnostics(path)) {
    if (diagnostic.span.end < span.start || diagnostic.span.start > span.end) continue;
    if (codes && codes.length > 0 && !codes.includes(diagnostic.code)) continue;
    actions.push(...fixesFor(snapshot, path, diagnostic));
  }
  return actions;
}

function fixesFor(snapshot: ProgramSnapshot, path: string, diagnostic: Diagnostic): CodeAction[] {
  const data = diagnostic.data;
  if (!data) return [];
  const fixes = { code: diagnostic.code, span: diagnostic.span };
  if (data.kind === 'replace') {
    const verb = diagnostic.code === 'dsl.bad_option_value' ? 'Set to' : 'Change to';
    return data.suggestions.map((suggestion, index) => ({
      title: `${verb} '${suggestion}'`,
      kind: 'quickfix',
      fixes,
      edits: [{ path, edits: [{ span: diagnostic.span, newText: suggestion }] }],
      ...(index === 0 ? { preferred: true } : {}),
    }));
  }
  const found = memberOf(snapshot, path, diagnostic);
  if (!found) return [];
  const title =
    found.kind === 'Let' ? `Remove unused let '${found.name.name}'` : `Remove ${found.kind === 'Rule' ? 'rule' : 'levy'} '${found.name.name}' (it never applies)`;
  return [{ title, kind: 'quickfix', fixes, edits: [{ path, edits: [removal(snapshot.text(path) ?? '', found.span)] }], preferred: found.kind === 'Let' }];
}

/** The member a `remove` diagnostic is about: the let it names, or the rule or levy whose where it marks. */
function memberOf(snapshot: ProgramSnapshot, path: string, diagnostic: Diagnostic): Extract<Member, { kind: 'Let' | 'Rule' | 'Levy' }> | undefined {
  const same = (a: Span, b: Span): boolean => a.start === b.start && a.end === b.end;
  for (const rulebook of snapshot.file(path)?.ast.rulebooks ?? []) {
    for (const member of rulebook.members) {
      if (diagnostic.code === 'dsl.unused_let' && member.kind === 'Let' && same(member.name.span, diagnostic.span)) return member;
      if (diagnostic.code === 'dsl.unreachable' && (member.kind === 'Rule' || member.kind === 'Levy') && member.where && same(member.where.span, diagnostic.span)) {
        return member;
      }
    }
  }
  return undefined;
}

/** Deletes a declaration; when it has its lines to itself, the lines go too (no blank line left behind). */
function removal(text: string, span: Span): SpanEdit {
  let start = span.start;
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  let end = span.end;
  while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
  const ownLines = (start === 0 || text[start - 1] === '\n') && (end === text.length || text[end] === '\n' || text[end] === '\r');
  if (!ownLines) return { span, newText: '' };
  if (text[end] === '\r') end++;
  if (text[end] === '\n') end++;
  return { span: { start, end }, newText: '' };
}
