import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadProgram } from './load-program.ts';
import { memorySourceHost, type SourceHost } from './source-host.ts';

describe('loadProgram', () => {
  it('reads every imported file once, through the host, in depth-first order', () => {
    const reads: string[] = [];
    const files: Record<string, string> = {
      'main.a6': 'import "lib/a.a6"\nimport "lib/b.a6"\nrulebook main {}',
      'lib/a.a6': 'import "b.a6"\nrulebook a {}',
      'lib/b.a6': 'rulebook b {}',
    };
    const host: SourceHost = { read: (path) => (reads.push(path), files[path]) };
    const program = loadProgram(host, ['main.a6']);
    expect([...program.files.keys()]).toEqual(['main.a6', 'lib/a.a6', 'lib/b.a6']);
    expect(reads.sort()).toEqual(['lib/a.a6', 'lib/b.a6', 'main.a6']);
    expect(program.diagnostics).toEqual([]);
    expect(program.files.get('lib/b.a6')!.sha256).toBe(createHash('sha256').update(files['lib/b.a6']!).digest('hex'));
    expect(program.files.get('main.a6')!.imports.map((entry) => [entry.path, entry.found])).toEqual([
      ['lib/a.a6', true],
      ['lib/b.a6', true],
    ]);
  });

  it('keeps loading after a missing import and reports syntax errors of every file', () => {
    const program = loadProgram(
      memorySourceHost({ 'main.a6': 'import "gone.a6"\nimport "bad.a6"\nrulebook main {}', 'bad.a6': 'rulebook {' }),
      ['main.a6'],
    );
    expect(program.diagnostics.map((d) => `${d.file} ${d.code}`)).toEqual(expect.arrayContaining(['main.a6 dsl.import_not_found', 'bad.a6 dsl.syntax']));
  });

  it('loads several entries, sharing the files they both import', () => {
    const program = loadProgram(
      memorySourceHost({ 'a.a6': 'import "c.a6"\nrulebook a {}', 'b.a6': 'import "c.a6"\nrulebook b {}', 'c.a6': 'rulebook c {}' }),
      ['a.a6', 'b.a6'],
    );
    expect([...program.files.keys()]).toEqual(['a.a6', 'c.a6', 'b.a6']);
  });
});
