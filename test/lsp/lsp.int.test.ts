import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnLspServer, type LspSession } from '../../packages/editor/src/lsp/lsp-client.test-support.ts';

/**
 * `a6 lsp` end to end: the server runs in its own process and is driven over stdio by an LSP client,
 * as an editor would. The workspace is a temporary folder: `base.a6` stays on disk (never opened), so
 * imports, references and rename have to reach the disk through the server's host.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SERVER = ['--import', 'tsx', 'packages/editor/src/lsp/main.ts'];

const BASE = 'rulebook base "the base" {\n  let cutoff = 2021\n  rule vintage on use { require unit.vintage >= cutoff }\n}\n';
const MAIN_ON_DISK = 'import "base.a6"\nrulebook child extends base {}\n';
// Unsaved text that differs from the disk: an unknown field, and a `remove` naming the base's rule.
const MAIN_OPEN = 'import "base.a6"\nrulebook child extends base {\n  remove rule vintage\n  rule own on use { require unit.vintge >= 2021 }\n}\n';

let workspace: string;
let session: LspSession;
let mainUri: string;
let baseUri: string;

beforeAll(async () => {
  workspace = mkdtempSync(join(tmpdir(), 'a6-lsp-'));
  writeFileSync(join(workspace, 'base.a6'), BASE);
  writeFileSync(join(workspace, 'main.a6'), MAIN_ON_DISK);
  mainUri = pathToFileURL(join(workspace, 'main.a6')).href;
  baseUri = pathToFileURL(join(workspace, 'base.a6')).href;
  session = spawnLspServer(process.execPath, SERVER, ROOT);
  const result = await session.connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(workspace).href,
    capabilities: {},
    workspaceFolders: [{ uri: pathToFileURL(workspace).href, name: 'rulebooks' }],
  });
  expect(result).toMatchObject({ capabilities: { hoverProvider: true, renameProvider: { prepareProvider: true } } });
  await session.connection.sendNotification('initialized', {});
});

afterAll(() => {
  if (session && session.child.exitCode === null) session.child.kill();
  if (workspace) rmSync(workspace, { recursive: true, force: true });
});

const position = (text: string, marker: string, delta = 0) => {
  const offset = text.indexOf(marker) + delta;
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1]!.length };
};

describe('a6 lsp over stdio', () => {
  it('pushes the diagnostics of the unsaved text, with their codes', async () => {
    const diagnostics = session.nextDiagnostics(mainUri);
    await session.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: mainUri, languageId: 'a6', version: 1, text: MAIN_OPEN },
    });
    const published = await diagnostics;
    expect(published.version).toBe(1);
    expect(published.diagnostics.map((d) => ({ code: d.code, line: d.range.start.line, message: d.message }))).toMatchInlineSnapshot(`
      [
        {
          "code": "dsl.unknown_field",
          "line": 3,
          "message": "unit has no field 'vintge' (did you mean 'vintage'?)",
        },
      ]
    `);
  });

  it('follows incremental edits', async () => {
    const fixed = session.nextDiagnostics(mainUri, (params) => params.version === 2);
    const at = position(MAIN_OPEN, 'vintge');
    await session.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: mainUri, version: 2 },
      contentChanges: [{ range: { start: at, end: { line: at.line, character: at.character + 'vintge'.length } }, text: 'vintage' }],
    });
    expect((await fixed).diagnostics).toEqual([]);
  });

  it('completes the fields of unit', async () => {
    const text = MAIN_OPEN.replace('vintge', 'vintage');
    const items = (await session.connection.sendRequest('textDocument/completion', {
      textDocument: { uri: mainUri },
      position: position(text, 'unit.', 'unit.'.length),
    })) as { label: string; kind: number; detail?: string }[];
    expect(items.map((item) => item.label)).toContain('vintage');
    expect(items.find((item) => item.label === 'vintage')).toMatchObject({ kind: 5, detail: 'number' });
  });

  it('hovers an inherited rule named in remove, read from the file on disk', async () => {
    const text = MAIN_OPEN.replace('vintge', 'vintage');
    const hover = (await session.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: mainUri },
      position: position(text, 'remove rule vintage', 'remove rule vi'.length),
    })) as { contents: { kind: string; value: string }; range: unknown };
    expect(hover.contents.kind).toBe('markdown');
    expect(hover.contents.value).toContain('rule vintage on use');
    expect(hover.contents.value).toContain('base.a6');
  });

  it('goes to the definition in the file on disk', async () => {
    const text = MAIN_OPEN.replace('vintge', 'vintage');
    const found = await session.connection.sendRequest('textDocument/definition', {
      textDocument: { uri: mainUri },
      position: position(text, 'extends base', 'extends b'.length),
    });
    expect(found).toEqual([{ uri: baseUri, range: { start: { line: 0, character: 9 }, end: { line: 0, character: 13 } } }]);
  });

  it('renames across the open file and the file on disk, and refuses keywords', async () => {
    const text = MAIN_OPEN.replace('vintge', 'vintage');
    const edit = (await session.connection.sendRequest('textDocument/rename', {
      textDocument: { uri: mainUri },
      position: position(text, 'remove rule vintage', 'remove rule vi'.length),
      newName: 'vintage_2021',
    })) as { changes: Record<string, { range: { start: { line: number; character: number } }; newText: string }[]> };
    const summary = Object.entries(edit.changes).map(([uri, edits]) => [uri === mainUri ? 'main' : uri === baseUri ? 'base' : uri, edits.map((e) => `${e.range.start.line}:${e.range.start.character} ${e.newText}`)]);
    expect(Object.fromEntries(summary)).toEqual({ base: ['2:7 vintage_2021'], main: ['2:14 vintage_2021'] });
    await expect(
      session.connection.sendRequest('textDocument/rename', {
        textDocument: { uri: mainUri },
        position: position(text, 'remove rule vintage', 'remove rule vi'.length),
        newName: 'where',
      }),
    ).rejects.toThrow(/keyword/);
  });

  it('answers symbols, folding, semantic tokens, quick fixes and formatting', async () => {
    const symbols = (await session.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: mainUri } })) as { name: string; children?: { name: string }[] }[];
    expect(symbols.map((symbol) => [symbol.name, (symbol.children ?? []).map((child) => child.name)])).toEqual([['base.a6', []], ['child', ['own']]]);
    const folds = await session.connection.sendRequest('textDocument/foldingRange', { textDocument: { uri: mainUri } });
    expect(folds).toEqual([{ startLine: 1, endLine: 3 }]);
    const tokens = (await session.connection.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri: mainUri } })) as { data: number[] };
    expect(tokens.data.length % 5).toBe(0);
    expect(tokens.data.length).toBeGreaterThan(5 * 10);

    const broken = session.nextDiagnostics(mainUri, (params) => params.version === 3);
    await session.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: mainUri, version: 3 },
      contentChanges: [{ text: 'rulebook a {\n  rule r on use {require unit.vintge>=2021}\n}\n' }],
    });
    const diagnostics = (await broken).diagnostics;
    const actions = (await session.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: mainUri },
      range: diagnostics[0]!.range,
      context: { diagnostics },
    })) as { title: string; edit: { changes: Record<string, { newText: string }[]> } }[];
    expect(actions.map((action) => action.title)).toEqual(["Change to 'vintage'"]);
    expect(actions[0]!.edit.changes[mainUri]![0]!.newText).toBe('vintage');
    const formatting = (await session.connection.sendRequest('textDocument/formatting', {
      textDocument: { uri: mainUri },
      options: { tabSize: 2, insertSpaces: true },
    })) as { newText: string }[];
    expect(formatting).toHaveLength(1);
  });

  it('shuts down and exits cleanly', async () => {
    await session.connection.sendRequest('shutdown');
    await session.connection.sendNotification('exit');
    expect(await session.exited).toBe(0);
  });
});
