import { describe, expect, it } from 'vitest';
import { importedPaths } from './imported-paths.ts';

describe('importedPaths', () => {
  it('finds the files a rulebook imports, resolved against its folder', () => {
    expect(importedPaths('within-ndc-only.a6', '// seed paper 2(a)\nimport "glasgow-2021.a6"\n\nrulebook x extends glasgow_2021 {\n}\n')).toEqual(['glasgow-2021.a6']);
    expect(importedPaths('lib/child.a6', 'import "base.a6"\n  import "../shared.a6"\nimport "base.a6"\nrulebook c {\n}\n')).toEqual(['lib/base.a6', 'shared.a6']);
    expect(importedPaths('a.a6', 'rulebook a "mentions import \\"b.a6\\" in a title" {\n}\n')).toEqual([]);
  });
});
