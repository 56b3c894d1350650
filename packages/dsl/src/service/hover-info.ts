import { TRIGGERS, UNIT_TRIGGERS, type Span, type Trigger } from '../ast/ast.ts';
import type { BuiltinFunction } from '../check/builtin-functions.ts';
import { CONTEXT_ROOTS, type ContextField } from '../check/context-schema.ts';
import type { ResolvedRulebook, SymbolTarget } from '../check/resolved-model.ts';
import { typeToString, type RecordKind } from '../check/types.ts';
import type { OptionSpec } from '../options/options.ts';
import { KEYWORD_DOCS, SEED_ITEMS, TRIGGER_DOCS } from './language-docs.ts';
import type { ProgramSnapshot } from './program-snapshot.ts';
import type { HoverInfo } from './service-types.ts';
import { tokenAt, type SourceToken } from './source-tokens.ts';

const code = (text: string): string => '```a6\n' + text + '\n```';
const oneLine = (text: string, limit = 240): string => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > limit ? `${flat.slice(0, limit - 1)}…` : flat;
};
const TRIGGER_SET: ReadonlySet<string> = new Set(TRIGGERS);

/** Hover: what the name under the cursor is, its type, where it is available and the text it comes from. */
export function hoverAt(snapshot: ProgramSnapshot, path: string, offset: number): HoverInfo | null {
  const reference = snapshot.program.referenceAt(path, offset);
  if (reference) {
    const contents = describeTarget(snapshot, reference.target);
    if (contents) return { contents, span: reference.span };
  }
  const tokens = snapshot.tokens(path);
  const token = tokenAt(tokens, offset) ?? tokenAt(tokens, offset - 1);
  if (!token) return null;
  return describeToken(tokens, token);
}

function describeToken(tokens: readonly SourceToken[], token: SourceToken): HoverInfo | null {
  const span: Span = token.span;
  if (token.kind === 'keyword') {
    const doc = KEYWORD_DOCS[token.text];
    return doc ? { contents: `**${token.text}** (keyword)\n\n${doc}`, span } : null;
  }
  if (token.kind !== 'name') return null;
  const index = tokens.indexOf(token);
  const previous = previousCode(tokens, index);
  if (TRIGGER_SET.has(token.text) && (previous?.text === 'on' || previous?.text === ',')) {
    return { contents: triggerDoc(token.text as Trigger), span };
  }
  if (previous?.text === 'to' && previous.kind === 'keyword') {
    return { contents: `**levy account** \`LEVY:${token.text}\`\n\nLevied units move here. \`LEVY\` is a reserved registry whose accounts exist implicitly and have no Party.`, span };
  }
  return null;
}

function previousCode(tokens: readonly SourceToken[], index: number): SourceToken | undefined {
  for (let i = index - 1; i >= 0; i--) if (tokens[i]!.kind !== 'comment') return tokens[i];
  return undefined;
}

function triggerDoc(trigger: Trigger): string {
  const unit = UNIT_TRIGGERS.includes(trigger) ? ' · unit trigger' : '';
  return `**${trigger}** (trigger${unit})\n\n${TRIGGER_DOCS[trigger]}`;
}

function describeTarget(snapshot: ProgramSnapshot, target: SymbolTarget): string | null {
  switch (target.kind) {
    case 'root':
      return `**${target.name}** (context): ${target.root.record}\n\n${target.root.doc}\n\n${availability(target.root.triggers)}`;
    case 'field':
      return fieldDoc(target.record, target.field);
    case 'function':
      return functionDoc(target.fn);
    case 'option':
      return optionDoc(target.spec);
    case 'option_value': {
      const doc = target.spec.valueDocs[target.name] ?? '';
      const isDefault = target.spec.values[0] === target.name ? ' (default)' : '';
      return `**${target.name}**${isDefault}: a value of \`${target.spec.name}\`\n\n${doc}\n\n---\n\n${optionDoc(target.spec)}`;
    }
    case 'import': {
      const rulebooks = snapshot.file(target.file)?.ast.rulebooks.map((decl) => `\`${decl.name.name}\``) ?? [];
      return `**import** \`${target.file}\`\n\n${rulebooks.length > 0 ? `Rulebooks: ${rulebooks.join(', ')}` : 'No rulebooks.'}`;
    }
    case 'rulebook': {
      const rulebook = snapshot.program.rulebooks.find((candidate) => candidate.decl === target.decl);
      return rulebookDoc(snapshot, target.file, target.decl.span, rulebook);
    }
    case 'rule': {
      const text = snapshot.text(target.file) ?? '';
      const firstCheck = target.decl.checks[0]?.span.start ?? target.decl.span.end;
      const header = text.slice(target.decl.span.start, text.lastIndexOf('{', firstCheck));
      const checks = target.decl.checks.length;
      return `${code(oneLine(header))}\nRule of rulebook \`${target.rulebook}\` (${target.file}), ${checks} check${checks === 1 ? '' : 's'}.`;
    }
    case 'levy': {
      const text = snapshot.text(target.file) ?? '';
      return `${code(oneLine(text.slice(target.decl.span.start, target.decl.span.end)))}\nLevy of rulebook \`${target.rulebook}\` (${target.file}).`;
    }
    case 'let': {
      const text = snapshot.text(target.file) ?? '';
      const type = snapshot.program.typeOf(target.decl.value);
      const typed = type && type.kind !== 'unknown' ? `, type ${typeToString(type)}` : '';
      return `${code(oneLine(text.slice(target.decl.span.start, target.decl.span.end)))}\nLet of rulebook \`${target.rulebook}\` (${target.file})${typed}; evaluated where it is used.`;
    }
  }
}

export function availability(triggers: readonly Trigger[] | null): string {
  if (triggers === null || triggers.length === TRIGGERS.length) return 'Available at every trigger.';
  if (triggers.length === UNIT_TRIGGERS.length && UNIT_TRIGGERS.every((t) => triggers.includes(t))) return 'Available at the unit triggers.';
  return `Available at: ${triggers.map((t) => `\`${t}\``).join(', ')}.`;
}

export function fieldDoc(record: RecordKind, field: ContextField): string {
  // A field without its own triggers exists wherever its record does: the root's triggers for `unit`,
  // `event`, …; accounts, Parties and NDCs are reached through other values.
  const root = CONTEXT_ROOTS.find((candidate) => candidate.record === record);
  const where = field.triggers ? availability(field.triggers) : root ? availability(root.triggers) : `Available wherever a ${record} is.`;
  return `**${record}.${field.name}**: ${typeToString(field.type)}\n\n${field.doc}\n\n${where}`;
}

export function functionSignature(fn: BuiltinFunction): string {
  const parameters = fn.parameters.map((p) => `${p.name}: ${p.types.map(typeToString).join(' | ')}`).join(', ');
  const returns = fn.returns.kind === 'unknown' ? 'number | date' : typeToString(fn.returns);
  return `${fn.name}(${parameters}): ${returns}`;
}

export function functionDoc(fn: BuiltinFunction): string {
  return `${code(functionSignature(fn))}\n${fn.doc}\n\nBuilt-in functions see the ledger state *before* the current event, under this rulebook.`;
}

export function optionDoc(spec: OptionSpec): string {
  const seed = spec.seed ? `\n\nSeed paper item ${spec.seed}: ${SEED_ITEMS[spec.seed] ?? ''}`.trimEnd() : '';
  const values = spec.values
    .map((value, index) => `- \`${value}\`${index === 0 ? ' (default)' : ''}: ${spec.valueDocs[value] ?? ''}`)
    .join('\n');
  return `**option ${spec.name}**\n\n${spec.doc}${seed}\n\n${values}`;
}

function rulebookDoc(snapshot: ProgramSnapshot, file: string, span: Span, rulebook: ResolvedRulebook | undefined): string {
  const text = snapshot.text(file) ?? '';
  const header = text.slice(span.start, text.indexOf('{', span.start) < 0 ? span.end : text.indexOf('{', span.start));
  if (!rulebook) return `${code(oneLine(header))}\nRulebook in ${file}.`;
  const changed = [...rulebook.options.values()].filter((option) => option.decl !== null).map((option) => `\`${option.name} = ${option.value}\``);
  const lines = [
    `Rulebook in ${file}: ${rulebook.rules.length} rule${rulebook.rules.length === 1 ? '' : 's'}, ${rulebook.levies.length} lev${rulebook.levies.length === 1 ? 'y' : 'ies'}, ${rulebook.lets.size} let${rulebook.lets.size === 1 ? '' : 's'}${rulebook.parent ? ` (with those of \`${rulebook.parent.name}\`)` : ''}.`,
  ];
  if (changed.length > 0) lines.push(`Options set: ${changed.join(', ')}.`);
  if (rulebook.cites.length > 0) lines.push(`Cites: ${rulebook.cites.map((cite) => `“${cite}”`).join('; ')}.`);
  return `${code(oneLine(header))}\n${lines.join('\n\n')}`;
}
