import { describe, expect, it, vi } from 'vitest';
import { DiagnosticsScheduler } from './diagnostics-scheduler.ts';
import { createDslBackend } from './dsl-backend.ts';
import { LanguageSession } from './language-session.ts';
import type { FileDiagnostics } from './protocol.ts';

const BASE = `rulebook base "a base" {
  rule vintage_2021 on first_transfer {
    require unit.vintage >= 2021
  }
}
`;

const CHILD = `import "base.a6"

rulebook child extends base {
  option adjustment.transferor = on_use
}
`;

const codes = (results: readonly FileDiagnostics[], path: string) =>
  results.find((result) => result.path === path)?.diagnostics.map((diagnostic) => diagnostic.code);

describe('LanguageSession', () => {
  it('reports syntax errors for the version that has them, and re-parses only changed files', () => {
    const session = new LanguageSession(createDslBackend());
    session.open('base.a6', BASE, 1);
    session.open('child.a6', CHILD, 1);
    expect(session.syntaxPass().map((result) => [result.path, result.version, result.diagnostics.length])).toEqual([
      ['base.a6', 1, 0],
      ['child.a6', 1, 0],
    ]);

    const trigger = BASE.indexOf('first_transfer');
    session.edit('base.a6', [{ offset: trigger, length: 'first_transfer'.length, text: 'first_transfr' }], 2);
    const second = session.syntaxPass();
    expect(second.map((result) => [result.path, result.version])).toEqual([['base.a6', 2]]);
    expect(codes(second, 'base.a6')).toEqual(['dsl.syntax']);
    expect(session.syntaxPass()).toEqual([]);
  });

  it("applies one event's changes against the text before the event", () => {
    const session = new LanguageSession(createDslBackend());
    session.open('base.a6', BASE, 1);
    const rule = BASE.indexOf('vintage_2021');
    const year = BASE.indexOf('2021\n');
    // Monaco lists a multi-cursor edit's changes with offsets into the old text.
    session.edit('base.a6', [
      { offset: year, length: 4, text: '2013' },
      { offset: rule, length: 'vintage_2021'.length, text: 'vintage_from_2013' },
    ], 2);
    expect(session.text('base.a6')).toBe(BASE.replace('2021\n', '2013\n').replace('vintage_2021', 'vintage_from_2013'));
    expect(codes(session.syntaxPass(), 'base.a6')).toEqual([]);
  });

  it('checks every open file as one program, so imports and extends resolve across them', () => {
    const session = new LanguageSession(createDslBackend());
    session.open('base.a6', BASE, 1);
    session.open('child.a6', CHILD, 3);
    const clean = session.checkPass()!;
    expect(clean.map((result) => [result.path, result.version, result.diagnostics.length])).toEqual([
      ['base.a6', 1, 0],
      ['child.a6', 3, 0],
    ]);

    const field = BASE.indexOf('vintage >=');
    session.edit('base.a6', [{ offset: field, length: 'vintage'.length, text: 'vintge' }], 2);
    const broken = session.checkPass()!;
    expect(codes(broken, 'child.a6')).toEqual([]);
    const [diagnostic] = broken.find((result) => result.path === 'base.a6')!.diagnostics;
    expect(diagnostic).toMatchInlineSnapshot(`
      {
        "code": "dsl.unknown_field",
        "data": {
          "kind": "replace",
          "suggestions": [
            "vintage",
          ],
        },
        "end": {
          "column": 24,
          "line": 3,
        },
        "file": "base.a6",
        "message": "unit has no field 'vintge' (did you mean 'vintage'?)",
        "severity": "error",
        "span": {
          "end": 88,
          "start": 82,
        },
        "start": {
          "column": 18,
          "line": 3,
        },
      }
    `);

    session.close('base.a6');
    expect(codes(session.checkPass()!, 'child.a6')).toContain('dsl.import_not_found');
  });

});

describe('DiagnosticsScheduler', () => {
  it('publishes once after edits go quiet: syntax first, then the checker', () => {
    vi.useFakeTimers();
    try {
      const session = new LanguageSession(createDslBackend());
      const published: FileDiagnostics[][] = [];
      const scheduler = new DiagnosticsScheduler(session, (files) => published.push([...files]), 150, () => 0);
      session.open('base.a6', BASE, 1);
      scheduler.changed();
      session.edit('base.a6', [{ offset: 0, length: 0, text: '// note\n' }], 2);
      scheduler.changed();
      vi.advanceTimersByTime(149);
      expect(published).toEqual([]);
      vi.advanceTimersByTime(1);
      expect(published.map((files) => files.map((file) => file.version))).toEqual([[2]]);
      vi.advanceTimersByTime(1);
      expect(published).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('drops the checker pass when an edit arrives between the two passes', () => {
    vi.useFakeTimers();
    try {
      const session = new LanguageSession(createDslBackend());
      const published: FileDiagnostics[][] = [];
      const scheduler = new DiagnosticsScheduler(session, (files) => published.push([...files]), 150, () => 0);
      session.open('base.a6', BASE, 1);
      scheduler.changed();
      vi.advanceTimersByTime(150); // syntax pass for version 1
      session.edit('base.a6', [{ offset: 0, length: 0, text: ' ' }], 2);
      scheduler.changed();
      vi.advanceTimersByTime(1); // the check of version 1 would run now: it must not
      expect(published.map((files) => files.map((file) => file.version))).toEqual([[1]]);
      vi.advanceTimersByTime(150);
      vi.advanceTimersByTime(1);
      expect(published.map((files) => files.map((file) => file.version))).toEqual([[1], [2], [2]]);
    } finally {
      vi.useRealTimers();
    }
  });
});

/** `<|>` marks the cursor; returns the text without it and the 1-based position. */
function marked(source: string): { text: string; position: { line: number; column: number } } {
  const at = source.indexOf('<|>');
  const before = source.slice(0, at);
  const lines = before.split('\n');
  return { text: before + source.slice(at + 3), position: { line: lines.length, column: lines.at(-1)!.length + 1 } };
}

describe('the language service through the worker (createDslBackend with @a6/dsl)', () => {
  const open = (files: Record<string, string>) => {
    const session = new LanguageSession(createDslBackend());
    for (const [path, text] of Object.entries(files)) session.open(path, text, 1);
    return session;
  };

  it('completes a unit field after `unit.`, replacing the word being typed', () => {
    const { text, position } = marked('rulebook r {\n  rule x on transfer {\n    require unit.vin<|>\n  }\n}\n');
    const entries = open({ 'r.a6': text }).request('completion', { path: 'r.a6', position });
    const vintage = entries.find((entry) => entry.label === 'vintage');
    expect(vintage).toMatchObject({ kind: 'field', range: { start: { line: 3, column: 18 }, end: { line: 3, column: 21 } } });
  });

  it('hovers a field with its documentation', () => {
    const { text, position } = marked('rulebook r {\n  rule x on transfer {\n    require unit.vint<|>age >= 2021\n  }\n}\n');
    const hover = open({ 'r.a6': text }).request('hover', { path: 'r.a6', position });
    expect(hover?.contents).toMatch(/vintage/);
    expect(hover?.range).toEqual({ start: { line: 3, column: 18 }, end: { line: 3, column: 25 } });
  });

  it('renames a rulebook in both files, and finds the definition across the import', () => {
    const session = open({ 'base.a6': BASE, 'child.a6': CHILD });
    const at = { line: 3, column: 'rulebook child extends ba'.length };
    expect(session.request('definition', { path: 'child.a6', position: at })).toEqual([
      { path: 'base.a6', range: { start: { line: 1, column: 10 }, end: { line: 1, column: 14 } } },
    ]);
    expect(session.request('prepareRename', { path: 'child.a6', position: at })).toMatchObject({ ok: true, placeholder: 'base' });
    const renamed = session.request('rename', { path: 'child.a6', position: at, newName: 'foundation' });
    expect(renamed.ok && renamed.edits.map((file) => [file.path, file.edits.map((edit) => edit.newText)])).toEqual([
      ['base.a6', ['foundation']],
      ['child.a6', ['foundation']],
    ]);
    expect(session.request('rename', { path: 'child.a6', position: at, newName: 'rule' })).toMatchObject({ ok: false });
  });

  it('outlines a file with 1-based ranges and folds its blocks', () => {
    const session = open({ 'base.a6': BASE });
    const [rulebook] = session.request('documentSymbols', { path: 'base.a6' });
    expect(rulebook).toMatchObject({ name: 'base', kind: 'rulebook', selectionRange: { start: { line: 1, column: 10 } } });
    expect(rulebook!.children?.map((child) => [child.kind, child.name, child.selectionRange.start.line])).toEqual([['rule', 'vintage_2021', 2]]);
    expect(session.request('foldingRanges', { path: 'base.a6' })).toContainEqual(expect.objectContaining({ startLine: 1 }));
  });

  it('resolves imports from library files without checking them as entries', () => {
    const session = new LanguageSession(createDslBackend());
    session.open('child.a6', CHILD, 1);
    expect(codes(session.checkPass()!, 'child.a6')).toContain('dsl.import_not_found');
    session.setLibraryFile('base.a6', BASE.replace('vintage >=', 'vintge >='));
    const checked = session.checkPass()!;
    // Only the open file is reported on; the library file's own error is its own business.
    expect(checked.map((result) => [result.path, result.diagnostics.length])).toEqual([['child.a6', 0]]);
  });

  it('leaves a file that is already as `a6 fmt` lays it out alone', () => {
    const formatted = 'rulebook messy {\n  option a64.itmo = separate\n}\n';
    expect(open({ 'formatted.a6': formatted }).request('format', { path: 'formatted.a6' })).toEqual([]);
  });

  it('formats with one minimal edit and encodes semantic tokens in fives', () => {
    const session = open({ 'messy.a6': 'rulebook   messy {\n  option a64.itmo = separate\n}\n' });
    const [edit] = session.request('format', { path: 'messy.a6' });
    // Two of the three spaces go: the edit touches nothing else (the cursor and folds stay put).
    expect(edit).toEqual({ range: { start: { line: 1, column: 10 }, end: { line: 1, column: 12 } }, newText: '' });
    const tokens = session.request('semanticTokens', { path: 'messy.a6' });
    expect(tokens.data.length % 5).toBe(0);
    expect(tokens.data.length).toBeGreaterThan(0);
  });
});
