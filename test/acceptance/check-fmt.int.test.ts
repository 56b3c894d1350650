import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { BILATERAL_A6 } from './fixtures/worked-example.ts';
import { runA6 as a6 } from '../../packages/editor/src/cli/run-a6.test-support.ts';
import { scratchDir } from './acceptance-helpers.ts';

// docs/cli.md `a6 check` / `a6 fmt`, docs/language.md "Diagnostics" and "Static checking".
const scratch = scratchDir('check');
afterAll(() => scratch.remove());

const DIAGNOSTIC_LINE = /^(.+):(\d+):(\d+): (error|warning|info)\[([a-z0-9_.]+)\]: (.+)$/;

interface Diagnostic {
  file: string;
  line: number;
  col: number;
  severity: string;
  code: string;
  message: string;
}

/** The `FILE:LINE:COL: severity[code]: message` lines of a run (diagnostics go to stderr). */
function diagnostics(stderr: string): Diagnostic[] {
  return stderr
    .split('\n')
    .map((line) => DIAGNOSTIC_LINE.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .map(([, file, line, col, severity, code, message]) => ({ file: file!, line: Number(line), col: Number(col), severity: severity!, code: code!, message: message! }));
}

async function check(name: string, source: string, ...flags: string[]) {
  const file = scratch.write(name, source);
  const result = await a6(['check', ...flags, file]);
  return { file, result, diagnostics: diagnostics(result.stderr) };
}

describe('a6 check', () => {
  it('a valid rulebook: exit 0, no diagnostics', async () => {
    const { result, diagnostics: found } = await check('valid.a6', BILATERAL_A6);
    expect(result.exitCode).toBe(0);
    expect(found).toEqual([]);
  });

  it('FILE:LINE:COL with 1-based lines and columns in UTF-16 code units, after non-ASCII and an emoji', async () => {
    const { file, result, diagnostics: found } = await check(
      'emoji.a6',
      ['rulebook emoji {', '  rule c on use { require "é🌍" == unit.typ }', '}', ''].join('\n'),
    );
    expect(result.exitCode).toBe(1);
    // The prefix is 40 UTF-16 code units (é is one, 🌍 two; 39 code points): 'typ' starts at column 41.
    const prefix = '  rule c on use { require "é🌍" == unit.';
    expect(found).toEqual([
      { file, line: 2, col: prefix.length + 1, severity: 'error', code: 'dsl.unknown_field', message: expect.stringContaining("'typ'") },
    ]);
    expect(prefix.length + 1).toBe(41);
  });

  it('columns inside an else message count source UTF-16 code units, escapes included; bad interpolations are dsl.syntax', async () => {
    const line2 = '  rule x on use { require true else "\\"é🌍\\" \\\\ {unit.vintge}" }';
    const { result, diagnostics: found } = await check(
      'interpolation.a6',
      ['rulebook r {', line2, '  rule y on use { require true else "{{ok}} {unit.typo" }', '  rule z on use { require true else "{}" }', '}', ''].join('\n'),
    );
    expect(result.exitCode).toBe(1);
    expect(found.map((d) => `${d.line}:${d.col} ${d.code}`)).toEqual([`2:${line2.indexOf('vintge') + 1} dsl.unknown_field`, '3:45 dsl.syntax', '4:39 dsl.syntax']);
    expect(line2.indexOf('vintge') + 1).toBe(55);
  });

  it('several independent errors in one file are all reported, in order', async () => {
    const { result, diagnostics: found } = await check(
      'several.a6',
      [
        'rulebook several {',
        '  rule a on use {',
        '    require unit.vintge >= 2021',
        '  }',
        '  rule b on issuance {',
        '    require unit.vintage >= "2021"',
        '  }',
        '  rule c on use { require unit.nope == 1 }',
        '}',
        '',
      ].join('\n'),
    );
    expect(result.exitCode).toBe(1);
    expect(found.map((d) => `${d.line}:${d.severity}[${d.code}]`)).toEqual([
      '3:error[dsl.unknown_field]',
      '6:error[dsl.type_mismatch]',
      '8:error[dsl.unknown_field]',
    ]);
    expect(found[0]!.message).toContain("'vintge'");
  });

  it('--json: exactly one document on stdout; on error the {"error":{code,message,details}} shape with the diagnostics', async () => {
    const ok = await check('ok.a6', BILATERAL_A6, '--json');
    expect(ok.result.exitCode).toBe(0);
    expect(() => JSON.parse(ok.result.stdout)).not.toThrow();

    const bad = await check('bad.a6', 'rulebook bad { rule x on use { require unit.vintge >= 2021 } }\n', '--json');
    expect(bad.result.exitCode).toBe(1);
    const body = JSON.parse(bad.result.stdout) as { error: { code: string; message: string; details?: unknown } };
    expect(Object.keys(body)).toEqual(['error']);
    expect(body.error).toMatchObject({ code: expect.any(String), message: expect.any(String) });
    expect(JSON.stringify(body.error.details)).toContain('dsl.unknown_field');
  });

  it('warnings alone exit 0: unreachable rule, unused let', async () => {
    const { result, diagnostics: found } = await check(
      'warnings.a6',
      'rulebook w {\n  let spare = 5\n  rule never on use where false {\n    require true\n  }\n}\n',
    );
    expect(result.exitCode).toBe(0);
    expect(found.map((d) => `${d.severity}[${d.code}]`).sort()).toEqual(['warning[dsl.unreachable]', 'warning[dsl.unused_let]']);
  });

  // docs/language.md: every stable code, each on its smallest trigger.
  const CASES: [code: string, source: string][] = [
    ['dsl.syntax', 'rulebook r { rule x on teleport { require true } }'],
    ['dsl.syntax', 'rulebook r { rule cancel on use { require true } }'],
    ['dsl.unknown_name', 'rulebook r { rule x on use { require foo > 1 } }'],
    ['dsl.unknown_field', 'rulebook r { rule x on inventory { require event.quantity > 1 } }'],
    ['dsl.type_mismatch', 'rulebook r { rule x on use { require unit.vintage >= 2021-01-01 } }'],
    ['dsl.type_mismatch', 'rulebook r { rule x on use { require unit.type in "ITMO" } }'],
    ['dsl.unknown_option', 'rulebook r { option adjustment.colour = red }'],
    ['dsl.bad_option_value', 'rulebook r { option adjustment.object = nothing }'],
    ['dsl.duplicate', 'rulebook r { rule x on use { require true } rule x on use { require true } }'],
    ['dsl.duplicate', 'rulebook r {\n  levy a 5% on issuance to f\n  levy a 5% on issuance to g\n}'],
    ['dsl.duplicate', 'rulebook r {\n  let a = 1\n  let a = 2\n  rule x on use { require a > 0 }\n}'],
    ['dsl.duplicate', 'rulebook r { }\nrulebook r { }'],
    ['dsl.levy_over_100', 'rulebook p { levy a 60% on issuance to f }\nrulebook c extends p { levy b 50% on issuance cancel }'],
    ['dsl.type_mismatch', 'rulebook r { rule x on use { require unit.vintage } }'],
    ['dsl.type_mismatch', 'rulebook r { rule x on use { require unit.authorized == "yes" } }'],
    ['dsl.unknown_field', 'rulebook r { rule x on registration { require event.quantity > 1 } }'],
    ['dsl.unknown_parent', 'rulebook r extends nobody { }'],
    ['dsl.extends_cycle', 'rulebook a extends b { }\nrulebook b extends a { }'],
    ['dsl.remove_unknown', 'rulebook p { }\nrulebook r extends p { remove rule ghost }'],
    ['dsl.import_not_found', 'import "missing.a6"\nrulebook r { }'],
    ['dsl.let_cycle', 'rulebook r {\n  let a = b + 1\n  let b = a + 1\n  rule x on use { require a > 1 }\n}'],
    ['dsl.levy_trigger', 'rulebook r { levy l 5% on inventory to fund }'],
    ['dsl.levy_over_100', 'rulebook r {\n  levy a 60% on issuance to fund\n  levy b 50% on issuance cancel\n}'],
  ];
  it.each(CASES)('%s: %s', async (code, source) => {
    const { result, diagnostics: found } = await check('case.a6', source + '\n');
    expect(result.exitCode).toBe(1);
    expect(found.map((d) => d.code)).toContain(code);
    expect(found.every((d) => d.line >= 1 && d.col >= 1)).toBe(true);
  });

  it('dsl.import_cycle between two files', async () => {
    scratch.write('cycle-b.a6', 'import "cycle-a.a6"\nrulebook b { }\n');
    const { result, diagnostics: found } = await check('cycle-a.a6', 'import "cycle-b.a6"\nrulebook a { }\n');
    expect(result.exitCode).toBe(1);
    expect(found.map((d) => d.code)).toContain('dsl.import_cycle');
  });

  it.each([
    'rulebook r { rule x on use where 1 == 2 { require true } }',
    'rulebook r { rule x on use where not true { require true } }',
    'rulebook r { rule x on use where false and unit.vintage > 1 { require true } }',
  ])('a constant-false where is a dsl.unreachable warning: %s', async (source) => {
    const { result, diagnostics: found } = await check('unreachable.a6', source + '\n');
    expect(result.exitCode).toBe(0);
    expect(found.map((d) => `${d.severity}[${d.code}]`)).toEqual(['warning[dsl.unreachable]']);
  });

  it('exactly 100% of levies on one trigger is allowed; a same-name member replaces the parent one', async () => {
    const { result, diagnostics: found } = await check(
      'hundred.a6',
      'rulebook p {\n  levy a 50% on issuance to f\n  levy b 50% on issuance cancel\n}\nrulebook c extends p {\n  levy b 40% on issuance cancel\n}\n',
    );
    expect(found).toEqual([]);
    expect(result.exitCode).toBe(0);
  });

  it('keywords may follow a dot as field names; remove then redeclare is allowed', async () => {
    const { result, diagnostics: found } = await check(
      'fields.a6',
      [
        'rulebook base { rule x on use { require true } }',
        'rulebook child extends base {',
        '  remove rule x',
        '  rule x on transfer { require event.to != none and event.from.party != none }',
        '}',
        '',
      ].join('\n'),
    );
    expect(found).toEqual([]);
    expect(result.exitCode).toBe(0);
  });
});

describe('a6 fmt', () => {
  it('--check exits 1 when a file would change and leaves it alone; fmt rewrites it; then --check exits 0', async () => {
    const messy = 'rulebook r {\n      rule x on use { require unit.vintage>=2021 }\n}\n';
    const file = scratch.write('messy.a6', messy);
    const wouldChange = await a6(['fmt', '--check', file]);
    expect(wouldChange.exitCode).toBe(1);
    expect(readFileSync(file, 'utf8')).toBe(messy);

    const formatted = await a6(['fmt', file]);
    expect(formatted.exitCode).toBe(0);
    const canonical = readFileSync(file, 'utf8');
    expect(canonical).not.toBe(messy);

    const clean = await a6(['fmt', '--check', file]);
    expect(clean.exitCode).toBe(0);
    // Formatting is idempotent and keeps the rulebook valid.
    await a6(['fmt', file]);
    expect(readFileSync(file, 'utf8')).toBe(canonical);
    expect((await a6(['check', file])).exitCode).toBe(0);
  });

  it('a file that does not parse is invalid input (exit 1), untouched', async () => {
    const broken = 'rulebook r { rule x on teleport { require true } }\n';
    const file = scratch.write('broken.a6', broken);
    const result = await a6(['fmt', file]);
    expect(result.exitCode).toBe(1);
    expect(readFileSync(file, 'utf8')).toBe(broken);
  });
});
