import { describe, expect, it } from 'vitest';
import { DefaultLanguageService } from './default-language-service.ts';
import { encodeSemanticTokens, SEMANTIC_TOKEN_LEGEND } from './semantic-tokens.ts';
import { TextPositions } from './text-positions.ts';

const tokensOf = (text: string): string[] => {
  const service = new DefaultLanguageService();
  service.documents.set('main.a6', text);
  return service.semanticTokens('main.a6').map((token) => `${text.slice(token.span.start, token.span.end)}:${token.type}${token.modifiers.length > 0 ? `[${token.modifiers.join(',')}]` : ''}`);
};

describe('semantic tokens', () => {
  it('classifies every token by what it resolves to', () => {
    const text = [
      'rulebook base { let cutoff = 2021 }',
      'rulebook a extends base {',
      '  option adjustment.object = ndc_target // why',
      '  levy sop 5% on issuance to adaptation_fund',
      '  rule r on use where unit.itmo { require holdings(unit.host) > cutoff else "at {unit.serial}" }',
      '}',
    ].join('\n');
    expect(tokensOf(text)).toMatchInlineSnapshot(`
      [
        "rulebook:keyword",
        "base:class[declaration]",
        "let:keyword",
        "cutoff:variable[declaration,readonly]",
        "=:operator",
        "2021:number",
        "rulebook:keyword",
        "a:class[declaration]",
        "extends:keyword",
        "base:class",
        "option:keyword",
        "adjustment:property",
        "object:property",
        "=:operator",
        "ndc_target:enumMember",
        "// why:comment",
        "levy:keyword",
        "sop:type[declaration]",
        "5%:number",
        "on:keyword",
        "issuance:event",
        "to:keyword",
        "adaptation_fund:variable",
        "rule:keyword",
        "r:type[declaration]",
        "on:keyword",
        "use:event",
        "where:keyword",
        "unit:parameter[readonly,defaultLibrary]",
        "itmo:property[readonly]",
        "require:keyword",
        "holdings:function[defaultLibrary]",
        "unit:parameter[readonly,defaultLibrary]",
        "host:property[readonly]",
        ">:operator",
        "cutoff:variable[readonly]",
        "else:keyword",
        ""at {:string",
        "unit:parameter[readonly,defaultLibrary]",
        ".:string",
        "serial:property[readonly]",
        "}":string",
      ]
    `);
  });

  it('classifies a declaration still being typed by its surroundings', () => {
    expect(tokensOf('rulebook a { rule r on use, transfer { require unit.vin }')).toMatchInlineSnapshot(`
      [
        "rulebook:keyword",
        "a:class[declaration]",
        "rule:keyword",
        "r:type[declaration]",
        "on:keyword",
        "use:event",
        "transfer:event",
        "require:keyword",
        "unit:parameter[readonly,defaultLibrary]",
        "vin:property[readonly]",
      ]
    `);
  });

  it('encodes tokens relative to each other, cutting multi-line comments at line ends', () => {
    const text = 'rulebook a {\n  /* one\n  two */ let x = 1\n}';
    const service = new DefaultLanguageService();
    service.documents.set('main.a6', text);
    const tokens = service.semanticTokens('main.a6');
    const data = encodeSemanticTokens(tokens, new TextPositions(text));
    const rows: number[][] = [];
    for (let i = 0; i < data.length; i += 5) rows.push(data.slice(i, i + 5));
    const type = (name: string) => SEMANTIC_TOKEN_LEGEND.tokenTypes.indexOf(name as never);
    expect(rows).toEqual([
      [0, 0, 8, type('keyword'), 0],
      [0, 9, 1, type('class'), 1],
      [1, 2, 6, type('comment'), 0],
      [1, 0, 8, type('comment'), 0],
      [0, 9, 3, type('keyword'), 0],
      [0, 4, 1, type('variable'), 0b011],
      [0, 2, 1, type('operator'), 0],
      [0, 2, 1, type('number'), 0],
    ]);
  });
});
