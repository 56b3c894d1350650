import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DefaultLanguageService } from './default-language-service.ts';
import { encodeSemanticTokens } from './semantic-tokens.ts';

const example = readFileSync(new URL('../parse/fixtures/dsl-example.a6', import.meta.url), 'utf8');

const fragment = fc.constantFrom(
  'rulebook ', 'rule ', 'levy ', 'let ', 'option ', 'remove ', ' on ', ' where ', 'require ', ' else ', '{', '}',
  '(', ')', '"', '{{', '.', ',', '=', ' and ', '5%', 'unit.', 'event.', 'use', '//', '/*', '*/', '\n', 'x', 'é', '\u{1F600}',
);

/** The example of docs/language.md with a few edits: what an editor holds while someone types. */
const editedExample = fc
  .array(fc.record({ at: fc.nat({ max: example.length }), remove: fc.nat({ max: 8 }), insert: fc.oneof(fragment, fc.string({ maxLength: 3 })) }), {
    minLength: 1,
    maxLength: 3,
  })
  .map((edits) => edits.reduce((text, edit) => text.slice(0, edit.at) + edit.insert + text.slice(edit.at + edit.remove), example));

describe('the language service is total', () => {
  it('answers every feature at every offset of half-typed source without throwing, with spans inside the text', () => {
    fc.assert(
      fc.property(editedExample, fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), (text, offsets) => {
        const service = new DefaultLanguageService();
        service.documents.set('main.a6', text);
        const positions = service.positions('main.a6');
        const inText = (span: { start: number; end: number }): boolean => 0 <= span.start && span.start <= span.end && span.end <= text.length;
        for (const raw of offsets) {
          const offset = raw % (text.length + 1);
          for (const item of service.completion('main.a6', offset)) expect(inText(item.span)).toBe(true);
          const hover = service.hover('main.a6', offset);
          if (hover) expect(inText(hover.span)).toBe(true);
          service.definition('main.a6', offset);
          service.references('main.a6', offset, { includeDeclaration: true });
          service.rename('main.a6', offset, 'renamed');
        }
        const tokens = service.semanticTokens('main.a6');
        for (let i = 1; i < tokens.length; i++) expect(tokens[i]!.span.start).toBeGreaterThanOrEqual(tokens[i - 1]!.span.end);
        const data = encodeSemanticTokens(tokens, positions);
        expect(data.every((n) => Number.isInteger(n) && n >= 0)).toBe(true);
        service.documentSymbols('main.a6');
        service.foldingRanges('main.a6');
        service.codeActions('main.a6', { start: 0, end: text.length });
        service.format('main.a6');
      }),
      { numRuns: 30 },
    );
  });
});
