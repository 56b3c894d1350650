import { describe, expect, it } from 'vitest';
import { relativePath } from './relative-path.ts';
import { normalizePath, resolveImportPath } from './resolve-import-path.ts';

describe('resolveImportPath', () => {
  it.each([
    ['main.a6', 'base.a6', 'base.a6'],
    ['main.a6', './lib/base.a6', 'lib/base.a6'],
    ['rulebooks/main.a6', 'base.a6', 'rulebooks/base.a6'],
    ['rulebooks/main.a6', '../lib/base.a6', 'lib/base.a6'],
    ['a/b/c.a6', '../../x.a6', 'x.a6'],
    ['main.a6', '../outside.a6', '../outside.a6'],
    ['/abs/main.a6', 'lib//base.a6', '/abs/lib/base.a6'],
    ['/abs/main.a6', '/etc/other.a6', '/etc/other.a6'],
    ['/main.a6', '../x.a6', '/x.a6'],
  ])('%s imports %s → %s', (from, spec, expected) => {
    expect(resolveImportPath(from, spec)).toBe(expected);
  });

  it('normalizes . and .. segments', () => {
    expect(normalizePath('./a/./b/../c.a6')).toBe('a/c.a6');
    expect(normalizePath('../../a.a6')).toBe('../../a.a6');
    expect(normalizePath('a/..')).toBe('.');
  });
});

describe('relativePath (files relative to the entry file, docs/reports.md)', () => {
  it.each([
    ['main.a6', 'main.a6', 'main.a6'],
    ['rulebooks/main.a6', 'rulebooks/main.a6', 'main.a6'],
    ['rulebooks/main.a6', 'rulebooks/lib/base.a6', 'lib/base.a6'],
    ['rulebooks/main.a6', 'lib/base.a6', '../lib/base.a6'],
    ['a/b/main.a6', 'a/c/d.a6', '../c/d.a6'],
    ['/w/main.a6', '/w/x/y.a6', 'x/y.a6'],
  ])('from %s, %s is %s', (from, target, expected) => {
    expect(relativePath(from, target)).toBe(expected);
  });
});
