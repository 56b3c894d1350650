import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runA6 as a6 } from '../run-a6.test-support.ts';

const MESSY = 'rulebook   r {option a64.itmo=separate\n rule x on use{require  (unit.vintage>=2021)}}\n';
const CANONICAL = 'rulebook r {\n  option a64.itmo = separate\n\n  rule x on use {\n    require unit.vintage >= 2021\n  }\n}\n';
const BROKEN = 'rulebook b {\n  rule x on payment { require true }\n}\n';

let workspace = '';
const originalCwd = process.cwd();

beforeEach(() => {
  workspace = mkdtempSync(join(tmpdir(), 'a6-fmt-'));
  writeFileSync(join(workspace, 'messy.a6'), MESSY);
  writeFileSync(join(workspace, 'canonical.a6'), CANONICAL);
  writeFileSync(join(workspace, 'broken.a6'), BROKEN);
  process.chdir(workspace);
});

afterEach(() => {
  process.chdir(originalCwd);
  rmSync(workspace, { recursive: true, force: true });
});

const read = (file: string): string => readFileSync(join(workspace, file), 'utf8');

describe('a6 fmt', () => {
  it('formats files in place, names the changed ones on stderr and leaves canonical files untouched', async () => {
    const before = statSync(join(workspace, 'canonical.a6')).mtimeMs;
    expect(await a6(['fmt', 'messy.a6', 'canonical.a6'])).toEqual({ exitCode: 0, stdout: '', stderr: 'messy.a6\n' });
    expect(read('messy.a6')).toBe(CANONICAL);
    expect(statSync(join(workspace, 'canonical.a6')).mtimeMs).toBe(before);
  });

  it('prints {"files": [{file, changed}]} with --json', async () => {
    const result = await a6(['fmt', '--json', 'messy.a6', 'canonical.a6']);
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      files: [
        { file: 'messy.a6', changed: true },
        { file: 'canonical.a6', changed: false },
      ],
    });
  });

  it('--check writes nothing and exits 1 naming the files that would change', async () => {
    expect(await a6(['fmt', '--check', 'messy.a6', 'canonical.a6'])).toEqual({ exitCode: 1, stdout: '', stderr: 'messy.a6\n' });
    expect(read('messy.a6')).toBe(MESSY);
    expect(await a6(['fmt', '--check', 'canonical.a6'])).toEqual({ exitCode: 0, stdout: '', stderr: '' });
    const json = await a6(['fmt', '--check', '--json', 'messy.a6']);
    expect(JSON.parse(json.stdout)).toMatchInlineSnapshot(`
      {
        "error": {
          "code": "fmt.unformatted",
          "details": {
            "files": [
              {
                "changed": true,
                "file": "messy.a6",
              },
            ],
          },
          "message": "1 file would be reformatted",
        },
      }
    `);
  });

  it('reports syntax errors as diagnostics, writes nothing and exits 1', async () => {
    const result = await a6(['fmt', 'messy.a6', 'broken.a6']);
    expect(result).toEqual({
      exitCode: 1,
      stdout: '',
      stderr: 'broken.a6:2:13: error[dsl.syntax]: expected a trigger\n',
    });
    expect(read('messy.a6')).toBe(MESSY);
    const json = await a6(['fmt', '--json', 'broken.a6']);
    expect(JSON.parse(json.stdout)).toMatchInlineSnapshot(`
      {
        "error": {
          "code": "dsl.syntax",
          "details": {
            "diagnostics": [
              {
                "code": "dsl.syntax",
                "end": {
                  "column": 20,
                  "line": 2,
                },
                "file": "broken.a6",
                "message": "expected a trigger",
                "severity": "error",
                "span": {
                  "end": 32,
                  "start": 25,
                },
                "start": {
                  "column": 13,
                  "line": 2,
                },
              },
            ],
          },
          "message": "1 syntax error in 1 file; nothing was formatted",
        },
      }
    `);
  });

  it('reports an unreadable file', async () => {
    const result = await a6(['fmt', '--json', 'missing.a6']);
    expect(result.exitCode).toBe(1);
    expect(JSON.parse(result.stdout).error.code).toBe('fmt.unreadable');
  });
});
