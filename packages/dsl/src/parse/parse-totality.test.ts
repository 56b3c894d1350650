import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import grammar from '../grammar/rulebook.ohm-bundle.js';
import { IncrementalParser } from './incremental-parser.ts';
import { parseRulebookFile } from './parse-rulebook-file.ts';

const example = readFileSync(new URL('./fixtures/dsl-example.a6', import.meta.url), 'utf8');

// Fragments the grammar cares about, so random text often gets deep into a rulebook.
const fragment = fc.constantFrom(
  'rulebook ', 'import ', 'rule ', 'levy ', 'let ', 'cite ', 'option ', 'remove ', ' on ', ' where ',
  'require ', 'expect ', ' else ', '{', '}', '(', ')', '[', ']', '"', '\\', '{{', '.', ',', '=', '==',
  ' and ', ' or ', ' not ', ' in ', '5%', '1_000', '2026-06-30', 'unit', 'use', '//', '/*', '*/', '\n',
  ' ', 'x', '-', 'é', '\u{1F600}',
);
const noisyText = fc.oneof(fc.string({ maxLength: 200 }), fc.array(fragment, { maxLength: 60 }).map((parts) => parts.join('')));

/** The example of docs/language.md with a few characters inserted, deleted or replaced. */
const mutatedExample = fc
  .array(
    fc.record({
      at: fc.nat({ max: example.length }),
      remove: fc.nat({ max: 12 }),
      insert: fc.oneof(fragment, fc.string({ maxLength: 4 })),
    }),
    { minLength: 1, maxLength: 4 },
  )
  .map((edits) =>
    edits.reduce((text, edit) => {
      const at = Math.min(edit.at, text.length);
      return text.slice(0, at) + edit.insert + text.slice(Math.min(text.length, at + edit.remove));
    }, example),
  );

function checkResultShape(text: string): void {
  const { file, diagnostics } = parseRulebookFile(text, 'p.a6');
  expect(file.span).toEqual({ start: 0, end: text.length });
  for (const diagnostic of diagnostics) {
    expect(diagnostic.code).toBe('dsl.syntax');
    expect(diagnostic.span.start).toBeGreaterThanOrEqual(0);
    expect(diagnostic.span.end).toBeLessThanOrEqual(text.length);
    expect(diagnostic.start.line).toBeGreaterThanOrEqual(1);
    expect(diagnostic.message).not.toBe('');
  }
  if (grammar.match(text, 'File').failed()) expect(diagnostics.length).toBeGreaterThan(0);
  for (const rulebook of file.rulebooks) {
    expect(rulebook.span.start).toBeGreaterThanOrEqual(0);
    expect(rulebook.span.end).toBeLessThanOrEqual(text.length);
  }
}

describe('parser totality', () => {
  it('never throws on arbitrary text', () => {
    fc.assert(fc.property(noisyText, (text) => checkResultShape(text)), { numRuns: 400 });
  });

  it('never throws on mutated valid files, and reports something when the text no longer parses', () => {
    fc.assert(
      fc.property(mutatedExample, (text) => {
        checkResultShape(text);
      }),
      { numRuns: 200 },
    );
  });

  it('always reports at least one diagnostic for text the grammar rejects', () => {
    for (const text of ['rulebook', 'rulebook a {', '}', 'rulebook a {} }', 'import', 'import "a"', 'rulebook a { rule x on use { require 1 }']) {
      expect(parseRulebookFile(text, 'p.a6').diagnostics.length, text).toBeGreaterThan(0);
    }
  });
});

describe('IncrementalParser', () => {
  it('gives the same result as a fresh parse after any sequence of edits', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ at: fc.nat(), remove: fc.nat({ max: 20 }), insert: fc.oneof(fragment, fc.string({ maxLength: 5 })) }), { maxLength: 6 }),
        (edits) => {
          const parser = new IncrementalParser('inc.a6');
          parser.setText(example);
          expect(parser.parse()).toEqual(parseRulebookFile(example, 'inc.a6'));
          let text = example;
          for (const edit of edits) {
            const start = edit.at % (text.length + 1);
            const end = Math.min(text.length, start + edit.remove);
            parser.applyEdit(start, end, edit.insert);
            text = text.slice(0, start) + edit.insert + text.slice(end);
            expect(parser.text).toBe(text);
            expect(parser.parse()).toEqual(parseRulebookFile(text, 'inc.a6'));
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('reuses unchanged declarations at their new offsets after edits that keep the file valid or broken', () => {
    const parser = new IncrementalParser('inc.a6');
    parser.setText(example);
    parser.parse();
    let text = example;
    const edit = (start: number, end: number, insert: string): void => {
      parser.applyEdit(start, end, insert);
      text = text.slice(0, start) + insert + text.slice(end);
      expect(parser.parse()).toEqual(parseRulebookFile(text, 'inc.a6'));
    };
    edit(0, 0, '// a new first line\n');
    const vintage = text.indexOf('2021\n');
    edit(vintage, vintage + 4, '2022');
    edit(vintage, vintage, ')');
    expect(parser.parse().diagnostics).toHaveLength(1);
    edit(0, 0, '\n\n');
    edit(vintage + 2, vintage + 3, '');
    expect(parser.parse().diagnostics).toEqual([]);
  });

  it('survives input nested too deeply to parse and parses normally afterwards', () => {
    const parser = new IncrementalParser('deep.a6');
    const deep = `rulebook a { let x = ${'('.repeat(5000)}1${')'.repeat(5000)} }`;
    parser.setText(deep);
    expect(parser.parse().diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.message])).toEqual([['dsl.too_deep', 'brackets are nested 5001 deep here; at most 64']]);
    parser.applyEdit(0, deep.length, example);
    expect(parser.parse()).toEqual(parseRulebookFile(example, 'deep.a6'));
  });

  it('refuses an edit outside the text', () => {
    const parser = new IncrementalParser('inc.a6');
    parser.setText('rulebook a {}');
    expect(() => parser.applyEdit(5, 100, '')).toThrow(RangeError);
    expect(() => parser.applyEdit(5, 4, '')).toThrow(RangeError);
  });
});
