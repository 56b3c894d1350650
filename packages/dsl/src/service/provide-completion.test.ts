import { describe, expect, it } from 'vitest';
import { serviceAt } from './marked-source.test-support.ts';

const labels = (files: Record<string, string> | string): string[] => {
  const { service, path, offset } = serviceAt(typeof files === 'string' ? { 'main.a6': files } : files);
  return service.completion(path, offset).map((item) => item.label);
};

const complete = (source: string) => {
  const { service, path, offset } = serviceAt({ 'main.a6': source });
  return service.completion(path, offset);
};

describe('completion', () => {
  it('offers only the unit fields available at every trigger of the rule', () => {
    expect(labels('rulebook a {\n  rule x on use, transfer {\n    require unit.<|>\n  }\n}')).toMatchInlineSnapshot(`
      [
        "serial",
        "block",
        "type",
        "vintage",
        "metric",
        "quantity",
        "mechanism",
        "host",
        "activity",
        "authorized",
        "authorization",
        "purposes",
        "itmo",
        "first_transferred",
        "issued_on",
        "holder",
      ]
    `);
    expect(labels('rulebook a {\n  rule x on use, transfer {\n    require event.<|>\n  }\n}')).toMatchInlineSnapshot(`
      [
        "id",
        "type",
        "at",
        "year",
        "quantity",
        "total",
      ]
    `);
    expect(labels('rulebook a {\n  rule x on use {\n    require event.<|>\n  }\n}')).toMatchInlineSnapshot(`
      [
        "id",
        "type",
        "at",
        "year",
        "quantity",
        "total",
        "purpose",
        "by",
      ]
    `);
  });

  it('gives fields their type and doc, and replaces the word being typed', () => {
    const { service, path, offset } = serviceAt({ 'main.a6': 'rulebook a { rule x on issuance { require unit.vin<|> } }' });
    const vintage = service.completion(path, offset).find((item) => item.label === 'vintage')!;
    expect(vintage.kind).toBe('field');
    expect(vintage.detail).toBe('number');
    expect(vintage.documentation).toMatchInlineSnapshot(`
      "**unit.vintage**: number

      The vintage year (the calendar year the mitigation occurred).

      Available at the unit triggers."
    `);
    expect(vintage.span).toEqual({ start: offset - 3, end: offset });
  });

  it('follows member chains through records, functions and lets', () => {
    expect(labels('rulebook a { rule x on use { require unit.authorization.<|> } }')).toContain('cap');
    expect(labels('rulebook a { rule x on use { require party("CH").ndc.<|> } }')).toMatchInlineSnapshot(`
      [
        "kind",
        "from",
        "to",
        "target_year",
        "target",
        "metric",
        "sectors",
        "gases",
        "method",
      ]
    `);
    expect(labels('rulebook a { let host = party(unit.host)\n rule x on use { require host.<|> } }')).toEqual(['name', 'groups', 'ndc']);
    expect(labels('rulebook a { rule x on use { require event.from.<|> } }')).toEqual([]);
    expect(labels('rulebook a { rule x on transfer { require event.from.<|> } }')).toEqual(['id', 'registry', 'kind', 'holder', 'party']);
  });

  it('completes inside the {holes} of an else message', () => {
    expect(labels('rulebook a { rule x on use { require true else "held by {unit.ho<|>" } }')).toContain('holder');
    expect(labels('rulebook a { rule x on use { require true else "plain <|>" } }')).toEqual([]);
  });

  it('offers triggers after on and after a comma, without the ones already listed', () => {
    expect(labels('rulebook a { rule x on <|>')).toMatchInlineSnapshot(`
      [
        "registration",
        "transition",
        "authorization",
        "revocation",
        "issuance",
        "transfer",
        "international_transfer",
        "first_transfer",
        "use",
        "cancellation",
        "inventory",
      ]
    `);
    expect(labels('rulebook a { rule x on use, <|>')).not.toContain('use');
    expect(labels('rulebook a { levy sop 5% on <|>')).toEqual(['issuance', 'transfer', 'international_transfer', 'first_transfer', 'use', 'cancellation']);
  });

  it('offers option names after option, and the values of that option after =', () => {
    expect(labels('rulebook a { option <|> }')).toMatchInlineSnapshot(`
      [
        "first_transfer.ndc",
        "first_transfer.oimp",
        "adjustment.object",
        "adjustment.transferor",
        "adjustment.acquirer",
        "adjustment.single_year",
        "adjustment.outside_ndc",
        "adjustment.averaging_window",
        "a64.itmo",
      ]
    `);
    const partial = complete('rulebook a {\n  option adjustment.<|>\n}');
    expect(partial.map((item) => item.label)).toContain('adjustment.object');
    expect(partial[0]!.span).toEqual({ start: 22, end: 33 });
    expect(labels('rulebook a { option adjustment.single_year = <|> }')).toMatchInlineSnapshot(`
      [
        "party_method",
        "trajectory",
        "averaging",
        "vintage_match",
        "cumulative",
      ]
    `);
    const value = complete('rulebook a { option a64.itmo = <|> }')[0]!;
    expect(value).toMatchObject({ label: 'on_first_transfer', kind: 'option_value', detail: 'default' });
  });

  it('offers visible rulebooks after extends, from this file and imported ones', () => {
    const files = {
      'lib/base.a6': 'rulebook glasgow_2021 "Article 6 as adopted" {}\nrulebook other {}',
      'main.a6': 'import "lib/base.a6"\nrulebook local {}\nrulebook mine extends <|>',
    };
    expect(labels(files)).toEqual(['local', 'glasgow_2021', 'other']);
  });

  it('offers inherited rules and levies after remove, and for replacement', () => {
    const base = 'rulebook base {\n  levy omge 2% on issuance cancel\n  rule vintage on use { require unit.vintage >= 2021 }\n}\n';
    expect(labels(`${base}rulebook child extends base {\n  remove <|>\n}`)).toEqual(['rule', 'levy']);
    expect(labels(`${base}rulebook child extends base {\n  remove rule <|>\n}`)).toEqual(['vintage']);
    expect(labels(`${base}rulebook child extends base {\n  remove levy <|>\n}`)).toEqual(['omge']);
    expect(labels(`${base}rulebook child extends base {\n  rule <|>\n}`)).toEqual(['vintage']);
  });

  it('offers lets, context values, functions and literals in expressions, lets first', () => {
    const items = complete('rulebook a {\n  let cutoff = 2021\n  rule x on registration { require <|> }\n}');
    const sorted = [...items].sort((a, b) => (a.sortText! < b.sortText! ? -1 : 1)).map((item) => `${item.kind}:${item.label}`);
    expect(sorted).toMatchInlineSnapshot(`
      [
        "variable:cutoff",
        "variable:activity",
        "variable:event",
        "function:abs",
        "function:acquired",
        "function:authorized_total",
        "function:first_transferred",
        "function:holdings",
        "function:inventory",
        "function:issued",
        "function:len",
        "function:max",
        "function:min",
        "function:party",
        "function:used",
        "function:year",
        "keyword:false",
        "keyword:none",
        "keyword:not",
        "keyword:true",
      ]
    `);
    expect(items.find((item) => item.label === 'holdings')).toMatchObject({ insertText: 'holdings($0)', snippet: true, detail: 'holdings(party_or_account: string | account): number' });
  });

  it('offers operators after an operand, and what may follow a finished check', () => {
    expect(labels('rulebook a { rule x on use { require unit.itmo <|> } }')).toEqual(['and', 'or', 'not', 'in', 'else', 'require', 'expect']);
    expect(labels('rulebook a { rule x on use where unit.itmo <|>')).toEqual(['and', 'or', 'not', 'in']);
    expect(labels('rulebook a { rule x on use <|>')).toEqual(['where']);
    expect(labels('rulebook a { rule x on use { <|> } }')).toEqual(['require', 'expect']);
  });

  it('offers member keywords in a rulebook body and declarations at the top level', () => {
    expect(labels('rulebook a {\n  <|>\n}')).toMatchInlineSnapshot(`
      [
        "cite",
        "option",
        "levy",
        "rule",
        "remove",
        "let",
        "rule …",
        "levy …",
      ]
    `);
    expect(labels('rulebook a {\n  rule x on use { require true }\n  <|>\n}')).toContain('levy');
    expect(labels('rulebook a {\n  let x = 1\n}\n<|>')).toEqual(['import', 'rulebook']);
    expect(labels('<|>')).toEqual(['import', 'rulebook']);
    expect(labels('rulebook a <|>')).toEqual(['extends']);
  });

  it('walks a levy declaration keyword by keyword', () => {
    expect(labels('rulebook a { levy sop 5% <|>')).toEqual(['rounded', 'on']);
    expect(labels('rulebook a { levy sop 5% rounded <|>')).toEqual(['up', 'down', 'nearest']);
    expect(labels('rulebook a { levy sop 5% on issuance <|>')).toEqual(['where', 'to', 'cancel']);
    expect(labels('rulebook a { levy sop 5% on issuance to <|>')).toEqual([]);
  });

  it('stays quiet in comments, strings and numbers', () => {
    expect(labels('rulebook a { // rule x on <|>\n}')).toEqual([]);
    expect(labels('rulebook a { cite "Decision <|>" }')).toEqual([]);
    expect(labels('rulebook a { let x = 20<|> }')).toEqual([]);
  });
});
