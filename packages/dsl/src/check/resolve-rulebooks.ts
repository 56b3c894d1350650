import type { Identifier, LetDecl, LevyDecl, OptionDecl, RemoveDecl, RuleDecl, RulebookDecl, Span } from '../ast/ast.ts';
import { defaultOptions, findOption, OPTION_SPECS, type OptionName } from '../options/options.ts';
import type { ProgramFile } from '../program/load-program.ts';
import { findContextRoot } from './context-schema.ts';
import type { DiagnosticSink } from './diagnostic-sink.ts';
import type { EffectiveMember, EffectiveOption, ResolvedRulebook, SymbolReference, SymbolTarget } from './resolved-model.ts';
import { didYouMean, suggestNames } from './suggest-names.ts';

interface RulebookSymbol {
  readonly name: string;
  readonly file: string;
  readonly decl: RulebookDecl;
}

export interface ResolvedRulebooks {
  readonly rulebooks: readonly ResolvedRulebook[];
  readonly visible: ReadonlyMap<string, readonly ResolvedRulebook[]>;
}

/**
 * Name resolution above expressions (docs/language.md, "Inheritance"): rulebook names per file and its imports,
 * `extends`, `remove`, duplicates, options, and the effective members of every rulebook.
 */
/** Longest `extends` chain (docs/language.md): beyond it `dsl.too_deep`. */
export const MAX_EXTENDS_DEPTH = 64;

export function resolveRulebooks(
  files: ReadonlyMap<string, ProgramFile>,
  sink: DiagnosticSink,
  references: SymbolReference[],
): ResolvedRulebooks {
  const ownSymbols = new Map<string, RulebookSymbol[]>();
  for (const file of files.values()) {
    const declared = new Map<string, RulebookSymbol>();
    const symbols: RulebookSymbol[] = [];
    for (const decl of file.ast.rulebooks) {
      if (!isNamed(decl.name)) continue;
      const name = decl.name.name;
      if (declared.has(name)) {
        sink.error(file.path, 'dsl.duplicate', decl.name.span, `rulebook '${name}' is declared twice in this file`);
        continue;
      }
      const symbol = { name, file: file.path, decl };
      declared.set(name, symbol);
      symbols.push(symbol);
      references.push({ file: file.path, span: decl.name.span, isDeclaration: true, target: { kind: 'rulebook', name, file: file.path, span: decl.name.span, decl } });
    }
    ownSymbols.set(file.path, symbols);
    for (const entry of file.imports) {
      if (entry.found) references.push({ file: file.path, span: entry.decl.path.span, isDeclaration: false, target: { kind: 'import', name: entry.decl.path.value, file: entry.path } });
    }
  }

  // Visible names of a file: its own first, then its imports breadth first (the nearest declaration wins).
  const visibleSymbols = new Map<string, Map<string, RulebookSymbol>>();
  for (const file of files.values()) {
    const scope = new Map<string, RulebookSymbol>();
    const queue = [file.path];
    const reached = new Set(queue);
    while (queue.length > 0) {
      const path = queue.shift()!;
      for (const symbol of ownSymbols.get(path) ?? []) {
        const shadowing = scope.get(symbol.name);
        if (!shadowing) scope.set(symbol.name, symbol);
        // A rulebook's name is its identity in reports and `--name`: one file must not see two of a name.
        else if (shadowing.file === file.path && path !== file.path) {
          sink.error(file.path, 'dsl.duplicate', shadowing.decl.name.span, `rulebook '${symbol.name}' is also declared in imported file '${path}'`);
        }
      }
      for (const entry of files.get(path)?.imports ?? []) {
        if (entry.found && files.has(entry.path) && !reached.has(entry.path)) {
          reached.add(entry.path);
          queue.push(entry.path);
        }
      }
    }
    visibleSymbols.set(file.path, scope);
  }

  const parentOf = new Map<RulebookSymbol, RulebookSymbol | null>();
  for (const symbols of ownSymbols.values()) {
    for (const symbol of symbols) {
      const parentName = symbol.decl.parent;
      if (!parentName || !isNamed(parentName)) {
        parentOf.set(symbol, null);
        continue;
      }
      const scope = visibleSymbols.get(symbol.file)!;
      const parent = scope.get(parentName.name);
      if (!parent) {
        const suggestions = suggestNames(parentName.name, [...scope.keys()].filter((name) => name !== symbol.name));
        sink.error(
          symbol.file,
          'dsl.unknown_parent',
          parentName.span,
          `unknown rulebook '${parentName.name}'${didYouMean(suggestions)}: extends names a rulebook of this file or an imported one`,
          suggestions.length > 0 ? { kind: 'replace', suggestions } : undefined,
        );
        parentOf.set(symbol, null);
        continue;
      }
      references.push({ file: symbol.file, span: parentName.span, isDeclaration: false, target: { kind: 'rulebook', name: parent.name, file: parent.file, span: parent.decl.name.span, decl: parent.decl } });
      parentOf.set(symbol, parent);
    }
  }

  // A cycle is reported at every `extends` on it; its members then resolve as if they had no parent.
  // So is a chain longer than MAX_EXTENDS_DEPTH (`dsl.too_deep`): every walk up a chain stops there,
  // which keeps this linear and the recursive `resolve` below shallow (docs/reliability.md).
  const cut = new Set<RulebookSymbol>();
  for (const symbol of parentOf.keys()) {
    const chain = new Set<RulebookSymbol>();
    let current: RulebookSymbol | null | undefined = symbol;
    while (current && !chain.has(current) && chain.size <= MAX_EXTENDS_DEPTH) {
      chain.add(current);
      current = parentOf.get(current);
    }
    if (current && chain.size > MAX_EXTENDS_DEPTH && !chain.has(current)) {
      cut.add(symbol);
      sink.error(symbol.file, 'dsl.too_deep', symbol.decl.parent!.span, `rulebook '${symbol.name}' is more than ${MAX_EXTENDS_DEPTH} extends deep`);
      continue;
    }
    // On a cycle or leading into one: resolved without a parent; reported on the cycle itself.
    if (current) cut.add(symbol);
    if (current !== symbol) continue;
    const names = [...[...chain].map((s) => s.name), symbol.name].join(' → ');
    sink.error(symbol.file, 'dsl.extends_cycle', symbol.decl.parent!.span, `rulebook '${symbol.name}' extends itself: ${names}`);
  }
  // A rulebook whose chain reaches a too deep one resolves from there, within MAX_EXTENDS_DEPTH.
  const inCycle = (symbol: RulebookSymbol): boolean => cut.has(symbol);

  const resolved = new Map<RulebookSymbol, ResolvedRulebook>();
  const resolve = (symbol: RulebookSymbol): ResolvedRulebook => {
    const done = resolved.get(symbol);
    if (done) return done;
    const parentSymbol = inCycle(symbol) ? null : (parentOf.get(symbol) ?? null);
    const parent = parentSymbol ? resolve(parentSymbol) : null;
    const result = resolveMembers(symbol, parent, sink, references);
    resolved.set(symbol, result);
    return result;
  };

  const rulebooks: ResolvedRulebook[] = [];
  for (const symbols of ownSymbols.values()) for (const symbol of symbols) rulebooks.push(resolve(symbol));
  const visible = new Map<string, readonly ResolvedRulebook[]>();
  for (const [path, scope] of visibleSymbols) visible.set(path, [...scope.values()].map(resolve));
  return { rulebooks, visible };
}

function resolveMembers(
  symbol: RulebookSymbol,
  parent: ResolvedRulebook | null,
  sink: DiagnosticSink,
  references: SymbolReference[],
): ResolvedRulebook {
  const { file, decl } = symbol;
  const cites = [...(parent?.cites ?? [])];
  const options = new Map<OptionName, EffectiveOption>();
  const defaults = defaultOptions();
  for (const spec of OPTION_SPECS) {
    const name = spec.name as OptionName;
    options.set(name, parent?.options.get(name) ?? { name, value: defaults[name], decl: null, file: null, rulebook: null });
  }

  const ownOptions = new Set<string>();
  const ownNames = { rule: new Set<string>(), levy: new Set<string>(), let: new Set<string>() };
  const removed = { rule: new Set<string>(), levy: new Set<string>() };
  const ownRules: RuleDecl[] = [];
  const ownLevies: LevyDecl[] = [];
  const ownLets: LetDecl[] = [];

  for (const member of decl.members) {
    switch (member.kind) {
      case 'Cite':
        cites.push(member.text.value);
        break;
      case 'Option':
        resolveOption(member, symbol, ownOptions, options, sink, references);
        break;
      case 'Rule':
      case 'Levy':
      case 'Let': {
        if (!isNamed(member.name)) break;
        const kind = member.kind === 'Rule' ? 'rule' : member.kind === 'Levy' ? 'levy' : 'let';
        const name = member.name.name;
        if (ownNames[kind].has(name)) {
          sink.error(file, 'dsl.duplicate', member.name.span, `${kind} '${name}' is declared twice in rulebook '${symbol.name}'`);
          break;
        }
        if (kind === 'let' && findContextRoot(name)) {
          sink.error(file, 'dsl.duplicate', member.name.span, `let '${name}' has the name of the context value '${name}'`);
          break;
        }
        ownNames[kind].add(name);
        if (member.kind === 'Rule') ownRules.push(member);
        else if (member.kind === 'Levy') ownLevies.push(member);
        else ownLets.push(member);
        references.push({ file, span: member.name.span, isDeclaration: true, target: memberTarget(member, symbol.name, file) });
        break;
      }
      case 'Remove':
        resolveRemove(member, symbol, parent, removed, sink, references);
        break;
    }
  }

  const rules = mergeMembers(parent?.rules ?? [], removed.rule, ownRules, symbol);
  const levies = mergeMembers(parent?.levies ?? [], removed.levy, ownLevies, symbol);
  const lets = new Map<string, EffectiveMember<LetDecl>>(parent?.lets ?? []);
  for (const let_ of ownLets) lets.set(let_.name.name, { name: let_.name.name, decl: let_, file, rulebook: symbol.name });

  return { name: symbol.name, file, decl, parent, cites, options, levies, rules, lets };
}

/** Inherited members minus removed ones; an own member of the same name replaces in place, others append. */
function mergeMembers<D extends RuleDecl | LevyDecl>(
  inherited: readonly EffectiveMember<D>[],
  removed: ReadonlySet<string>,
  own: readonly D[],
  symbol: RulebookSymbol,
): EffectiveMember<D>[] {
  const merged = inherited.filter((member) => !removed.has(member.name));
  for (const decl of own) {
    const member: EffectiveMember<D> = { name: decl.name.name, decl, file: symbol.file, rulebook: symbol.name };
    const index = merged.findIndex((existing) => existing.name === member.name);
    if (index >= 0) merged[index] = member;
    else merged.push(member);
  }
  return merged;
}

function resolveOption(
  member: OptionDecl,
  symbol: RulebookSymbol,
  ownOptions: Set<string>,
  options: Map<OptionName, EffectiveOption>,
  sink: DiagnosticSink,
  references: SymbolReference[],
): void {
  const { file } = symbol;
  if (member.path.length === 0) return;
  const name = member.path.map((part) => part.name).join('.');
  const pathSpan: Span = { start: member.path[0]!.span.start, end: member.path[member.path.length - 1]!.span.end };
  const spec = findOption(name);
  if (!spec) {
    const suggestions = suggestNames(name, OPTION_SPECS.map((s) => s.name));
    sink.error(file, 'dsl.unknown_option', pathSpan, `unknown option '${name}'${didYouMean(suggestions)}`, suggestions.length > 0 ? { kind: 'replace', suggestions } : undefined);
    return;
  }
  references.push({ file, span: pathSpan, isDeclaration: false, target: { kind: 'option', name, spec } });
  if (ownOptions.has(name)) {
    sink.error(file, 'dsl.duplicate', pathSpan, `option '${name}' is set twice in rulebook '${symbol.name}'`);
    return;
  }
  ownOptions.add(name);
  const value = member.value.kind === 'Identifier' ? member.value.name : member.value.kind === 'Percent' ? `${member.value.text}%` : member.value.text;
  if (!spec.values.includes(value)) {
    const suggestions = suggestNames(value, spec.values);
    const offered = suggestions.length > 0 ? suggestions : [...spec.values];
    sink.error(
      file,
      'dsl.bad_option_value',
      member.value.span,
      `'${value}' is not a value of option '${name}'${didYouMean(suggestions)}; values: ${spec.values.join(', ')}`,
      { kind: 'replace', suggestions: offered },
    );
    return;
  }
  references.push({ file, span: member.value.span, isDeclaration: false, target: { kind: 'option_value', name: value, spec } });
  options.set(name as OptionName, { name: name as OptionName, value, decl: member, file, rulebook: symbol.name });
}

function resolveRemove(
  member: RemoveDecl,
  symbol: RulebookSymbol,
  parent: ResolvedRulebook | null,
  removed: { rule: Set<string>; levy: Set<string> },
  sink: DiagnosticSink,
  references: SymbolReference[],
): void {
  if (!isNamed(member.name)) return;
  const { file } = symbol;
  const name = member.name.name;
  const inherited = parent ? (member.target === 'rule' ? parent.rules : parent.levies) : [];
  const target = inherited.find((candidate) => candidate.name === name);
  if (!target) {
    const suggestions = suggestNames(name, inherited.map((candidate) => candidate.name));
    const why = parent
      ? `rulebook '${parent.name}' has no ${member.target} '${name}'${didYouMean(suggestions)}`
      : `rulebook '${symbol.name}' extends no rulebook, so it has no inherited ${member.target} '${name}'`;
    sink.error(file, 'dsl.remove_unknown', member.name.span, `cannot remove ${member.target} '${name}': ${why}`, suggestions.length > 0 ? { kind: 'replace', suggestions } : undefined);
    return;
  }
  if (removed[member.target].has(name)) {
    sink.error(file, 'dsl.duplicate', member.name.span, `${member.target} '${name}' is removed twice in rulebook '${symbol.name}'`);
    return;
  }
  removed[member.target].add(name);
  references.push({ file, span: member.name.span, isDeclaration: false, target: memberTarget(target.decl, target.rulebook, target.file) });
}

/** What a reference to a rule, levy or let declaration points at. */
function memberTarget(decl: RuleDecl | LevyDecl | LetDecl, rulebook: string, file: string): SymbolTarget {
  const common = { name: decl.name.name, rulebook, file, span: decl.name.span };
  switch (decl.kind) {
    case 'Rule':
      return { kind: 'rule', ...common, decl };
    case 'Levy':
      return { kind: 'levy', ...common, decl };
    case 'Let':
      return { kind: 'let', ...common, decl };
  }
}

/** The parser recovers from errors with partial nodes; an empty name is one we skip (it already has a syntax error). */
function isNamed(identifier: Identifier | null | undefined): identifier is Identifier {
  return !!identifier && typeof identifier.name === 'string' && identifier.name.length > 0;
}
