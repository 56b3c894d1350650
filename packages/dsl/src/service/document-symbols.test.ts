import { describe, expect, it } from 'vitest';
import { DefaultLanguageService } from './default-language-service.ts';
import type { DocumentSymbol } from './service-types.ts';

const outline = (symbols: readonly DocumentSymbol[], depth = 0): string[] =>
  symbols.flatMap((symbol) => [`${'  '.repeat(depth)}${symbol.kind} ${symbol.name}${symbol.detail ? ` — ${symbol.detail}` : ''}`, ...outline(symbol.children, depth + 1)]);

describe('document symbols', () => {
  it('lists imports, then rulebooks with their options, levies, rules and lets', () => {
    const service = new DefaultLanguageService();
    const text = [
      'import "base.a6"',
      'rulebook glasgow_2021 extends base "Article 6 as adopted" {',
      '  cite "Decision 2/CMA.3"',
      '  option a64.itmo = on_first_transfer',
      '  let cutoff = 2021',
      '  levy omge 2% rounded up on issuance where unit.mechanism == "6.4" cancel',
      '  levy sop 5% on issuance to adaptation_fund',
      '  remove rule old',
      '  rule vintage_2021 "ITMOs are mitigation from 2021 on" on first_transfer {',
      '    require unit.vintage >= cutoff',
      '  }',
      '  rule plain on use, transfer { require true }',
      '}',
    ].join('\n');
    service.documents.set('main.a6', text);
    service.documents.set('base.a6', 'rulebook base { rule old on use { require true } }');
    const symbols = service.documentSymbols('main.a6');
    expect(outline(symbols)).toMatchInlineSnapshot(`
      [
        "import base.a6",
        "rulebook glasgow_2021 — extends base · Article 6 as adopted",
        "  cite Decision 2/CMA.3",
        "  option a64.itmo — on_first_transfer",
        "  let cutoff — 2021",
        "  levy omge — 2% on issuance, cancel",
        "  levy sop — 5% on issuance, to adaptation_fund",
        "  rule vintage_2021 — ITMOs are mitigation from 2021 on",
        "  rule plain — on use, transfer",
      ]
    `);
    const rule = symbols[1]!.children.find((child) => child.name === 'vintage_2021')!;
    expect(text.slice(rule.selectionSpan.start, rule.selectionSpan.end)).toBe('vintage_2021');
    expect(text.slice(rule.span.start, rule.span.end)).toMatch(/^rule vintage_2021[^]*\}$/);
  });

  it('keeps the members that parse in a broken rulebook', () => {
    const service = new DefaultLanguageService();
    service.documents.set('main.a6', 'rulebook a {\n  let x = 1\n  rule broken on use { require unit. }\n  rule fine on use { require true }\n}');
    expect(outline(service.documentSymbols('main.a6'))).toEqual(['rulebook a', '  let x — 1', '  rule fine — on use']);
  });
});
