import type { Expr, LetDecl, LevyDecl, OptionDecl, RuleDecl, RulebookDecl, Span } from '../ast/ast.ts';
import type { OptionName, OptionSpec } from '../options/options.ts';
import type { ProgramFile } from '../program/load-program.ts';
import type { BuiltinFunction } from './builtin-functions.ts';
import type { ContextField, ContextRoot } from './context-schema.ts';
import type { RecordKind, StaticType } from './types.ts';

/**
 * The checked program, as a language service needs it: which declaration every name, `extends` and
 * `remove` refers to (with spans), the effective members of each rulebook after inheritance, and the
 * static type of every expression. Plain data plus lookups; it never re-reads a file.
 */

/** A member as it is in force in a rulebook: declared there or inherited from an ancestor. */
export interface EffectiveMember<D> {
  readonly name: string;
  readonly decl: D;
  /** The file and rulebook that declare the member (the rulebook itself or an ancestor). */
  readonly file: string;
  readonly rulebook: string;
}

export interface EffectiveOption {
  readonly name: OptionName;
  readonly value: string;
  /** `null` when the value is the default; else the declaration in force and where it is. */
  readonly decl: OptionDecl | null;
  readonly file: string | null;
  readonly rulebook: string | null;
}

export interface ResolvedRulebook {
  readonly name: string;
  readonly file: string;
  readonly decl: RulebookDecl;
  /** `null` without `extends`, or when the parent is unknown or part of a cycle (an error was reported). */
  readonly parent: ResolvedRulebook | null;
  /** Inherited cites first, then the rulebook's own. */
  readonly cites: readonly string[];
  /** Every option in table order, defaults included. */
  readonly options: ReadonlyMap<OptionName, EffectiveOption>;
  /** Effective order: inherited first, replacements in place, new ones appended (docs/language.md, Inheritance). */
  readonly levies: readonly EffectiveMember<LevyDecl>[];
  readonly rules: readonly EffectiveMember<RuleDecl>[];
  readonly lets: ReadonlyMap<string, EffectiveMember<LetDecl>>;
}

/** What a name occurrence refers to. */
export type SymbolTarget =
  | { readonly kind: 'rulebook'; readonly name: string; readonly file: string; readonly span: Span; readonly decl: RulebookDecl }
  | { readonly kind: 'rule'; readonly name: string; readonly rulebook: string; readonly file: string; readonly span: Span; readonly decl: RuleDecl }
  | { readonly kind: 'levy'; readonly name: string; readonly rulebook: string; readonly file: string; readonly span: Span; readonly decl: LevyDecl }
  | { readonly kind: 'let'; readonly name: string; readonly rulebook: string; readonly file: string; readonly span: Span; readonly decl: LetDecl }
  | { readonly kind: 'root'; readonly name: string; readonly root: ContextRoot }
  | { readonly kind: 'field'; readonly name: string; readonly record: RecordKind; readonly field: ContextField }
  | { readonly kind: 'function'; readonly name: string; readonly fn: BuiltinFunction }
  | { readonly kind: 'option'; readonly name: string; readonly spec: OptionSpec }
  | { readonly kind: 'option_value'; readonly name: string; readonly spec: OptionSpec }
  | { readonly kind: 'import'; readonly name: string; readonly file: string };

export interface SymbolReference {
  /** The file the occurrence is in. */
  readonly file: string;
  readonly span: Span;
  /** True for the declaring occurrence itself (`rule x`, `let y`, `rulebook z`). */
  readonly isDeclaration: boolean;
  readonly target: SymbolTarget;
  /** The static type at this occurrence, for names and fields. */
  readonly type?: StaticType;
}

export class ResolvedProgram {
  private readonly referencesByFile = new Map<string, SymbolReference[]>();

  constructor(
    readonly entryPaths: readonly string[],
    /** Every file reached from the entries, in load order. */
    readonly files: ReadonlyMap<string, ProgramFile>,
    /** Every rulebook of every file, in load order then declaration order. */
    readonly rulebooks: readonly ResolvedRulebook[],
    private readonly visible: ReadonlyMap<string, readonly ResolvedRulebook[]>,
    references: readonly SymbolReference[],
    private readonly types: ReadonlyMap<Expr, StaticType>,
  ) {
    for (const reference of references) {
      const list = this.referencesByFile.get(reference.file) ?? [];
      list.push(reference);
      this.referencesByFile.set(reference.file, list);
    }
    for (const list of this.referencesByFile.values()) list.sort((a, b) => a.span.start - b.span.start);
  }

  /** Rulebooks a file can name (`extends`, `--name`): its own, then imported ones, transitively. */
  visibleRulebooks(file: string): readonly ResolvedRulebook[] {
    return this.visible.get(file) ?? [];
  }

  /** Every resolved occurrence in a file (declarations included), in source order. */
  referencesIn(file: string): readonly SymbolReference[] {
    return this.referencesByFile.get(file) ?? [];
  }

  /** The innermost occurrence covering `offset` (start ≤ offset ≤ end). */
  referenceAt(file: string, offset: number): SymbolReference | undefined {
    let best: SymbolReference | undefined;
    for (const reference of this.referencesIn(file)) {
      if (reference.span.start <= offset && offset <= reference.span.end) {
        if (!best || reference.span.end - reference.span.start < best.span.end - best.span.start) best = reference;
      }
    }
    return best;
  }

  /** Occurrences anywhere in the program whose target is the declaration at `file`/`span`. */
  referencesTo(file: string, span: Span): readonly SymbolReference[] {
    const found: SymbolReference[] = [];
    for (const list of this.referencesByFile.values()) {
      for (const reference of list) {
        const target = reference.target;
        if ('span' in target && target.file === file && target.span.start === span.start && target.span.end === span.end) {
          found.push(reference);
        }
      }
    }
    return found;
  }

  /** The static type the checker gave an expression node (unknown after an error). */
  typeOf(expr: Expr): StaticType | undefined {
    return this.types.get(expr);
  }
}
