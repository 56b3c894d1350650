import { describe, expect, it } from 'vitest';
import { DefaultLanguageService } from './default-language-service.ts';

describe('folding ranges', () => {
  it('folds rulebooks, multi-line rules, block comments, comment runs and imports', () => {
    const text = [
      'import "a.a6"', // 0
      'import "b.a6"', // 1
      '// first line of a header', // 2
      '// second line', // 3
      'rulebook main {', // 4
      '  /* a block', // 5
      '     comment */', // 6
      '  rule one_line on use { require true }', // 7
      '  rule x on use {', // 8
      '    require true', // 9
      '    expect true', // 10
      '  }', // 11
      '}', // 12
    ].join('\n');
    const service = new DefaultLanguageService({ read: (path) => (path === 'a.a6' || path === 'b.a6' ? 'rulebook ' + path[0] + ' {}' : undefined) });
    service.documents.set('main.a6', text);
    expect(service.foldingRanges('main.a6')).toEqual([
      { startLine: 0, endLine: 1, kind: 'imports' },
      { startLine: 2, endLine: 3, kind: 'comment' },
      { startLine: 4, endLine: 11 },
      { startLine: 5, endLine: 6, kind: 'comment' },
      { startLine: 8, endLine: 10 },
    ]);
  });
});
