import { describe, expect, it } from 'vitest';
import { checkProgram } from '../check/check-program.ts';
import { memorySourceHost } from '../program/source-host.ts';
import { TextPositions } from '../service/text-positions.ts';
import { LineIndex } from './line-index.ts';

// One rulebook, one unknown field on its third line, with each kind of line break.
const lines = ['rulebook r {', '  rule x on use {', '    require unit.vintge >= 2021', '  }', '}', ''];
const BREAKS = { lf: '\n', crlf: '\r\n', cr: '\r' } as const;
const mixed = lines[0] + '\r\n' + lines[1] + '\r' + lines.slice(2).join('\n');

function unknownFieldAt(text: string): { line: number; column: number } {
  const diagnostic = checkProgram(memorySourceHost({ 'r.a6': text }), ['r.a6']).diagnostics.find((d) => d.code === 'dsl.unknown_field');
  expect(diagnostic).toBeDefined();
  return diagnostic!.start;
}

describe('the one line index (lone CR, CRLF, LF and mixed files)', () => {
  const texts = { ...Object.fromEntries(Object.entries(BREAKS).map(([kind, eol]) => [kind, lines.join(eol)])), mixed };

  for (const [kind, text] of Object.entries(texts)) {
    it(`${kind}: diagnostics and LSP positions name the same line and column`, () => {
      const start = unknownFieldAt(text);
      expect(start).toEqual({ line: 3, column: 18 });
      const offset = text.indexOf('vintge');
      const lsp = new TextPositions(text).positionAt(offset);
      expect({ line: lsp.line + 1, column: lsp.character + 1 }).toEqual(start);
      expect(new LineIndex(text).position(offset)).toEqual(start);
    });
  }

  it('counts CRLF once and a lone CR as a break, and ends a line before its break', () => {
    const index = new LineIndex('a\r\nb\rc\nd');
    expect(index.lineCount).toBe(4);
    expect([0, 1, 2, 3].map((line) => index.lineStart(line))).toEqual([0, 3, 5, 7]);
    expect([0, 1, 2, 3].map((line) => index.lineEnd(line))).toEqual([1, 4, 6, 8]);
    expect(index.offsetOfLineColumn({ line: 2, column: 1 })).toBe(3);
    expect(index.position(5)).toEqual({ line: 3, column: 1 });
  });
});
