import { TRIGGERS, type Span } from '../ast/ast.ts';
import { findBuiltinFunction } from '../check/builtin-functions.ts';
import { findContextRoot } from '../check/context-schema.ts';
import type { SymbolReference } from '../check/resolved-model.ts';
import type { ProgramSnapshot } from './program-snapshot.ts';
import type { SourceToken } from './source-tokens.ts';
import type { TextPositions } from './text-positions.ts';

/**
 * The legend, with LSP's standard type names so any theme colours them: rulebooks are classes, rules and
 * levies types, lets variables, context values (`unit`, `event`) parameters, fields and option names
 * properties, option values enum members, triggers events.
 */
export const SEMANTIC_TOKEN_LEGEND = {
  tokenTypes: [
    'keyword', 'class', 'type', 'function', 'variable', 'property', 'parameter', 'string', 'number',
    'comment', 'operator', 'enumMember', 'event',
  ],
  tokenModifiers: ['declaration', 'readonly', 'defaultLibrary'],
} as const;

export type SemanticTokenType = (typeof SEMANTIC_TOKEN_LEGEND.tokenTypes)[number];
export type SemanticTokenModifier = (typeof SEMANTIC_TOKEN_LEGEND.tokenModifiers)[number];

export interface SemanticToken {
  readonly span: Span;
  readonly type: SemanticTokenType;
  readonly modifiers: readonly SemanticTokenModifier[];
}

const TRIGGER_SET: ReadonlySet<string> = new Set(TRIGGERS);

/** Every token of a file, classified by what the checker resolved it to; in source order, never overlapping. */
export function semanticTokens(snapshot: ProgramSnapshot, path: string): SemanticToken[] {
  const references = snapshot.program.referencesIn(path);
  const exact = new Map<number, SymbolReference>();
  const wide: SymbolReference[] = [];
  for (const reference of references) {
    if (reference.target.kind === 'import') continue;
    if (reference.target.kind === 'option') wide.push(reference);
    else if (!exact.has(reference.span.start) || reference.isDeclaration) exact.set(reference.span.start, reference);
  }
  const tokens = snapshot.tokens(path);
  const result: SemanticToken[] = [];
  let previous: SourceToken | undefined;
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!;
    const classified = classify(token, previous, tokens[index + 1], exact, wide);
    if (token.kind === 'string') result.push(...splitAroundHoles(token, references, exact));
    else if (classified) result.push(classified);
    if (token.kind !== 'comment') previous = token;
  }
  return result;
}

function classify(
  token: SourceToken,
  previous: SourceToken | undefined,
  next: SourceToken | undefined,
  exact: ReadonlyMap<number, SymbolReference>,
  wide: readonly SymbolReference[],
): SemanticToken | null {
  const span = token.span;
  switch (token.kind) {
    case 'comment':
      return { span, type: 'comment', modifiers: [] };
    case 'number':
    case 'percent':
    case 'date':
      return { span, type: 'number', modifiers: [] };
    case 'keyword':
      return { span, type: 'keyword', modifiers: [] };
    case 'operator':
      return { span, type: 'operator', modifiers: [] };
    case 'name': {
      const reference = exact.get(span.start);
      if (reference && reference.span.end === span.end) return fromReference(span, reference);
      if (wide.some((option) => option.span.start <= span.start && span.end <= option.span.end)) return { span, type: 'property', modifiers: [] };
      return guess(token, previous, next);
    }
    default:
      return null;
  }
}

function fromReference(span: Span, reference: SymbolReference): SemanticToken {
  const declaration: SemanticTokenModifier[] = reference.isDeclaration ? ['declaration'] : [];
  switch (reference.target.kind) {
    case 'rulebook':
      return { span, type: 'class', modifiers: declaration };
    case 'rule':
    case 'levy':
      return { span, type: 'type', modifiers: declaration };
    case 'let':
      return { span, type: 'variable', modifiers: [...declaration, 'readonly'] };
    case 'root':
      return { span, type: 'parameter', modifiers: ['readonly', 'defaultLibrary'] };
    case 'field':
      return { span, type: 'property', modifiers: ['readonly'] };
    case 'function':
      return { span, type: 'function', modifiers: ['defaultLibrary'] };
    case 'option':
      return { span, type: 'property', modifiers: [] };
    case 'option_value':
    case 'import':
      return { span, type: 'enumMember', modifiers: [] };
  }
}

/** Names the checker did not resolve (a declaration still being typed): classify by what surrounds them. */
function guess(token: SourceToken, previous: SourceToken | undefined, next: SourceToken | undefined): SemanticToken | null {
  const span = token.span;
  if (previous?.text === '.') return { span, type: 'property', modifiers: ['readonly'] };
  if (TRIGGER_SET.has(token.text) && (previous?.text === 'on' || previous?.text === ',')) return { span, type: 'event', modifiers: [] };
  if (previous?.kind === 'keyword' && previous.text === 'to') return { span, type: 'variable', modifiers: [] };
  if (next?.text === '(' && findBuiltinFunction(token.text)) return { span, type: 'function', modifiers: ['defaultLibrary'] };
  if (findContextRoot(token.text)) return { span, type: 'parameter', modifiers: ['readonly', 'defaultLibrary'] };
  if (previous?.kind === 'keyword' && ['rulebook', 'extends'].includes(previous.text)) return { span, type: 'class', modifiers: previous.text === 'rulebook' ? ['declaration'] : [] };
  if (previous?.kind === 'keyword' && ['rule', 'levy'].includes(previous.text)) return { span, type: 'type', modifiers: ['declaration'] };
  if (previous?.kind === 'keyword' && previous.text === 'let') return { span, type: 'variable', modifiers: ['declaration', 'readonly'] };
  return null;
}

/** An `else` message with `{expr}` holes: the string around the holes, and the holes' names as themselves. */
function splitAroundHoles(token: SourceToken, references: readonly SymbolReference[], exact: ReadonlyMap<number, SymbolReference>): SemanticToken[] {
  const inside = references.filter(
    (reference) => reference.target.kind !== 'import' && token.span.start < reference.span.start && reference.span.end < token.span.end && exact.get(reference.span.start) === reference,
  );
  if (inside.length === 0) return [{ span: token.span, type: 'string', modifiers: [] }];
  const pieces: SemanticToken[] = [];
  let from = token.span.start;
  for (const reference of inside) {
    if (reference.span.start > from) pieces.push({ span: { start: from, end: reference.span.start }, type: 'string', modifiers: [] });
    pieces.push(fromReference(reference.span, reference));
    from = reference.span.end;
  }
  if (from < token.span.end) pieces.push({ span: { start: from, end: token.span.end }, type: 'string', modifiers: [] });
  return pieces;
}

/**
 * LSP's (and Monaco's) relative encoding: five integers per token — line delta, start delta (from the
 * previous token on the same line), length, type index, modifier bits. A token spanning lines (a block
 * comment) is cut at line ends, since clients need not support multi-line tokens.
 */
export function encodeSemanticTokens(tokens: readonly SemanticToken[], positions: TextPositions): number[] {
  const data: number[] = [];
  let lastLine = 0;
  let lastStart = 0;
  const types: readonly string[] = SEMANTIC_TOKEN_LEGEND.tokenTypes;
  const modifiers: readonly string[] = SEMANTIC_TOKEN_LEGEND.tokenModifiers;
  for (const token of tokens) {
    const bits = token.modifiers.reduce((sum, modifier) => sum | (1 << modifiers.indexOf(modifier)), 0);
    const firstLine = positions.lineOf(token.span.start);
    const lastLineOfToken = positions.lineOf(token.span.end);
    for (let line = firstLine; line <= lastLineOfToken; line++) {
      const start = line === firstLine ? token.span.start : positions.lineStart(line);
      const end = line === lastLineOfToken ? token.span.end : positions.lineEnd(line);
      if (end <= start) continue;
      const character = start - positions.lineStart(line);
      data.push(line - lastLine, line === lastLine ? character - lastStart : character, end - start, types.indexOf(token.type), bits);
      lastLine = line;
      lastStart = character;
    }
  }
  return data;
}
