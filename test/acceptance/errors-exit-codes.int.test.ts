import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BILATERAL_A6, WORKED_EXAMPLE_NDJSON } from './fixtures/worked-example.ts';
import { runA6 as a6, type A6Result } from '../../packages/editor/src/cli/run-a6.test-support.ts';
import { scratchDir } from './acceptance-helpers.ts';

// docs/cli.md: `--json` prints exactly one JSON document on stdout; on failure {"error": {code, message,
// details?}} and a non-zero exit. Exit codes 0 success, 1 invalid input, 2 usage, 3 internal or storage.
const scratch = scratchDir('errors');
afterAll(() => scratch.remove());
const history = scratch.write('worked.ndjson', WORKED_EXAMPLE_NDJSON);
const rulebook = scratch.write('bilateral.a6', BILATERAL_A6);
const badRulebook = scratch.write('bad.a6', 'rulebook bad {\n  rule x on use {\n    require unit.vintge >= 2021\n  }\n}\n');
const badHistory = scratch.write('bad.ndjson', '{"type":"PartyJoined","id":"p1","at":"2021-01-01","data":{"party":"PER"}}\n');
const store = `sqlite:${join(scratch.dir, 'store.db')}`;

/** The one JSON error document of a failed `--json` run. */
function errorBody(result: A6Result): { code: string; message: string; details?: unknown } {
  const body = JSON.parse(result.stdout) as { error: { code: string; message: string; details?: unknown } };
  expect(Object.keys(body)).toEqual(['error']);
  expect(typeof body.error.code).toBe('string');
  expect(typeof body.error.message).toBe('string');
  expect(Object.keys(body.error).every((key) => ['code', 'message', 'details'].includes(key))).toBe(true);
  return body.error;
}

describe('exit 2: usage errors', () => {
  const CASES: [string, string[]][] = [
    ['an unknown command', ['frobnicate', '--json']],
    ['an unknown option', ['check', '--bogus', rulebook, '--json']],
    ['a missing required option', ['replay', '--history', history, '--json']],
    ['both --history and --store', ['replay', '--history', history, '--store', store, '--rulebook', rulebook, '--json']],
    ['neither --history nor --store', ['replay', '--rulebook', rulebook, '--json']],
    ['a malformed --as-of', ['replay', '--history', history, '--rulebook', rulebook, '--as-of', '2024-13-45', '--json']],
    ['an unknown --format', ['replay', '--history', history, '--rulebook', rulebook, '--format', 'xml']],
    ['gen without --events', ['gen']],
  ];
  it.each(CASES)('%s', async (_name, args) => {
    const result = await a6(args);
    expect(result.exitCode).toBe(2);
    if (args.includes('--json')) errorBody(result);
  });
});

describe('exit 1: invalid input', () => {
  it('a rulebook with errors: replay --json gives the error shape with the diagnostics in details', async () => {
    const result = await a6(['replay', '--history', history, '--rulebook', badRulebook, '--json']);
    expect(result.exitCode).toBe(1);
    expect(JSON.stringify(errorBody(result).details)).toContain('dsl.unknown_field');
    expect(result.stderr).toContain(`${badRulebook}:3:18: error[dsl.unknown_field]:`);
  });

  it('a history with errors: import --json and replay --json give the error shape with the issues in details', async () => {
    for (const args of [
      ['import', badHistory, '--store', store, '--json'],
      ['replay', '--history', badHistory, '--rulebook', rulebook, '--json'],
    ]) {
      const result = await a6(args);
      expect(result.exitCode).toBe(1);
      expect(JSON.stringify(errorBody(result).details)).toContain('history.missing_field');
      expect(result.stderr).toContain(`${badHistory}:1: error[history.`);
    }
  });

  it('input files that do not exist are invalid input, not internal failures', async () => {
    const missing = join(scratch.dir, 'missing');
    for (const args of [
      ['check', `${missing}.a6`, '--json'],
      ['import', `${missing}.ndjson`, '--store', store, '--json'],
      ['replay', '--history', `${missing}.ndjson`, '--rulebook', rulebook, '--json'],
      ['replay', '--history', history, '--rulebook', `${missing}.a6`, '--json'],
      ['compare', '--history', `${missing}.ndjson`, '--rulebook', rulebook, '--rulebook', rulebook, '--json'],
    ]) {
      const result = await a6(args);
      expect({ args, exitCode: result.exitCode }).toEqual({ args, exitCode: 1 });
      errorBody(result);
    }
    expect((await a6(['import-a62', `${missing}.json`])).exitCode).toBe(1);
  });
});

describe('exit 3: storage failures', () => {
  it('an sqlite path that cannot be created or opened', async () => {
    const notADirectory = scratch.write('plain-file', 'x');
    // /proc/… once hung: Node's recursive mkdir retries ENOENT there forever.
    for (const url of [`sqlite:${notADirectory}/ledger.db`, `sqlite:${scratch.dir}`, 'sqlite:/proc/a6-acceptance/ledger.db']) {
      for (const args of [
        ['import', history, '--store', url, '--json'],
        ['replay', '--store', url, '--rulebook', rulebook, '--json'],
        ['verify', '--store', url, '--json'],
      ]) {
        const result = await a6(args);
        expect({ args, exitCode: result.exitCode }).toEqual({ args, exitCode: 3 });
        errorBody(result);
      }
      expect((await a6(['export', '--store', url])).exitCode).toBe(3);
    }
  });
});

describe('exit 0 and exactly one document on success', () => {
  it('every --json command prints one parseable document on stdout and nothing else', async () => {
    for (const args of [
      ['check', rulebook, '--json'],
      ['fmt', '--check', rulebook, '--json'],
      ['import', history, '--store', store, '--json'],
      ['verify', '--store', store, '--json'],
      ['replay', '--store', store, '--rulebook', rulebook, '--json'],
      ['compare', '--store', store, '--rulebook', rulebook, '--rulebook', rulebook, '--json'],
    ]) {
      const result = await a6(args);
      expect({ args, exitCode: result.exitCode }).toEqual({ args, exitCode: 0 });
      expect(() => JSON.parse(result.stdout)).not.toThrow();
      expect(result.stdout.trim().startsWith('{')).toBe(true);
    }
  });
});
