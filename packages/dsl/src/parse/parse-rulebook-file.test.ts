import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CheckDecl, Expr, LetDecl, Member, RuleDecl } from '../ast/ast.ts';
import { formatDiagnostic } from '../diagnostics/diagnostic.ts';
import { parseRulebookFile } from './parse-rulebook-file.ts';
import { stripSpans } from './strip-spans.ts';

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

const membersOf = (source: string): Member[] => {
  const { file, diagnostics } = parseRulebookFile(`rulebook r {\n${source}\n}`, 'm.a6');
  expect(diagnostics.map(formatDiagnostic)).toEqual([]);
  return [...file.rulebooks[0]!.members];
};
const memberOf = (source: string): unknown => stripSpans(membersOf(source)[0]);
const exprOf = (source: string): Expr => (membersOf(`let x = ${source}`)[0] as LetDecl).value;

/** An expression as a fully parenthesized string, to pin precedence and associativity. */
function shape(expr: Expr): string {
  switch (expr.kind) {
    case 'Binary':
      return `(${shape(expr.left)} ${expr.operator} ${shape(expr.right)})`;
    case 'Unary':
      return `(${expr.operator === 'not' ? 'not ' : '-'}${shape(expr.operand)})`;
    case 'Member':
      return `${shape(expr.object)}.${expr.field.name}`;
    case 'Call':
      return `${expr.callee.name}(${expr.args.map(shape).join(', ')})`;
    case 'Name':
      return expr.name;
    case 'Number':
    case 'Percent':
      return `${expr.kind}:${expr.text}`;
    case 'Date':
      return `Date:${expr.value}`;
    case 'String':
      return JSON.stringify(expr.value);
    case 'Boolean':
      return String(expr.value);
    case 'None':
      return 'none';
    case 'List':
      return `[${expr.items.map(shape).join(', ')}]`;
  }
}

const errorsOf = (text: string): string[] => parseRulebookFile(text, 'bad.a6').diagnostics.map(formatDiagnostic);

describe('parseRulebookFile: the spec examples', () => {
  it('parses the example block of docs/language.md (three rulebooks) without diagnostics', () => {
    const { file, diagnostics } = parseRulebookFile(fixture('dsl-example.a6'), 'dsl-example.a6');
    expect(diagnostics).toEqual([]);
    expect(file.rulebooks.map((rulebook) => [rulebook.name.name, rulebook.parent?.name ?? null, rulebook.members.length]))
      .toEqual([
        ['glasgow_2021', null, 12],
        ['within_ndc_only', 'glasgow_2021', 1],
        ['omge_at_use', 'glasgow_2021', 3],
      ]);
    expect(file.comments.map((comment) => comment.text)).toEqual([
      '// Glasgow rulebook, as adopted (Decisions 2/CMA.3 and 3/CMA.3)',
      "// A seed-paper variant: ITMOs only from within the host's NDC coverage",
      '// Another: OMGE as a 2% discount at use instead of issuance, and the CA applied at use',
    ]);
  });

  it('parses the worked example of docs/reports.md without diagnostics', () => {
    const { file, diagnostics } = parseRulebookFile(fixture('replay-worked-example.a6'), 'bilateral.a6');
    expect(diagnostics).toEqual([]);
    expect(stripSpans(file.rulebooks[0]!.members[2])).toMatchInlineSnapshot(`
      {
        "destination": {
          "kind": "cancel",
        },
        "kind": "Levy",
        "name": {
          "kind": "Identifier",
          "name": "omge",
        },
        "rate": {
          "kind": "Percent",
          "text": "2",
          "value": 0.02,
        },
        "rounding": {
          "mode": "up",
        },
        "trigger": {
          "kind": "Trigger",
          "name": "issuance",
        },
        "where": {
          "kind": "Binary",
          "left": {
            "field": {
              "kind": "Identifier",
              "name": "type",
            },
            "kind": "Member",
            "object": {
              "kind": "Name",
              "name": "unit",
            },
          },
          "operator": "==",
          "right": {
            "kind": "String",
            "value": "ITMO",
          },
        },
      }
    `);
  });

  it('gives every node a span of UTF-16 offsets that covers its source text', () => {
    const text = fixture('dsl-example.a6');
    const rule = parseRulebookFile(text, 'x.a6').file.rulebooks[0]!.members[9] as RuleDecl;
    expect(text.slice(rule.span.start, rule.span.end)).toMatch(/^rule authorized_first[\s\S]*require unit.authorized\n  }$/);
    expect(text.slice(rule.name.span.start, rule.name.span.end)).toBe('authorized_first');
    expect(text.slice(rule.where!.span.start, rule.where!.span.end)).toBe('unit.type == "ITMO"');
  });
});

describe('parseRulebookFile: declarations', () => {
  it('parses imports and the rulebook header (extends, title)', () => {
    const { file, diagnostics } = parseRulebookFile(
      'import "base.a6"\nimport "more/other.a6"\nrulebook child extends base "A \\"quoted\\" title" {}',
      'c.a6',
    );
    expect(diagnostics).toEqual([]);
    expect(file.imports.map((entry) => entry.path.value)).toEqual(['base.a6', 'more/other.a6']);
    expect(stripSpans({ ...file.rulebooks[0]!, members: undefined })).toMatchInlineSnapshot(`
      {
        "kind": "Rulebook",
        "members": undefined,
        "name": {
          "kind": "Identifier",
          "name": "child",
        },
        "parent": {
          "kind": "Identifier",
          "name": "base",
        },
        "title": {
          "kind": "String",
          "value": "A "quoted" title",
        },
      }
    `);
  });

  it('parses cite, options (identifier, number and percent values), remove and let', () => {
    const members = membersOf(
      'cite "Decision 2/CMA.3"\noption a64.itmo = separate\noption x.y.z = 1_000\noption cap = 2.5%\n' +
        'remove rule vintage_2021\nremove levy omge\nlet floor = 2021',
    );
    expect(members.map((member) => stripSpans(member))).toMatchInlineSnapshot(`
      [
        {
          "kind": "Cite",
          "text": {
            "kind": "String",
            "value": "Decision 2/CMA.3",
          },
        },
        {
          "kind": "Option",
          "path": [
            {
              "kind": "Identifier",
              "name": "a64",
            },
            {
              "kind": "Identifier",
              "name": "itmo",
            },
          ],
          "value": {
            "kind": "Identifier",
            "name": "separate",
          },
        },
        {
          "kind": "Option",
          "path": [
            {
              "kind": "Identifier",
              "name": "x",
            },
            {
              "kind": "Identifier",
              "name": "y",
            },
            {
              "kind": "Identifier",
              "name": "z",
            },
          ],
          "value": {
            "kind": "Number",
            "text": "1000",
            "value": 1000,
          },
        },
        {
          "kind": "Option",
          "path": [
            {
              "kind": "Identifier",
              "name": "cap",
            },
          ],
          "value": {
            "kind": "Percent",
            "text": "2.5",
            "value": 0.025,
          },
        },
        {
          "kind": "Remove",
          "name": {
            "kind": "Identifier",
            "name": "vintage_2021",
          },
          "target": "rule",
        },
        {
          "kind": "Remove",
          "name": {
            "kind": "Identifier",
            "name": "omge",
          },
          "target": "levy",
        },
        {
          "kind": "Let",
          "name": {
            "kind": "Identifier",
            "name": "floor",
          },
          "value": {
            "kind": "Number",
            "text": "2021",
            "value": 2021,
          },
        },
      ]
    `);
  });

  it('parses levies with every rounding mode, with and without where, to an account or cancel', () => {
    const levies = membersOf(
      'levy a 5% on issuance to adaptation_fund\nlevy b 2% rounded up on use cancel\n' +
        'levy c 1.5% rounded down on transfer where unit.itmo to fund\nlevy d 10% rounded nearest on cancellation cancel',
    );
    expect(
      levies.map((levy) =>
        levy.kind === 'Levy'
          ? [levy.name.name, levy.rate.text, levy.rounding?.mode ?? null, levy.trigger.name, levy.where?.kind ?? null,
             levy.destination.kind === 'account' ? levy.destination.account.name : 'cancel']
          : null,
      ),
    ).toEqual([
      ['a', '5', null, 'issuance', null, 'adaptation_fund'],
      ['b', '2', 'up', 'use', null, 'cancel'],
      ['c', '1.5', 'down', 'transfer', 'Member', 'fund'],
      ['d', '10', 'nearest', 'cancellation', null, 'cancel'],
    ]);
  });

  it('parses a rule with a title, several triggers, where, require and expect with messages', () => {
    expect(
      memberOf(
        'rule ndc_scope "only NDC" on authorization, first_transfer where activity != none {\n' +
          '  require activity.in_ndc else "activity {activity.id} lies outside {{NDC}}"\n  expect true\n}',
      ),
    ).toMatchInlineSnapshot(`
      {
        "checks": [
          {
            "condition": {
              "field": {
                "kind": "Identifier",
                "name": "in_ndc",
              },
              "kind": "Member",
              "object": {
                "kind": "Name",
                "name": "activity",
              },
            },
            "kind": "Check",
            "message": {
              "kind": "Message",
              "parts": [
                "activity ",
                {
                  "field": {
                    "kind": "Identifier",
                    "name": "id",
                  },
                  "kind": "Member",
                  "object": {
                    "kind": "Name",
                    "name": "activity",
                  },
                },
                " lies outside {NDC}",
              ],
              "raw": ""activity {activity.id} lies outside {{NDC}}"",
            },
            "mode": "require",
          },
          {
            "condition": {
              "kind": "Boolean",
              "value": true,
            },
            "kind": "Check",
            "message": null,
            "mode": "expect",
          },
        ],
        "kind": "Rule",
        "name": {
          "kind": "Identifier",
          "name": "ndc_scope",
        },
        "title": {
          "kind": "String",
          "value": "only NDC",
        },
        "triggers": [
          {
            "kind": "Trigger",
            "name": "authorization",
          },
          {
            "kind": "Trigger",
            "name": "first_transfer",
          },
        ],
        "where": {
          "kind": "Binary",
          "left": {
            "kind": "Name",
            "name": "activity",
          },
          "operator": "!=",
          "right": {
            "kind": "None",
          },
        },
      }
    `);
  });

  it('accepts every trigger of docs/language.md', () => {
    const triggers = 'registration, transition, authorization, revocation, issuance, transfer, international_transfer, first_transfer, use, cancellation, inventory';
    const rule = membersOf(`rule all on ${triggers} { require true }`)[0] as RuleDecl;
    expect(rule.triggers.map((trigger) => trigger.name).join(', ')).toBe(triggers);
  });

  it('accepts comments of both forms anywhere spaces go and keeps them all', () => {
    const text = '/* head */ rulebook /* a */ r { // trailing\n  rule x on use { require /* in */ 1 < // mid\n 2 }\n}\n// end';
    const { file, diagnostics } = parseRulebookFile(text, 'c.a6');
    expect(diagnostics).toEqual([]);
    expect(file.comments.map((comment) => [comment.text, comment.block])).toEqual([
      ['/* head */', true],
      ['/* a */', true],
      ['// trailing', false],
      ['/* in */', true],
      ['// mid', false],
      ['// end', false],
    ]);
    expect(file.comments.every((comment) => text.slice(comment.span.start, comment.span.end) === comment.text)).toBe(true);
  });
});

describe('parseRulebookFile: expressions', () => {
  it.each([
    ['a or b and c', '(a or (b and c))'],
    ['a and b or c', '((a and b) or c)'],
    ['not a and b', '((not a) and b)'],
    ['not a == b', '(not (a == b))'],
    ['not not a', '(not (not a))'],
    ['a == b + c * d', '(a == (b + (c * d)))'],
    ['a - b - c', '((a - b) - c)'],
    ['a / b * c', '((a / b) * c)'],
    ['-a * b', '((-a) * b)'],
    ['-a.b', '(-a.b)'],
    ['--1', '(-(-Number:1))'],
    ['a - -1', '(a - (-Number:1))'],
    ['(a + b) * c', '((a + b) * c)'],
    ['a or (b or c)', '(a or (b or c))'],
    ['x in ["CDM", "6.4"]', '(x in ["CDM", "6.4"])'],
    ['x not in [] and y', '((x not in []) and y)'],
    ['party(unit.host).ndc.kind', 'party(unit.host).ndc.kind'],
    ['min(a, max(b, 1)) >= abs(-2)', '(min(a, max(b, Number:1)) >= abs((-Number:2)))'],
    ['len([])', 'len([])'],
    ['event.from.party != event.to.party', '(event.from.party != event.to.party)'],
    ['x.rule.let.in', 'x.rule.let.in'],
    ['2026-06-30 <= event.at', '(Date:2026-06-30 <= event.at)'],
    ['2026 - 06 - 30', '((Number:2026 - Number:06) - Number:30)'],
    ['1_000_000 * 0.5 + 5%', '((Number:1000000 * Number:0.5) + Percent:5)'],
    ['true != false == none', 'error'],
    ['a < b < c', 'error'],
    ['"a\\"b\\\\c\\nd"', '"a\\"b\\\\c\\nd"'],
  ])('%s', (source, expected) => {
    const { file, diagnostics } = parseRulebookFile(`rulebook r { let x = ${source} }`, 'e.a6');
    if (expected === 'error') {
      expect(diagnostics.length).toBeGreaterThan(0);
      return;
    }
    expect(diagnostics.map(formatDiagnostic)).toEqual([]);
    expect(shape((file.rulebooks[0]!.members[0] as LetDecl).value)).toBe(expected);
  });

  it('keeps literal text: numbers without "_", percents as exact decimal text, unescaped strings', () => {
    expect(stripSpans(exprOf('[1_000_000, 0.5, 12.5%, "tab\\\\n{x}"]'))).toMatchInlineSnapshot(`
      {
        "items": [
          {
            "kind": "Number",
            "text": "1000000",
            "value": 1000000,
          },
          {
            "kind": "Number",
            "text": "0.5",
            "value": 0.5,
          },
          {
            "kind": "Percent",
            "text": "12.5",
            "value": 0.125,
          },
          {
            "kind": "String",
            "value": "tab\\n{x}",
          },
        ],
        "kind": "List",
      }
    `);
  });

  it('allows any name, keywords included, after a dot', () => {
    expect(shape(exprOf('event.from == event.to and event.on.where.none'))).toBe(
      '((event.from == event.to) and event.on.where.none)',
    );
  });

  it('parses {expr} holes with spans in the file, through escapes', () => {
    const text = 'rulebook r { rule x on use { require true else "{party(\\"PER\\").name} is {{ok}}" } }';
    const { file, diagnostics } = parseRulebookFile(text, 'h.a6');
    expect(diagnostics).toEqual([]);
    const check = (file.rulebooks[0]!.members[0] as RuleDecl).checks[0] as CheckDecl;
    const hole = check.message!.parts[0] as Expr;
    expect(shape(hole)).toBe('party("PER").name');
    expect(text.slice(hole.span.start, hole.span.end)).toBe('party(\\"PER\\").name');
    expect(check.message!.parts.slice(1)).toEqual([' is {ok}']);
  });
});

describe('parseRulebookFile: syntax errors', () => {
  it('reports an unknown trigger at the trigger', () => {
    expect(parseRulebookFile('rulebook r {\n  rule x on use, payment {\n    require true\n  }\n}', 'bad.a6').diagnostics)
      .toMatchInlineSnapshot(`
        [
          {
            "code": "dsl.syntax",
            "end": {
              "column": 25,
              "line": 2,
            },
            "file": "bad.a6",
            "message": "expected a trigger",
            "severity": "error",
            "span": {
              "end": 37,
              "start": 30,
            },
            "start": {
              "column": 18,
              "line": 2,
            },
          },
        ]
      `);
  });

  it('reports precise 1-based lines and columns with readable messages', () => {
    expect(errorsOf('rulebook r {\n  rule rule on use { require true }\n}')).toMatchInlineSnapshot(`
      [
        "bad.a6:2:8: error[dsl.syntax]: expected an identifier ('rule' is a reserved keyword)",
      ]
    `);
    expect(errorsOf('rulebook r {\n  levy sop 5 on issuance cancel\n}')).toMatchInlineSnapshot(`
      [
        "bad.a6:2:12: error[dsl.syntax]: expected a percentage",
      ]
    `);
    expect(errorsOf('rulebook r {\n  levy sop 5% on issuance\n}')).toMatchInlineSnapshot(`
      [
        "bad.a6:2:26: error[dsl.syntax]: expected "where", "to" or "cancel"",
      ]
    `);
    expect(errorsOf('rulebook r {\n  rule x on use {\n    require (a + b\n  }\n}')).toMatchInlineSnapshot(`
      [
        "bad.a6:4:3: error[dsl.syntax]: expected ")" or an operator",
      ]
    `);
    expect(errorsOf('rulebook r {\n  rule x on use {\n    require\n  }\n}')).toMatchInlineSnapshot(`
      [
        "bad.a6:4:3: error[dsl.syntax]: expected an expression",
      ]
    `);
    expect(errorsOf('rulebook r {\n  option a.b =\n}')).toMatchInlineSnapshot(`
      [
        "bad.a6:2:15: error[dsl.syntax]: expected a percentage, a number or an identifier",
      ]
    `);
    expect(errorsOf('rulebook r {\n  cite "unterminated\n}')).toMatchInlineSnapshot(`
      [
        "bad.a6:2:8: error[dsl.syntax]: expected a string",
      ]
    `);
    expect(errorsOf('')).toMatchInlineSnapshot(`
      [
        "bad.a6:1:1: error[dsl.syntax]: expected "rulebook"",
      ]
    `);
    expect(errorsOf('rulebook Glasgow {}')).toMatchInlineSnapshot(`
      [
        "bad.a6:1:10: error[dsl.syntax]: expected an identifier (identifiers are lowercase: 'glasgow')",
      ]
    `);
    expect(errorsOf('rulebook r { let d = 2026-02-30 }')).toMatchInlineSnapshot(`
      [
        "bad.a6:1:22: error[dsl.syntax]: 2026-02-30 is not a calendar date",
      ]
    `);
  });

  it('reports a hole that does not parse where it is', () => {
    expect(errorsOf('rulebook r {\n  rule x on use { require true else "a {unit.} b {} c {x" }\n}')).toMatchInlineSnapshot(`
      [
        "bad.a6:2:46: error[dsl.syntax]: expected a name in "{…}"",
        "bad.a6:2:51: error[dsl.syntax]: expected an expression inside "{…}"",
        "bad.a6:2:55: error[dsl.syntax]: unclosed "{" in message (write "{{" for a literal brace)",
      ]
    `);
  });

  it('rejects keywords as names of rulebooks, rules, levies and lets', () => {
    for (const text of [
      'rulebook rule {}',
      'rulebook r { rule on on use { require true } }',
      'rulebook r { levy to 5% on use cancel }',
      'rulebook r { let none = 1 }',
      'rulebook r extends import {}',
    ]) {
      expect(errorsOf(text), text).toHaveLength(1);
      expect(errorsOf(text)[0], text).toContain('expected an identifier');
    }
  });
});

describe('parseRulebookFile: error recovery', () => {
  const twoBrokenRules = [
    'import "base.a6"',
    '// the first rulebook',
    'rulebook r extends base {',
    '  option a64.itmo = separate',
    '  rule broken_one on use {',
    '    require unit.vintage >=',
    '  }',
    '  rule good_one on issuance { require unit.vintage >= 2021 }',
    '  rule broken_two on payment { require true }',
    '  levy omge 2% rounded up on issuance cancel',
    '}',
    'rulebook s extends r {',
    '  rule fine on use { expect true }',
    '}',
  ].join('\n');

  it('reports both broken rules and keeps everything else in the AST', () => {
    const { file, diagnostics } = parseRulebookFile(twoBrokenRules, 'two.a6');
    expect(diagnostics.map(formatDiagnostic)).toMatchInlineSnapshot(`
      [
        "two.a6:7:3: error[dsl.syntax]: expected an expression",
        "two.a6:9:22: error[dsl.syntax]: expected a trigger",
      ]
    `);
    expect(file.imports.map((entry) => entry.path.value)).toEqual(['base.a6']);
    expect(file.rulebooks.map((rulebook) => [rulebook.name.name, rulebook.members.map((member) => member.kind === 'Rule' ? member.name.name : member.kind)]))
      .toEqual([
        ['r', ['Option', 'good_one', 'Levy']],
        ['s', ['fine']],
      ]);
    expect(file.comments.map((comment) => comment.text)).toEqual(['// the first rulebook']);
    const r = file.rulebooks[0]!;
    expect(twoBrokenRules.slice(r.span.start, r.span.end)).toMatch(/^rulebook r extends base \{[\s\S]*cancel\n\}$/);
  });

  it('keeps the members of a rulebook whose closing brace is missing, and the next rulebook', () => {
    const { file, diagnostics } = parseRulebookFile(
      'rulebook a {\n  option a64.itmo = separate\n  levy x 1% on use cancel\nrulebook b { cite "b" }',
      'open.a6',
    );
    expect(diagnostics.map(formatDiagnostic)).toMatchInlineSnapshot(`
      [
        "open.a6:3:26: error[dsl.syntax]: expected "}" to close the rulebook",
      ]
    `);
    expect(file.rulebooks.map((rulebook) => [rulebook.name.name, rulebook.members.length])).toEqual([
      ['a', 2],
      ['b', 1],
    ]);
  });

  it('reports errors in the members of a rulebook whose header is broken, without keeping it', () => {
    const { file, diagnostics } = parseRulebookFile(
      'rulebook a extends {\n  rule x on nope { require true }\n}\nrulebook b {}',
      'header.a6',
    );
    expect(diagnostics.map(formatDiagnostic)).toMatchInlineSnapshot(`
      [
        "header.a6:1:20: error[dsl.syntax]: expected an identifier",
        "header.a6:2:13: error[dsl.syntax]: expected a trigger",
      ]
    `);
    expect(file.rulebooks.map((rulebook) => rulebook.name.name)).toEqual(['b']);
  });

  it('does not split at declaration keywords inside strings, comments or after a dot', () => {
    const { file, diagnostics } = parseRulebookFile(
      'rulebook a {\n  cite "rule levy option"\n  // rule in a comment\n  rule x on use { require event.rule == 1 and ) }\n  let y = 1\n}',
      'k.a6',
    );
    expect(diagnostics.map(formatDiagnostic)).toMatchInlineSnapshot(`
      [
        "k.a6:4:47: error[dsl.syntax]: expected an expression",
      ]
    `);
    expect(file.rulebooks[0]!.members.map((member) => member.kind)).toEqual(['Cite', 'Let']);
  });

  it('reports junk before the first rulebook and an import after one', () => {
    expect(errorsOf('junk\nrulebook a {}\nimport "x.a6"\nrulebook b {}')).toMatchInlineSnapshot(`
      [
        "bad.a6:1:1: error[dsl.syntax]: expected "rulebook"",
        "bad.a6:3:1: error[dsl.syntax]: imports come before the first rulebook",
      ]
    `);
  });
});
