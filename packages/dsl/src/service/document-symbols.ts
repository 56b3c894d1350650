import type { Member, RulebookFile } from '../ast/ast.ts';
import type { DocumentSymbol } from './service-types.ts';

const flat = (text: string, limit = 80): string => {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > limit ? `${one.slice(0, limit - 1)}…` : one;
};

/** The outline: imports, then rulebooks with their options, levies, rules and lets as children. */
export function documentSymbols(file: RulebookFile, text: string): DocumentSymbol[] {
  const symbols: DocumentSymbol[] = file.imports.map((decl) => ({
    name: decl.path.value,
    kind: 'import',
    span: decl.span,
    selectionSpan: decl.path.span,
    children: [],
  }));
  for (const rulebook of file.rulebooks) {
    const details = [rulebook.parent ? `extends ${rulebook.parent.name}` : null, rulebook.title?.value ?? null].filter((d) => d !== null);
    symbols.push({
      name: rulebook.name.name,
      kind: 'rulebook',
      ...(details.length > 0 ? { detail: details.join(' · ') } : {}),
      span: rulebook.span,
      selectionSpan: rulebook.name.span,
      children: rulebook.members.flatMap((member) => memberSymbol(member, text)),
    });
  }
  return symbols;
}

function memberSymbol(member: Member, text: string): DocumentSymbol[] {
  switch (member.kind) {
    case 'Option': {
      if (member.path.length === 0) return [];
      const selection = { start: member.path[0]!.span.start, end: member.path[member.path.length - 1]!.span.end };
      return [{ name: member.path.map((part) => part.name).join('.'), kind: 'option', detail: text.slice(member.value.span.start, member.value.span.end), span: member.span, selectionSpan: selection, children: [] }];
    }
    case 'Levy': {
      const destination = member.destination.kind === 'cancel' ? 'cancel' : `to ${member.destination.account.name}`;
      return [{ name: member.name.name, kind: 'levy', detail: `${member.rate.text}% on ${member.trigger.name}, ${destination}`, span: member.span, selectionSpan: member.name.span, children: [] }];
    }
    case 'Rule':
      return [{ name: member.name.name, kind: 'rule', detail: member.title?.value ?? `on ${member.triggers.map((t) => t.name).join(', ')}`, span: member.span, selectionSpan: member.name.span, children: [] }];
    case 'Let':
      return [{ name: member.name.name, kind: 'let', detail: flat(text.slice(member.value.span.start, member.value.span.end)), span: member.span, selectionSpan: member.name.span, children: [] }];
    case 'Cite':
      return [{ name: flat(member.text.value, 60), kind: 'cite', span: member.span, selectionSpan: member.text.span, children: [] }];
    case 'Remove':
      return [];
  }
}
