import { TRIGGERS, type Span, type Trigger } from '../ast/ast.ts';
import { tokenizeSource, type SourceToken } from './source-tokens.ts';

/**
 * What may be written at the cursor, read from the tokens before it. Completion cannot use the AST
 * there: the declaration being typed does not parse yet (`require unit.` is a syntax error), so the
 * site is found the way the parser's recovery cuts files — declaration keywords are reserved, so the
 * nearest one before the cursor says which declaration we are in.
 */
export type CompletionOffer =
  | { readonly kind: 'keywords'; readonly words: readonly string[] }
  | { readonly kind: 'member_start' }
  | { readonly kind: 'triggers'; readonly unitOnly: boolean; readonly exclude: readonly string[] }
  | { readonly kind: 'option_names'; readonly span: Span }
  | { readonly kind: 'option_values'; readonly option: string }
  | { readonly kind: 'rulebook_names'; readonly exclude: string | null }
  | { readonly kind: 'inherited'; readonly member: 'rule' | 'levy' | 'let' }
  | { readonly kind: 'expression'; readonly triggers: readonly Trigger[] | null; readonly excludeLet: string | null }
  | { readonly kind: 'fields'; readonly chain: readonly ChainPart[]; readonly triggers: readonly Trigger[] | null };

/** One step of `party(x).ndc.` / `unit.authorization.`: where a member access starts and what it walks. */
export type ChainPart =
  | { readonly kind: 'name'; readonly name: string }
  | { readonly kind: 'call'; readonly name: string }
  | { readonly kind: 'field'; readonly name: string };

export interface CompletionSite {
  /** The word the items replace (empty at the cursor when none is being typed). */
  readonly span: Span;
  readonly offers: readonly CompletionOffer[];
  /** The rulebook the cursor is in, by name, when there is one. */
  readonly rulebook: string | null;
}

const DECLARATION_KEYWORDS: ReadonlySet<string> = new Set(['import', 'rulebook', 'cite', 'option', 'levy', 'rule', 'remove', 'let']);
const NAME_BEFORE: ReadonlySet<string> = new Set([...DECLARATION_KEYWORDS, 'extends', 'to']);
const TRIGGER_SET: ReadonlySet<string> = new Set(TRIGGERS);
const OPERATOR_KEYWORDS: readonly string[] = ['and', 'or', 'not', 'in'];
const OPERAND_KEYWORDS: ReadonlySet<string> = new Set(['true', 'false', 'none']);

const is = (token: SourceToken | undefined, text: string): boolean =>
  token !== undefined && token.text === text && (token.kind === 'keyword' || token.kind === 'punctuation' || token.kind === 'operator');

export function findCompletionSite(text: string, tokens: readonly SourceToken[], offset: number): CompletionSite {
  const none = (span: Span): CompletionSite => ({ span, offers: [], rulebook: null });
  let span: Span = { start: offset, end: offset };
  let before = tokens.filter((token) => token.span.end <= offset);
  const current = tokens.find((token) => token.span.start < offset && offset <= token.span.end);
  if (current) {
    const inside = offset < current.span.end || current.unterminated === true;
    if (current.kind === 'comment' && (inside || !current.text.startsWith('/*'))) return none(span);
    if (current.kind === 'string' && inside) {
      before = tokens.filter((token) => token.span.end <= current.span.start);
      return holeSite(text, current, offset, before.filter((token) => token.kind !== 'comment'));
    }
    if (current.kind === 'name' || current.kind === 'keyword') {
      span = current.span;
      before = tokens.filter((token) => token.span.end <= current.span.start);
    } else if (current.kind === 'number' || current.kind === 'percent' || current.kind === 'date') {
      return none(span);
    }
  }
  const code = before.filter((token) => token.kind !== 'comment');
  const rulebook = enclosingRulebookName(code);
  return { span, offers: offersAt(code, span), rulebook };
}

function offersAt(code: readonly SourceToken[], span: Span): CompletionOffer[] {
  const declIndex = findDeclaration(code);
  const last = code[code.length - 1];
  if (declIndex < 0) return is(last, '.') ? [] : [{ kind: 'keywords', words: ['import', 'rulebook'] }];
  const keyword = code[declIndex]!.text;
  const rest = code.slice(declIndex + 1);

  if (is(last, '.')) {
    if (keyword === 'option' && !rest.some((token) => is(token, '='))) {
      return [{ kind: 'option_names', span: { start: rest[0]!.span.start, end: span.end } }];
    }
    const chain = memberChain(code);
    return chain ? [{ kind: 'fields', chain, triggers: triggersOfDeclaration(keyword, rest) }] : [];
  }

  // A `}` that closes more than the declaration opened ends the rulebook: we are at the top level.
  if (keyword !== 'rulebook' && closesRulebook(rest)) return [{ kind: 'keywords', words: ['import', 'rulebook'] }];

  switch (keyword) {
    case 'import':
      return rest.some((token) => token.kind === 'string') ? [{ kind: 'keywords', words: ['import', 'rulebook'] }] : [];
    case 'rulebook':
      return rulebookOffers(rest);
    case 'cite':
      return rest.length === 0 ? [] : [{ kind: 'member_start' }];
    case 'option': {
      const equals = rest.findIndex((token) => is(token, '='));
      if (equals < 0) return rest.length === 0 ? [{ kind: 'option_names', span }] : [];
      if (equals === rest.length - 1) return [{ kind: 'option_values', option: rest.slice(0, equals).map((t) => t.text).join('') }];
      return [{ kind: 'member_start' }];
    }
    case 'remove':
      if (rest.length === 0) return [{ kind: 'keywords', words: ['rule', 'levy'] }];
      if (rest.length === 1 && (rest[0]!.text === 'rule' || rest[0]!.text === 'levy')) return [{ kind: 'inherited', member: rest[0]!.text }];
      return [{ kind: 'member_start' }];
    case 'let': {
      if (rest.length === 0) return [{ kind: 'inherited', member: 'let' }];
      const equals = rest.findIndex((token) => is(token, '='));
      if (equals < 0) return [];
      const expression = rest.slice(equals + 1);
      const excludeLet = rest[0]!.kind === 'name' ? rest[0]!.text : null;
      return expressionOffers(expression, null, excludeLet, [{ kind: 'member_start' }]);
    }
    case 'levy':
      return levyOffers(rest);
    case 'rule':
      return ruleOffers(rest);
    default:
      return [];
  }
}

function rulebookOffers(rest: readonly SourceToken[]): CompletionOffer[] {
  const brace = rest.findIndex((token) => is(token, '{'));
  if (brace >= 0) {
    return depthAfter(rest.slice(brace)) <= 0 ? [{ kind: 'keywords', words: ['import', 'rulebook'] }] : [{ kind: 'member_start' }];
  }
  const last = rest[rest.length - 1];
  if (rest.length === 0) return [];
  if (is(last, 'extends')) return [{ kind: 'rulebook_names', exclude: rest[0]!.kind === 'name' ? rest[0]!.text : null }];
  if (rest.length === 1 && last!.kind === 'name') return [{ kind: 'keywords', words: ['extends'] }];
  return [];
}

function levyOffers(rest: readonly SourceToken[]): CompletionOffer[] {
  if (rest.length === 0) return [{ kind: 'inherited', member: 'levy' }];
  const last = rest[rest.length - 1]!;
  const on = rest.findIndex((token) => is(token, 'on'));
  if (on < 0) {
    if (last.kind === 'percent') return [{ kind: 'keywords', words: ['rounded', 'on'] }];
    if (is(last, 'rounded')) return [{ kind: 'keywords', words: ['up', 'down', 'nearest'] }];
    if (is(last, 'up') || is(last, 'down') || is(last, 'nearest')) return [{ kind: 'keywords', words: ['on'] }];
    return [];
  }
  const after = rest.slice(on + 1);
  if (after.length === 0) return [{ kind: 'triggers', unitOnly: true, exclude: [] }];
  if (after.some((token) => is(token, 'cancel'))) return [{ kind: 'member_start' }];
  const to = after.findIndex((token) => is(token, 'to'));
  if (to >= 0) return to === after.length - 1 ? [] : [{ kind: 'member_start' }];
  const trigger = after[0]!.text;
  const where = after.findIndex((token) => is(token, 'where'));
  if (where < 0) return [{ kind: 'keywords', words: ['where', 'to', 'cancel'] }];
  const triggers = TRIGGER_SET.has(trigger) ? [trigger as Trigger] : null;
  return expressionOffers(after.slice(where + 1), triggers, null, [{ kind: 'keywords', words: ['to', 'cancel'] }]);
}

function ruleOffers(rest: readonly SourceToken[]): CompletionOffer[] {
  if (rest.length === 0) return [{ kind: 'inherited', member: 'rule' }];
  const brace = rest.findIndex((token) => is(token, '{'));
  const triggers = ruleTriggers(rest);
  if (brace < 0) {
    const on = rest.findIndex((token) => is(token, 'on'));
    if (on < 0) return [{ kind: 'keywords', words: ['on'] }];
    const after = rest.slice(on + 1);
    const where = after.findIndex((token) => is(token, 'where'));
    if (where >= 0) return expressionOffers(after.slice(where + 1), triggers, null, []);
    const last = after[after.length - 1];
    if (last === undefined || is(last, ',')) return [{ kind: 'triggers', unitOnly: false, exclude: triggers ?? [] }];
    return [{ kind: 'keywords', words: ['where'] }];
  }
  const body = rest.slice(brace);
  if (depthAfter(body) <= 0) return [{ kind: 'member_start' }];
  const checkIndex = findLastIndex(body, (token) => is(token, 'require') || is(token, 'expect'));
  if (checkIndex < 0) return [{ kind: 'keywords', words: ['require', 'expect'] }];
  const check = body.slice(checkIndex + 1);
  const elseIndex = check.findIndex((token) => is(token, 'else'));
  if (elseIndex >= 0) return elseIndex === check.length - 1 ? [] : [{ kind: 'keywords', words: ['require', 'expect'] }];
  return expressionOffers(check, triggers, null, [{ kind: 'keywords', words: ['else', 'require', 'expect'] }]);
}

/** Operands where one is expected; operators (and what may follow a finished expression) after one. */
function expressionOffers(
  expression: readonly SourceToken[],
  triggers: readonly Trigger[] | null,
  excludeLet: string | null,
  afterward: readonly CompletionOffer[],
): CompletionOffer[] {
  const last = expression[expression.length - 1];
  if (last === undefined || !endsOperand(last)) return [{ kind: 'expression', triggers, excludeLet }];
  return [{ kind: 'keywords', words: OPERATOR_KEYWORDS }, ...afterward];
}

function endsOperand(token: SourceToken): boolean {
  if (token.kind === 'keyword') return OPERAND_KEYWORDS.has(token.text);
  if (token.kind === 'punctuation') return token.text === ')' || token.text === ']';
  return token.kind === 'name' || token.kind === 'number' || token.kind === 'percent' || token.kind === 'date' || token.kind === 'string';
}

/** The triggers of the rule or levy whose tokens (after its keyword) are `rest`; `null` in a let. */
function triggersOfDeclaration(keyword: string, rest: readonly SourceToken[]): readonly Trigger[] | null {
  if (keyword === 'rule') return ruleTriggers(rest);
  if (keyword === 'levy') {
    const on = rest.findIndex((token) => is(token, 'on'));
    const trigger = on >= 0 ? rest[on + 1]?.text : undefined;
    return trigger && TRIGGER_SET.has(trigger) ? [trigger as Trigger] : null;
  }
  return null;
}

function ruleTriggers(rest: readonly SourceToken[]): Trigger[] | null {
  const on = rest.findIndex((token) => is(token, 'on'));
  if (on < 0) return null;
  const found: Trigger[] = [];
  for (const token of rest.slice(on + 1)) {
    if (is(token, 'where') || is(token, '{')) break;
    if (token.kind === 'name' && TRIGGER_SET.has(token.text)) found.push(token.text as Trigger);
  }
  return found.length > 0 ? found : null;
}

/** `unit.authorization.` → [unit, authorization]; `party(x).ndc.` → [call party, ndc]; null when not a chain. */
function memberChain(code: readonly SourceToken[]): ChainPart[] | null {
  const parts: ChainPart[] = [];
  let i = code.length - 2;
  for (;;) {
    const token = code[i];
    if (token === undefined) return null;
    if (token.kind === 'name') {
      if (is(code[i - 1], '.')) {
        parts.unshift({ kind: 'field', name: token.text });
        i -= 2;
        continue;
      }
      parts.unshift({ kind: 'name', name: token.text });
      return parts;
    }
    if (is(token, ')')) {
      let depth = 0;
      let j = i;
      for (; j >= 0; j--) {
        if (is(code[j], ')')) depth++;
        else if (is(code[j], '(') && --depth === 0) break;
      }
      const callee = code[j - 1];
      if (j < 0 || callee?.kind !== 'name') return null;
      parts.unshift({ kind: 'call', name: callee.text });
      return parts;
    }
    return null;
  }
}

/** The index of the declaration keyword the cursor is in (a reserved word not in a name position). */
function findDeclaration(code: readonly SourceToken[]): number {
  for (let i = code.length - 1; i >= 0; i--) {
    const token = code[i]!;
    if (token.kind !== 'keyword' || !DECLARATION_KEYWORDS.has(token.text)) continue;
    const previous = code[i - 1];
    if (previous && previous.kind === 'keyword' && NAME_BEFORE.has(previous.text)) continue;
    return i;
  }
  return -1;
}

function depthAfter(tokens: readonly SourceToken[]): number {
  let depth = 0;
  for (const token of tokens) {
    if (is(token, '{')) depth++;
    else if (is(token, '}')) {
      depth--;
      if (depth <= 0) return depth;
    }
  }
  return depth;
}

function closesRulebook(tokens: readonly SourceToken[]): boolean {
  let depth = 0;
  for (const token of tokens) {
    if (is(token, '{')) depth++;
    else if (is(token, '}') && --depth < 0) return true;
  }
  return false;
}

function enclosingRulebookName(code: readonly SourceToken[]): string | null {
  const index = findLastIndex(code, (token) => is(token, 'rulebook'));
  const name = code[index + 1];
  return index >= 0 && name?.kind === 'name' ? name.text : null;
}

function findLastIndex<T>(items: readonly T[], predicate: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (predicate(items[i]!)) return i;
  return -1;
}

/**
 * Inside an `else` message, `{expr}` holes are expressions of the rule (dsl.md, Lexical): complete
 * there as in a check, with the rule's triggers.
 */
function holeSite(text: string, literal: SourceToken, offset: number, before: readonly SourceToken[]): CompletionSite {
  const empty: CompletionSite = { span: { start: offset, end: offset }, offers: [], rulebook: null };
  if (!is(before[before.length - 1], 'else')) return empty;
  let holeStart = -1;
  for (let i = literal.span.start + 1; i < offset; i++) {
    const char = text[i];
    if (char === '\\') i++;
    else if ((char === '{' || char === '}') && text[i + 1] === char && holeStart < 0) i++;
    else if (char === '{') holeStart = i + 1;
    else if (char === '}') holeStart = -1;
  }
  if (holeStart < 0) return empty;
  const declIndex = findDeclaration(before);
  const triggers = declIndex >= 0 && before[declIndex]!.text === 'rule' ? ruleTriggers(before.slice(declIndex + 1)) : null;
  const rulebook = enclosingRulebookName(before);
  // The hole's own tokens, lexed from its text, in file offsets.
  const hole = tokenizeHole(text.slice(holeStart, offset), holeStart);
  const word = hole[hole.length - 1];
  const typing = word !== undefined && word.span.end === offset && (word.kind === 'name' || word.kind === 'keyword');
  const code = typing ? hole.slice(0, -1) : hole;
  const span = typing ? word.span : { start: offset, end: offset };
  if (is(code[code.length - 1], '.')) {
    const chain = memberChain(code);
    return { span, offers: chain ? [{ kind: 'fields', chain, triggers }] : [], rulebook };
  }
  return { span, offers: expressionOffers(code, triggers, null, []), rulebook };
}

const tokenizeHole = (text: string, base: number): SourceToken[] => tokenizeSource(text, base).filter((token) => token.kind !== 'comment');
