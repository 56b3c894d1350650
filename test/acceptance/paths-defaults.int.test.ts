import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BILATERAL_A6, WORKED_EXAMPLE_EVENTS, WORKED_EXAMPLE_NDJSON } from './fixtures/worked-example.ts';
import { runA6 as a6 } from '../../packages/editor/src/cli/run-a6.test-support.ts';
import { scratchDir } from './acceptance-helpers.ts';
import { chainHead } from './spec-json.ts';

// docs/cli.md: the default store `sqlite:./.a6/ledger.db`, file names as the user typed them, `a6 explain`.
const scratch = scratchDir('paths');
afterAll(() => scratch.remove());
scratch.write('worked.ndjson', WORKED_EXAMPLE_NDJSON);
scratch.write('bilateral.a6', BILATERAL_A6);
scratch.write('broken.a6', 'rulebook broken {\n  rule x on use { require unit.vintge > 1 }\n}\n');

describe('defaults and relative paths', () => {
  it('without --store, import, export, verify and replay use ./.a6/ledger.db under the working directory', async () => {
    const cwd = scratch.dir;
    const imported = await a6(['import', 'worked.ndjson'], { cwd });
    expect(imported.exitCode).toBe(0);
    expect(existsSync(join(cwd, '.a6', 'ledger.db'))).toBe(true);
    const exported = await a6(['export'], { cwd });
    expect(exported.stdout.trim().split('\n')).toHaveLength(15);
    expect((await a6(['verify'], { cwd })).stdout).toContain(chainHead(WORKED_EXAMPLE_EVENTS));
    const replayed = await a6(['replay', '--store', 'sqlite:./.a6/ledger.db', '--rulebook', 'bilateral.a6', '--json'], { cwd });
    expect(JSON.parse(replayed.stdout).history.head).toBe(chainHead(WORKED_EXAMPLE_EVENTS));
  });

  it('diagnostics name the file as typed (relative stays relative); rulebook.file is relative to the entry file', async () => {
    const checked = await a6(['check', 'broken.a6'], { cwd: scratch.dir });
    expect(checked.exitCode).toBe(1);
    expect(checked.stderr).toMatch(/^broken\.a6:2:32: error\[dsl\.unknown_field\]: /m);
    const replayed = await a6(['replay', '--history', 'worked.ndjson', '--rulebook', 'bilateral.a6', '--json'], { cwd: scratch.dir });
    expect(JSON.parse(replayed.stdout).rulebook.file).toBe('bilateral.a6');
  });
});

describe('a6 explain', () => {
  it('the events behind one summary figure: PER first_transferred 2023 = 930 comes from e10', async () => {
    const text = await a6(['explain', '--history', 'worked.ndjson', '--rulebook', 'bilateral.a6', '--party', 'PER', '--year', '2023', '--field', 'first_transferred'], { cwd: scratch.dir });
    expect(text.exitCode).toBe(0);
    expect(text.stdout).toContain('930');
    expect(text.stdout).toContain('e10');
    const json = await a6(['explain', '--history', 'worked.ndjson', '--rulebook', 'bilateral.a6', '--party', 'PER', '--year', '2023', '--field', 'first_transferred', '--json'], {
      cwd: scratch.dir,
    });
    expect(json.exitCode).toBe(0);
    const document = JSON.parse(json.stdout) as { value: number };
    expect(document.value).toBe(930);
    expect(json.stdout).toContain('"e10"');
  });
});
