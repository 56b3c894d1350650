import fc from 'fast-check';
import { KEYWORDS, TRIGGERS } from '../ast/ast.ts';

/**
 * fast-check generators of valid rulebook source in a deliberately messy layout: random spaces, line
 * breaks, blank lines and comments wherever the grammar allows them, and redundant parentheses. For
 * property tests of the parser and the formatter.
 */
const keywords: ReadonlySet<string> = new Set(KEYWORDS);

const gap = fc.constantFrom(' ', '  ', '\n    ', ' /* note */ ', ' // note\n', '\n\n  ', '\t');
const optionalGap = fc.oneof(fc.constant(''), gap);

/** Joins tokens with random gaps (every token boundary gets at least one space). */
const spaced = (parts: readonly (string | fc.Arbitrary<string>)[]): fc.Arbitrary<string> =>
  fc.tuple(...parts.map((part) => (typeof part === 'string' ? fc.constant(part) : part)), fc.array(gap, { minLength: parts.length, maxLength: parts.length }))
    .map((values) => {
      const gaps = values.pop() as string[];
      return (values as string[]).map((value, index) => (index === 0 ? value : gaps[index]! + value)).join('');
    });

const ident = fc.oneof(
  fc.constantFrom('unit', 'event', 'activity', 'authorization', 'x', 'floor_2021', '_tmp', 'omge', 'sop'),
  fc.stringMatching(/^[a-z_][a-z0-9_]{0,7}$/),
).filter((name) => !keywords.has(name));
const fieldName = fc.oneof(ident, fc.constantFrom(...KEYWORDS));

const numberText = fc.constantFrom('0', '12', '2021', '1_000_000', '0.5', '3.25', '007');
const percentText = numberText.map((number) => `${number}%`);
const dateText = fc.constantFrom('2021-01-01', '2026-06-30', '2013-12-31', '2024-02-29');
const stringText = fc
  .array(fc.constantFrom('a', 'B', ' ', 'é', '\\"', '\\\\', '\\n', '6.4', '{', '}', '%'), { maxLength: 8 })
  .map((chars) => `"${chars.join('')}"`);

/** Generated expression text, and whether it binds tighter than any operator (a name, literal, call or list). */
interface ExprText {
  readonly text: string;
  readonly atom: boolean;
}

const atom = (text: string): ExprText => ({ text, atom: true });
const compound = (text: string): ExprText => ({ text, atom: false });
/** Operands are parenthesized unless they are atoms (and sometimes even then), so the tree is exactly the generated one. */
const operand = (value: ExprText, extra: boolean): string => (value.atom && !extra ? value.text : `(${value.text})`);

const leafExpr: fc.Arbitrary<ExprText> = fc
  .oneof(numberText, percentText, dateText, stringText, fc.constantFrom('true', 'false', 'none'), ident)
  .map(atom);

const binaryOperators = ['or', 'and', '==', '!=', '<', '<=', '>', '>=', 'in', 'not in', '+', '-', '*', '/'] as const;

const expr: fc.Memo<ExprText> = fc.memo((depth) => {
  if (depth <= 1) return leafExpr;
  const sub = expr(depth - 1);
  return fc.oneof(
    { weight: 2, arbitrary: leafExpr },
    {
      weight: 3,
      arbitrary: fc
        .tuple(sub, fc.constantFrom(...binaryOperators), sub, gap, gap, fc.boolean(), fc.boolean())
        .map(([left, operator, right, g1, g2, extraLeft, extraRight]) =>
          compound(`${operand(left, extraLeft)}${g1}${operator}${g2}${operand(right, extraRight)}`)),
    },
    { weight: 1, arbitrary: fc.tuple(sub, gap).map(([value, g]) => compound(`not${g}${operand(value, true)}`)) },
    { weight: 1, arbitrary: fc.tuple(sub, optionalGap).map(([value, g]) => compound(`-${g}${operand(value, false)}`)) },
    {
      weight: 1,
      arbitrary: fc.tuple(sub, fieldName, optionalGap).map(([object, field, g]) => atom(`${operand(object, false)}${g}.${field}`)),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(ident, fc.array(sub, { maxLength: 3 })).map(([callee, args]) =>
        atom(`${callee}(${args.map((arg) => arg.text).join(', ')})`)),
    },
    { weight: 1, arbitrary: fc.array(sub, { maxLength: 3 }).map((items) => atom(`[${items.map((item) => item.text).join(',')}]`)) },
  );
});

const condition = expr(4).map((value) => value.text);
const trigger = fc.constantFrom(...TRIGGERS);
const message = fc
  .array(fc.oneof(fc.constantFrom('text ', '{{', '}}', ', '), fc.tuple(ident, fc.option(fieldName)).map(([name, field]) => `{${name}${field === null ? '' : `.${field}`}}`)), { maxLength: 4 })
  .map((parts) => `"${parts.join('')}"`);

const check = fc.tuple(fc.constantFrom('require', 'expect'), condition, fc.option(message)).chain(([mode, cond, text]) =>
  spaced(text === null ? [mode, cond] : [mode, cond, 'else', text]));

const member: fc.Arbitrary<string> = fc.oneof(
  stringText.chain((text) => spaced(['cite', text])),
  fc.tuple(fc.array(ident, { minLength: 1, maxLength: 3 }), fc.oneof(ident, numberText, percentText))
    .chain(([path, value]) => spaced(['option', path.join('.'), '=', value])),
  fc.tuple(ident, percentText, fc.option(fc.constantFrom('up', 'down', 'nearest')), trigger, fc.option(condition), fc.option(ident))
    .chain(([name, rate, rounding, on, where, account]) =>
      spaced([
        'levy', name, rate,
        ...(rounding === null ? [] : ['rounded', rounding]),
        'on', on,
        ...(where === null ? [] : ['where', where]),
        ...(account === null ? ['cancel'] : ['to', account]),
      ])),
  fc.tuple(ident, fc.option(stringText), fc.uniqueArray(trigger, { minLength: 1, maxLength: 3 }), fc.option(condition), fc.array(check, { minLength: 1, maxLength: 3 }))
    .chain(([name, title, triggers, where, checks]) =>
      spaced([
        'rule', name,
        ...(title === null ? [] : [title]),
        'on', triggers.join(', '),
        ...(where === null ? [] : ['where', where]),
        '{', ...checks, '}',
      ])),
  fc.tuple(fc.constantFrom('rule', 'levy'), ident).chain(([target, name]) => spaced(['remove', target, name])),
  fc.tuple(ident, condition).chain(([name, value]) => spaced(['let', name, '=', value])),
);

const rulebook = fc
  .tuple(ident, fc.option(ident), fc.option(stringText), fc.array(member, { maxLength: 5 }))
  .chain(([name, parent, title, members]) =>
    spaced([
      'rulebook', name,
      ...(parent === null ? [] : ['extends', parent]),
      ...(title === null ? [] : [title]),
      '{', ...members, '}',
    ]));

const importDecl = stringText.chain((path) => spaced(['import', path]));

/** A whole valid file: imports, then one to three rulebooks, with comments and blank lines around. */
export const arbitraryRulebookSource: fc.Arbitrary<string> = fc
  .tuple(fc.array(importDecl, { maxLength: 2 }), fc.array(rulebook, { minLength: 1, maxLength: 3 }), optionalGap, optionalGap)
  .map(([imports, rulebooks, before, after]) => before + [...imports, ...rulebooks].join('\n') + after + '\n');
