import { TRIGGERS, UNIT_TRIGGERS, type Span, type Trigger } from '../ast/ast.ts';
import { BUILTIN_FUNCTIONS, findBuiltinFunction } from '../check/builtin-functions.ts';
import { CONTEXT_ROOTS, findContextField, findContextRoot, RECORD_FIELDS } from '../check/context-schema.ts';
import type { ResolvedRulebook } from '../check/resolved-model.ts';
import { typeToString, type RecordKind, type StaticType } from '../check/types.ts';
import { findOption, OPTION_SPECS } from '../options/options.ts';
import { findCompletionSite, type ChainPart, type CompletionOffer } from './completion-site.ts';
import { availability, fieldDoc, functionDoc, functionSignature, optionDoc } from './hover-info.ts';
import { KEYWORD_DOCS, TRIGGER_DOCS } from './language-docs.ts';
import type { ProgramSnapshot } from './program-snapshot.ts';
import type { CompletionItem } from './service-types.ts';

const MEMBER_KEYWORDS = ['cite', 'option', 'levy', 'rule', 'remove', 'let'];

/**
 * Completion at `offset`: what may be written there (completion-site.ts) turned into items from the
 * checked program — fields valid at every trigger of the rule, the rulebook's lets, visible rulebooks,
 * inherited members, options and their values, built-ins and keywords.
 */
export function provideCompletion(snapshot: ProgramSnapshot, path: string, offset: number): CompletionItem[] {
  const text = snapshot.text(path) ?? '';
  const site = findCompletionSite(text, snapshot.tokens(path), offset);
  const rulebook = site.rulebook ? (snapshot.resolvedRulebook(path, site.rulebook) ?? null) : null;
  const items: CompletionItem[] = [];
  const seen = new Set<string>();
  const add = (item: Omit<CompletionItem, 'span'> & { span?: Span }, group: number): void => {
    const key = `${item.kind}:${item.label}`;
    if (seen.has(key)) return;
    seen.add(key);
    items.push({ ...item, span: item.span ?? site.span, sortText: `${group}_${item.label}` });
  };
  for (const offer of site.offers) addOffer(offer, { snapshot, path, rulebook, add });
  return items;
}

interface OfferContext {
  readonly snapshot: ProgramSnapshot;
  readonly path: string;
  readonly rulebook: ResolvedRulebook | null;
  readonly add: (item: Omit<CompletionItem, 'span'> & { span?: Span }, group: number) => void;
}

function addOffer(offer: CompletionOffer, context: OfferContext): void {
  const { add, rulebook, snapshot, path } = context;
  const keyword = (word: string, group = 5): void => add({ label: word, kind: 'keyword', documentation: KEYWORD_DOCS[word] }, group);
  switch (offer.kind) {
    case 'keywords':
      for (const word of offer.words) keyword(word);
      return;
    case 'member_start':
      for (const word of MEMBER_KEYWORDS) keyword(word);
      add({ label: 'rule …', kind: 'snippet', detail: 'a rule with one check', insertText: 'rule ${1:name} "${2:title}" on ${3:use} {\n  require ${0:true}\n}', snippet: true }, 6);
      add({ label: 'levy …', kind: 'snippet', detail: 'a levy at issuance', insertText: 'levy ${1:name} ${2:5}% on ${3:issuance} ${0:cancel}', snippet: true }, 6);
      return;
    case 'triggers': {
      const triggers: readonly Trigger[] = offer.unitOnly ? UNIT_TRIGGERS : TRIGGERS;
      for (const trigger of triggers) {
        if (offer.exclude.includes(trigger)) continue;
        add({ label: trigger, kind: 'trigger', detail: UNIT_TRIGGERS.includes(trigger) ? 'unit trigger' : 'event trigger', documentation: TRIGGER_DOCS[trigger] }, 1);
      }
      return;
    }
    case 'option_names':
      for (const spec of OPTION_SPECS) {
        add({ label: spec.name, kind: 'option', detail: `default ${spec.values[0]}${spec.seed ? ` · seed ${spec.seed}` : ''}`, documentation: optionDoc(spec), span: offer.span }, 1);
      }
      return;
    case 'option_values': {
      const spec = findOption(offer.option);
      if (!spec) return;
      spec.values.forEach((value, index) => {
        add({ label: value, kind: 'option_value', detail: index === 0 ? 'default' : spec.name, documentation: spec.valueDocs[value] }, 1);
      });
      return;
    }
    case 'rulebook_names':
      for (const visible of snapshot.program.visibleRulebooks(path)) {
        if (visible.name === offer.exclude) continue;
        const title = visible.decl.title?.value;
        add({ label: visible.name, kind: 'rulebook', detail: title ?? visible.file, documentation: `Rulebook in ${visible.file}.` }, 1);
      }
      return;
    case 'inherited': {
      const parent = rulebook?.parent;
      if (!parent) return;
      if (offer.member === 'let') {
        for (const [name, member] of parent.lets) add({ label: name, kind: 'variable', detail: `let of ${member.rulebook}` }, 1);
        return;
      }
      const members = offer.member === 'rule' ? parent.rules : parent.levies;
      for (const member of members) {
        add({ label: member.name, kind: offer.member, detail: `${offer.member} of ${member.rulebook}`, documentation: member.decl.kind === 'Rule' ? (member.decl.title?.value ?? undefined) : undefined }, 1);
      }
      return;
    }
    case 'expression':
      for (const root of CONTEXT_ROOTS) {
        if (!availableAt(root.triggers, offer.triggers)) continue;
        add({ label: root.name, kind: 'variable', detail: root.record, documentation: `${root.doc}\n\n${availability(root.triggers)}` }, 1);
      }
      for (const [name, member] of rulebook?.lets ?? []) {
        if (name === offer.excludeLet) continue;
        const type = snapshot.program.typeOf(member.decl.value);
        add({ label: name, kind: 'variable', detail: `let${type && type.kind !== 'unknown' ? `: ${typeToString(type)}` : ''}`, documentation: `Let of rulebook \`${member.rulebook}\`.` }, 0);
      }
      for (const fn of BUILTIN_FUNCTIONS) {
        add({ label: fn.name, kind: 'function', detail: functionSignature(fn), documentation: functionDoc(fn), insertText: `${fn.name}($0)`, snippet: true }, 2);
      }
      for (const word of ['true', 'false', 'none', 'not']) keyword(word, 3);
      return;
    case 'fields': {
      const record = chainRecord(offer.chain, offer.triggers, context);
      if (!record) return;
      for (const field of RECORD_FIELDS[record]) {
        if (!availableAt(field.triggers, offer.triggers)) continue;
        add({ label: field.name, kind: 'field', detail: typeToString(field.type), documentation: fieldDoc(record, field) }, 1);
      }
      return;
    }
  }
}

/** Only what exists at *all* the rule's triggers: the checker rejects the rest (docs/language.md, Static checking). */
function availableAt(available: readonly Trigger[] | null, wanted: readonly Trigger[] | null): boolean {
  return available === null || wanted === null || wanted.every((trigger) => available.includes(trigger));
}

/** The record a member chain ends in, following the context schema (and the type of a let). */
function chainRecord(chain: readonly ChainPart[], triggers: readonly Trigger[] | null, context: OfferContext): RecordKind | null {
  let type: StaticType | undefined;
  for (const part of chain) {
    if (part.kind === 'name') {
      const root = findContextRoot(part.name);
      if (root) type = { kind: 'record', record: root.record };
      else {
        const member = context.rulebook?.lets.get(part.name);
        type = member ? context.snapshot.program.typeOf(member.decl.value) : undefined;
      }
    } else if (part.kind === 'call') {
      type = findBuiltinFunction(part.name)?.returns;
    } else {
      if (type?.kind !== 'record') return null;
      const field = findContextField(type.record, part.name);
      if (field && !availableAt(field.triggers, triggers)) return null;
      type = field?.type;
    }
    if (!type) return null;
  }
  return type?.kind === 'record' ? type.record : null;
}
