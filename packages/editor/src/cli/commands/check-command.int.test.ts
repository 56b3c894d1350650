import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runA6 as a6 } from '../run-a6.test-support.ts';

let workspace = '';
const originalCwd = process.cwd();

beforeAll(() => {
  workspace = mkdtempSync(join(tmpdir(), 'a6-check-'));
  mkdirSync(join(workspace, 'lib'));
  writeFileSync(join(workspace, 'lib/base.a6'), 'rulebook base {\n  let spare = 1\n  rule r on use { require unit.vintage >= 2021 }\n}\n');
  writeFileSync(join(workspace, 'good.a6'), 'import "lib/base.a6"\nrulebook good extends base {}\n');
  writeFileSync(join(workspace, 'bad.a6'), 'rulebook bad {\n  rule r on use { require unit.vintge >= 2021 }\n}\n');
  process.chdir(workspace);
});

afterAll(() => {
  process.chdir(originalCwd);
  rmSync(workspace, { recursive: true, force: true });
});

describe('a6 check', () => {
  it('prints diagnostics of the files and their imports, a summary, and exits 0 with warnings only', async () => {
    const result = await a6(['check', 'good.a6']);
    expect(result).toEqual({
      exitCode: 0,
      stdout: '',
      stderr: "lib/base.a6:2:7: warning[dsl.unused_let]: let 'spare' is never used\n2 files checked: 0 errors, 1 warning\n",
    });
  });

  it('exits 1 on any error', async () => {
    const result = await a6(['check', 'good.a6', 'bad.a6']);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe(
      [
        "lib/base.a6:2:7: warning[dsl.unused_let]: let 'spare' is never used",
        "bad.a6:2:32: error[dsl.unknown_field]: unit has no field 'vintge' (did you mean 'vintage'?)",
        '3 files checked: 1 error, 1 warning',
        '',
      ].join('\n'),
    );
  });

  it('--json prints one document: files and diagnostics, or the error shape with them in details', async () => {
    const ok = await a6(['check', '--json', 'good.a6']);
    expect(ok.exitCode).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ files: ['good.a6', 'lib/base.a6'], diagnostics: [{ code: 'dsl.unused_let', file: 'lib/base.a6' }] });

    const failed = await a6(['check', '--json', 'bad.a6']);
    expect(failed.exitCode).toBe(1);
    const document = JSON.parse(failed.stdout);
    expect(document).toMatchObject({
      error: {
        code: 'dsl.check_failed',
        message: '1 error in 1 file',
        details: { files: ['bad.a6'], diagnostics: [{ code: 'dsl.unknown_field', start: { line: 2, column: 32 } }] },
      },
    });
  });

  it('a missing file is an error, not a crash', async () => {
    const result = await a6(['check', 'nope.a6']);
    expect(result).toEqual({
      exitCode: 1,
      stdout: '',
      stderr: "nope.a6:1:1: error[dsl.import_not_found]: cannot read file 'nope.a6'\n1 file checked: 1 error, 0 warnings\n",
    });
  });
});
