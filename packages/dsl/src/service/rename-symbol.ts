import { KEYWORDS } from '../ast/ast.ts';
import { findContextRoot } from '../check/context-schema.ts';
import { findBuiltinFunction } from '../check/builtin-functions.ts';
import { DeclaredSymbols, isDeclaredTarget, type DeclaredTarget } from './declared-symbols.ts';
import type { ProgramSnapshot } from './program-snapshot.ts';
import type { FileEdits, PrepareRenameResult, RenameResult } from './service-types.ts';
import { tokenAt } from './source-tokens.ts';

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;
const KEYWORD_SET: ReadonlySet<string> = new Set(KEYWORDS);

/** Whether the cursor is on a name that can be renamed, and which text the rename box starts with. */
export function prepareRename(snapshot: ProgramSnapshot, path: string, offset: number): PrepareRenameResult {
  const reference = snapshot.program.referenceAt(path, offset);
  if (reference && isDeclaredTarget(reference.target)) {
    return { ok: true, span: reference.span, placeholder: reference.target.name };
  }
  const token = tokenAt(snapshot.tokens(path), offset) ?? tokenAt(snapshot.tokens(path), offset - 1);
  if (token?.kind === 'keyword') return { ok: false, reason: `'${token.text}' is a keyword and cannot be renamed` };
  if (reference) {
    const what: Record<string, string> = {
      root: 'context values are defined by the ledger',
      field: 'fields are defined by the ledger',
      function: 'built-in functions are defined by the language',
      option: 'options are defined by the engine',
      option_value: 'option values are defined by the engine',
      import: 'rename the file instead',
    };
    return { ok: false, reason: `'${reference.target.name}' cannot be renamed: ${what[reference.target.kind] ?? 'it is not declared in a rulebook'}` };
  }
  return { ok: false, reason: 'only rulebooks, rules, levies and lets can be renamed' };
}

/**
 * Renames a rulebook, rule, levy or let everywhere it is named, in every file of the program; refuses
 * keywords, invalid identifiers and names already taken where the symbol lives.
 */
export function renameSymbol(
  snapshot: ProgramSnapshot,
  symbols: DeclaredSymbols,
  path: string,
  offset: number,
  newName: string,
): RenameResult {
  const prepared = prepareRename(snapshot, path, offset);
  if (!prepared.ok) return prepared;
  const reference = snapshot.program.referenceAt(path, offset)!;
  const target = reference.target as DeclaredTarget;
  if (KEYWORD_SET.has(newName)) return { ok: false, reason: `'${newName}' is a keyword (docs/language.md, Lexical): it cannot name a ${target.kind}` };
  if (!IDENTIFIER.test(newName)) {
    return { ok: false, reason: `'${newName}' is not an identifier: use lower-case letters, digits and '_', not starting with a digit` };
  }
  if (newName === target.name) return { ok: true, edits: [] };
  const family = symbols.family(target);
  const conflict = findConflict(snapshot, family, newName);
  if (conflict) return { ok: false, reason: conflict };

  const byFile = new Map<string, FileEdits['edits'][number][]>();
  for (const occurrence of symbols.occurrencesOf(target)) {
    const list = byFile.get(occurrence.file) ?? [];
    list.push({ span: occurrence.span, newText: newName });
    byFile.set(occurrence.file, list);
  }
  return { ok: true, edits: [...byFile].map(([file, edits]) => ({ path: file, edits })) };
}

function findConflict(snapshot: ProgramSnapshot, family: readonly DeclaredTarget[], newName: string): string | undefined {
  for (const decl of family) {
    if (decl.kind === 'rulebook') {
      // Every file that sees this rulebook must not already see another of the new name.
      for (const path of snapshot.program.files.keys()) {
        const visible = snapshot.program.visibleRulebooks(path);
        if (!visible.some((rulebook) => rulebook.decl === decl.decl)) continue;
        const taken = visible.find((rulebook) => rulebook.name === newName);
        if (taken) return `rulebook '${newName}' already exists (${taken.file})`;
      }
      continue;
    }
    if (decl.kind === 'let' && findContextRoot(newName)) return `'${newName}' is a context value: a let cannot take its name`;
    if (decl.kind === 'let' && findBuiltinFunction(newName)) return `'${newName}' is a built-in function: a let of that name could not be called`;
    // Taken in the declaring rulebook or in any rulebook the member is in force in.
    for (const rulebook of snapshot.program.rulebooks) {
      const members =
        decl.kind === 'rule' ? rulebook.rules.map((m) => m.name) : decl.kind === 'levy' ? rulebook.levies.map((m) => m.name) : [...rulebook.lets.keys()];
      const holds =
        decl.kind === 'rule'
          ? rulebook.rules.some((m) => m.decl === decl.decl)
          : decl.kind === 'levy'
            ? rulebook.levies.some((m) => m.decl === decl.decl)
            : [...rulebook.lets.values()].some((m) => m.decl === decl.decl);
      const declaredHere = rulebook.name === decl.rulebook && rulebook.file === decl.file;
      const ownNames = rulebook.decl.members.flatMap((member) =>
        (member.kind === 'Rule' && decl.kind === 'rule') || (member.kind === 'Levy' && decl.kind === 'levy') || (member.kind === 'Let' && decl.kind === 'let')
          ? [member.name.name]
          : [],
      );
      if ((holds && members.includes(newName)) || (declaredHere && ownNames.includes(newName))) {
        return `${decl.kind} '${newName}' already exists in rulebook '${rulebook.name}'`;
      }
    }
  }
  return undefined;
}
