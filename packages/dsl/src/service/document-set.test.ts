import { describe, expect, it } from 'vitest';
import { DefaultLanguageService } from './default-language-service.ts';
import { DocumentSet } from './document-set.ts';
import { TextPositions } from './text-positions.ts';

describe('DocumentSet', () => {
  it('lets unsaved text win over the host and falls back to the host for the rest', () => {
    const documents = new DocumentSet({ read: (path) => (path === 'base.a6' ? 'on disk' : path === 'main.a6' ? 'old' : undefined) });
    documents.set('main.a6', 'unsaved', 3);
    expect(documents.read('main.a6')).toBe('unsaved');
    expect(documents.read('base.a6')).toBe('on disk');
    documents.close('main.a6');
    expect(documents.read('main.a6')).toBe('old');
  });

  it('applies incremental changes in order and bumps the version and generation', () => {
    const documents = new DocumentSet();
    documents.set('a.a6', 'rulebook a {}', 1);
    const generation = documents.generation;
    documents.change('a.a6', [
      { start: 9, end: 10, text: 'main' },
      { start: 0, end: 0, text: '// x\n' },
    ]);
    expect(documents.get('a.a6')).toEqual({ path: 'a.a6', text: '// x\nrulebook main {}', version: 2 });
    expect(documents.generation).toBeGreaterThan(generation);
    const same = documents.generation;
    documents.set('a.a6', '// x\nrulebook main {}', 2);
    expect(documents.generation).toBe(same);
  });

  it('checks the entry files plus those the host lists, once per generation', () => {
    let reads = 0;
    const service = new DefaultLanguageService({
      read: (path) => {
        reads++;
        return path === 'other.a6' ? 'import "main.a6"\nrulebook other extends main {}' : undefined;
      },
      listFiles: () => ['other.a6'],
    });
    service.documents.set('main.a6', 'rulebook main { rule r on use { require true } }');
    expect(service.diagnostics('other.a6')).toEqual([]);
    const afterFirst = reads;
    service.hover('main.a6', 10);
    service.completion('main.a6', 10);
    expect(reads).toBe(afterFirst);
    expect(service.snapshot()).toBe(service.snapshot());
    service.documents.set('main.a6', 'rulebook renamed {}');
    expect(service.diagnostics('other.a6').map((d) => d.code)).toEqual(['dsl.unknown_parent']);
  });
});

describe('TextPositions', () => {
  it('converts offsets to LSP (0-based) and Monaco (1-based) positions in UTF-16 units, and back', () => {
    const text = 'ab\r\n\u{1F600}x\ny';
    const positions = new TextPositions(text);
    expect(positions.positionAt(5)).toEqual({ line: 1, character: 1 });
    expect(positions.positionAt(6)).toEqual({ line: 1, character: 2 });
    expect(positions.lineColumnAt(6)).toEqual({ line: 2, column: 3 });
    expect(positions.offsetAt({ line: 1, character: 2 })).toBe(6);
    expect(positions.offsetOfLineColumn({ line: 3, column: 1 })).toBe(8);
    expect(positions.lineColumnRangeOf({ start: 4, end: 8 })).toEqual({ start: { line: 2, column: 1 }, end: { line: 3, column: 1 } });
    // Past the end of a line is the line end; past the last line is the text end.
    expect(positions.offsetAt({ line: 0, character: 99 })).toBe(2);
    expect(positions.offsetAt({ line: 9, character: 0 })).toBe(text.length);
    expect(positions.spanOf({ start: { line: 0, character: 1 }, end: { line: 1, character: 0 } })).toEqual({ start: 1, end: 4 });
  });
});
