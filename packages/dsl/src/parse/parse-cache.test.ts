import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkProgram } from '../check/check-program.ts';
import { memorySourceHost } from '../program/source-host.ts';
import { ParseCache, changedRegion } from './parse-cache.ts';
import { parseRulebookFile } from './parse-rulebook-file.ts';

const BASE = `rulebook base {
  option adjustment.single_year = averaging
  rule vintage on first_transfer {
    require unit.vintage >= 2021 else "{unit.serial} is too old"
  }
}
`;

describe('changedRegion', () => {
  it('finds the single replacement between two texts', () => {
    expect(changedRegion('abcdef', 'abXYef')).toEqual({ start: 2, end: 4, insert: 'XY' });
    expect(changedRegion('abc', 'abc')).toEqual({ start: 3, end: 3, insert: '' });
    expect(changedRegion('aaa', 'aaaa')).toEqual({ start: 3, end: 3, insert: 'a' });
    expect(changedRegion('', 'x')).toEqual({ start: 0, end: 0, insert: 'x' });
  });

  it('applying the region to the old text gives the new text', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (before, after) => {
        const { start, end, insert } = changedRegion(before, after);
        expect(before.slice(0, start) + insert + before.slice(end)).toBe(after);
      }),
    );
  });
});

describe('ParseCache', () => {
  it('gives the same result as a fresh parse after each edit, and reuses an unchanged file', () => {
    const cache = new ParseCache();
    const first = cache.parse(BASE, 'base.a6');
    expect(cache.parse(BASE, 'base.a6')).toBe(first);
    const edits = [
      BASE.replace('2021', '2022'),
      BASE.replace('unit.vintage', 'unit.vintge'),
      BASE.replace('rule vintage', 'rule vintage_check'),
      BASE.replace('{\n  option', '{\n  option broken = \n  option'),
      BASE,
    ];
    for (const text of edits) {
      expect(cache.parse(text, 'base.a6')).toEqual(parseRulebookFile(text, 'base.a6'));
    }
  });

  it('gives imports and members the spans of a fresh parse, whatever whitespace and comments follow them', () => {
    // Regression: an import parsed as a piece used to span its trailing blank lines (folding was off).
    const text = 'import "a.a6"  // x\n\nimport "b.a6"\n/* a\n b */\nrulebook r extends a "t" { // c\n  cite "x"  \n\n  // between\n  option a64.itmo = separate // trailing\n  levy sop 5% on issuance to af\n\n  rule x on use {\n    require true // q\n  }  \n  let y = 1\n\n}\n\n// end\n';
    expect(new ParseCache().parse(text, 'm.a6')).toEqual(parseRulebookFile(text, 'm.a6'));
  });

  it('keeps at most its capacity of parsers and still parses evicted files correctly', () => {
    const cache = new ParseCache(2);
    for (const path of ['a.a6', 'b.a6', 'c.a6', 'a.a6']) {
      expect(cache.parse(BASE, path)).toEqual(parseRulebookFile(BASE, path));
    }
  });

  it('lets checkProgram re-check an edited program with the same diagnostics as a cold check', () => {
    const cache = new ParseCache();
    const files = { 'base.a6': BASE, 'child.a6': 'import "base.a6"\nrulebook child extends base {\n  rule x on use { require unit.vintage > 1 }\n}\n' };
    checkProgram(memorySourceHost(files), ['child.a6'], { parse: cache.parse });
    const edited = { ...files, 'child.a6': files['child.a6'].replace('unit.vintage > 1', 'unit.vintge > 1') };
    const warm = checkProgram(memorySourceHost(edited), ['child.a6'], { parse: cache.parse });
    const cold = checkProgram(memorySourceHost(edited), ['child.a6']);
    expect(warm.diagnostics).toEqual(cold.diagnostics);
    expect(warm.diagnostics.map((d) => d.code)).toEqual(['dsl.unknown_field']);
  });
});
