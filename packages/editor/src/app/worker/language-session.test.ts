import { describe, expect, it, vi } from 'vitest';
// The real parser, checker and formatter, imported from their folders because `@a6/dsl`'s index does
// not re-export them yet; the worker finds them through the same `createDslBackend` seam either way.
import { checkProgram } from '../../../../dsl/src/check/index.ts';
import { formatRulebookFile } from '../../../../dsl/src/format/index.ts';
import { IncrementalParser } from '../../../../dsl/src/parse/index.ts';
import { memorySourceHost } from '../../../../dsl/src/program/source-host.ts';
import { DiagnosticsScheduler } from './diagnostics-scheduler.ts';
import { createDslBackend } from './dsl-backend.ts';
import { LanguageSession, isLanguageFeatureUnavailable } from './language-session.ts';
import type { FileDiagnostics } from './protocol.ts';

const language = { IncrementalParser, checkProgram, memorySourceHost, formatRulebookFile };

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

describe('createDslBackend', () => {
  it('reports each missing piece of the language with its reason', () => {
    const backend = createDslBackend({});
    expect(backend.capabilities.syntax).toMatchInlineSnapshot(`
      {
        "available": false,
        "reason": "the parser (IncrementalParser) is not available yet: @a6/dsl does not export it in this build",
      }
    `);
    expect(backend.capabilities.checking.available).toBe(false);
    expect(backend.capabilities.services.format.available).toBe(false);
    expect(backend.createParser).toBeUndefined();
    expect(backend.check).toBeUndefined();
  });

  it('plugs in the parser, the checker and the formatter when the module exports them', () => {
    const { capabilities } = createDslBackend(language);
    expect(capabilities.syntax.available).toBe(true);
    expect(capabilities.checking.available).toBe(true);
    expect(capabilities.services.format.available).toBe(true);
    expect(capabilities.services.hover).toEqual({
      available: false,
      reason: "the language service's hover is not available yet: @a6/dsl does not export it in this build",
    });
  });
});

describe('LanguageSession', () => {
  it('reports syntax errors for the version that has them, and re-parses only changed files', () => {
    const session = new LanguageSession(createDslBackend(language));
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
    const session = new LanguageSession(createDslBackend(language));
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
    const session = new LanguageSession(createDslBackend(language));
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

  it('formats a file as one whole-document edit, and refuses to serve what the backend lacks', () => {
    const session = new LanguageSession(createDslBackend(language));
    const messy = 'rulebook   messy{\n option a64.itmo=separate }\n';
    session.open('messy.a6', messy, 1);
    const edits = session.request('format', { path: 'messy.a6' });
    expect(edits).toHaveLength(1);
    expect(edits[0]!.range).toEqual({ start: { line: 1, column: 1 }, end: { line: 3, column: 1 } });
    const formatted = formatRulebookFile(messy, 'messy.a6');
    if (!formatted.ok) throw new Error('the formatter refused a valid file');
    expect(edits[0]!.newText).toBe(formatted.text);
    expect(formatted.text).not.toBe(messy);
    session.open('formatted.a6', formatted.text, 1);
    expect(session.request('format', { path: 'formatted.a6' })).toEqual([]);

    let failure: unknown;
    try {
      session.request('hover', { path: 'messy.a6', position: { line: 1, column: 1 } });
    } catch (error) {
      failure = error;
    }
    expect(isLanguageFeatureUnavailable(failure)).toBe(true);
    expect((failure as Error).message).toContain("the language service's hover is not available yet");
  });

  it('without a parser or checker, produces no diagnostics instead of pretending the file is clean', () => {
    const session = new LanguageSession(createDslBackend({}));
    session.open('base.a6', 'rulebook {', 1);
    expect(session.syntaxPass()).toEqual([]);
    expect(session.checkPass()).toBeNull();
  });
});

describe('DiagnosticsScheduler', () => {
  it('publishes once after edits go quiet: syntax first, then the checker', () => {
    vi.useFakeTimers();
    try {
      const session = new LanguageSession(createDslBackend(language));
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
      const session = new LanguageSession(createDslBackend(language));
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
