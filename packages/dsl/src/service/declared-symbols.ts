import type { Span } from '../ast/ast.ts';
import type { ResolvedProgram, SymbolReference, SymbolTarget } from '../check/resolved-model.ts';

/** A name the user declared and may rename: a rulebook, rule, levy or let. */
export type DeclaredTarget = Extract<SymbolTarget, { readonly kind: 'rulebook' | 'rule' | 'levy' | 'let' }>;

export function isDeclaredTarget(target: SymbolTarget): target is DeclaredTarget {
  return target.kind === 'rulebook' || target.kind === 'rule' || target.kind === 'levy' || target.kind === 'let';
}

const keyOf = (file: string, span: Span): string => `${file}:${span.start}:${span.end}`;

/**
 * Declarations that must keep one name (docs/language.md, Inheritance): a child's `rule x` replaces the parent's
 * `x` by name, and an inherited rule that uses `lim` is checked against the child's `let lim` too. They
 * form one family; references and rename work on families, so renaming the parent's rule also renames
 * the replacement and every `remove rule x`, and the program keeps its meaning.
 */
export class DeclaredSymbols {
  private readonly parent = new Map<string, string>();
  private readonly declarations = new Map<string, DeclaredTarget>();
  private readonly occurrences: SymbolReference[] = [];

  constructor(program: ResolvedProgram) {
    const bySpan = new Map<string, string[]>();
    for (const path of program.files.keys()) {
      for (const reference of program.referencesIn(path)) {
        if (!isDeclaredTarget(reference.target)) continue;
        const target = reference.target;
        const key = keyOf(target.file, target.span);
        this.declarations.set(key, target);
        this.find(key);
        this.occurrences.push(reference);
        const at = keyOf(reference.file, reference.span);
        const list = bySpan.get(at) ?? [];
        list.push(key);
        bySpan.set(at, list);
      }
    }
    // One occurrence resolving to several declarations (a let use checked in each inheriting rulebook).
    for (const keys of bySpan.values()) for (const key of keys.slice(1)) this.union(keys[0]!, key);

    for (const rulebook of program.rulebooks) {
      const parent = rulebook.parent;
      if (!parent) continue;
      const removed = new Set(
        rulebook.decl.members.flatMap((member) => (member.kind === 'Remove' ? [`${member.target}:${member.name.name}`] : [])),
      );
      for (const member of rulebook.decl.members) {
        if (member.kind !== 'Rule' && member.kind !== 'Levy' && member.kind !== 'Let') continue;
        const name = member.name.name;
        const inherited =
          member.kind === 'Rule'
            ? parent.rules.find((rule) => rule.name === name)
            : member.kind === 'Levy'
              ? parent.levies.find((levy) => levy.name === name)
              : parent.lets.get(name);
        if (!inherited) continue;
        // `remove levy omge` then a new `levy omge`: the new one does not replace anything.
        if (member.kind !== 'Let' && removed.has(`${member.kind.toLowerCase()}:${name}`)) continue;
        const own = keyOf(rulebook.file, member.name.span);
        const theirs = keyOf(inherited.file, inherited.decl.name.span);
        if (this.declarations.has(own) && this.declarations.has(theirs)) this.union(own, theirs);
      }
    }
  }

  /** The declarations of the family `target` belongs to. */
  family(target: DeclaredTarget): DeclaredTarget[] {
    const root = this.find(keyOf(target.file, target.span));
    return [...this.declarations].filter(([key]) => this.find(key) === root).map(([, decl]) => decl);
  }

  /** Every occurrence (declarations included) of the family, once per place, in file then source order. */
  occurrencesOf(target: DeclaredTarget): SymbolReference[] {
    const root = this.find(keyOf(target.file, target.span));
    const seen = new Map<string, SymbolReference>();
    for (const reference of this.occurrences) {
      const target = reference.target as DeclaredTarget;
      if (this.find(keyOf(target.file, target.span)) !== root) continue;
      const at = keyOf(reference.file, reference.span);
      const known = seen.get(at);
      // Where one place is both a declaration and a use (never in practice), the declaration wins.
      if (!known || (reference.isDeclaration && !known.isDeclaration)) seen.set(at, reference);
    }
    return [...seen.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.span.start - b.span.start));
  }

  private find(key: string): string {
    let root = this.parent.get(key);
    if (root === undefined) {
      this.parent.set(key, key);
      return key;
    }
    while (root !== this.parent.get(root)) root = this.parent.get(root)!;
    let current = key;
    while (current !== root) {
      const next = this.parent.get(current)!;
      this.parent.set(current, root);
      current = next;
    }
    return root;
  }

  private union(a: string, b: string): void {
    const rootA = this.find(a);
    const rootB = this.find(b);
    if (rootA !== rootB) this.parent.set(rootB, rootA);
  }
}
