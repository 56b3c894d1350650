import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES } from '../diagnostics/diagnostic.ts';
import { memorySourceHost } from '../program/source-host.ts';
import { checkProgram } from './check-program.ts';
import { diagnosticShape } from './diagnostic-shape.test-support.ts';
import { DSL_EXAMPLE, REPLAY_WORKED_EXAMPLE } from './spec-examples.test-support.ts';

function diagnose(files: Record<string, string>, entries: string[] = [Object.keys(files)[0]!]) {
  return checkProgram(memorySourceHost(files), entries).diagnostics.map(diagnosticShape);
}

/** One rulebook around `body`, in `main.a6`. */
function diagnoseBody(body: string) {
  return diagnose({ 'main.a6': `rulebook main {\n${body}\n}\n` });
}

const producedCodes = new Set<string>();
function record(shapes: Record<string, unknown>[]) {
  for (const shape of shapes) producedCodes.add(shape['code'] as string);
  return shapes;
}

describe('spec examples', () => {
  it('the three rulebooks of docs/language.md check clean', () => {
    expect(diagnose({ 'glasgow.a6': DSL_EXAMPLE })).toEqual([]);
  });

  it('the worked example of docs/reports.md checks clean', () => {
    expect(diagnose({ 'bilateral.a6': REPLAY_WORKED_EXAMPLE })).toEqual([]);
  });
});

describe('every diagnostic code', () => {
  it('dsl.syntax: an unknown trigger', () => {
    // The message is the parser's; the checker only passes the diagnostic on, with its file and range.
    const shapes = record(diagnoseBody('  rule r on sale { require true }'));
    expect(shapes.map(({ code, severity, range }) => ({ code, severity, range }))).toMatchInlineSnapshot(`
      [
        {
          "code": "dsl.syntax",
          "range": "main.a6:2:13-2:17",
          "severity": "error",
        },
      ]
    `);
  });

  it('dsl.unknown_name with did-you-mean, and a root not available at a trigger', () => {
    expect(
      record(
        diagnoseBody(`  let threshold = 2021
  rule r on use { require unit.vintage >= threshhold }
  rule s on registration { require unit.vintage >= threshold }
  rule t on use { require nosuch(1) == 1 }`),
      ),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "dsl.unknown_name",
          "data": {
            "kind": "replace",
            "suggestions": [
              "threshold",
            ],
          },
          "message": "unknown name 'threshhold' (did you mean 'threshold'?)",
          "range": "main.a6:3:43-3:53",
          "severity": "error",
        },
        {
          "code": "dsl.unknown_name",
          "message": "'unit' is not available at trigger 'registration'",
          "range": "main.a6:4:36-4:40",
          "severity": "error",
        },
        {
          "code": "dsl.unknown_name",
          "message": "unknown function 'nosuch'",
          "range": "main.a6:5:27-5:33",
          "severity": "error",
        },
      ]
    `);
  });

  it('dsl.unknown_field with did-you-mean, and a field not available at one of the triggers', () => {
    expect(
      record(
        diagnoseBody(`  rule r on use { require unit.vintge >= 2021 }
  rule s on use, transfer { require event.purpose == "NDC" }
  rule t on use { require unit.vintage.year == 1 }`),
      ),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "dsl.unknown_field",
          "data": {
            "kind": "replace",
            "suggestions": [
              "vintage",
            ],
          },
          "message": "unit has no field 'vintge' (did you mean 'vintage'?)",
          "range": "main.a6:2:32-2:38",
          "severity": "error",
        },
        {
          "code": "dsl.unknown_field",
          "message": "event has no field 'purpose' at trigger 'transfer' (only at use, first_transfer)",
          "range": "main.a6:3:43-3:50",
          "severity": "error",
        },
        {
          "code": "dsl.unknown_field",
          "message": "number has no field 'year'",
          "range": "main.a6:4:40-4:44",
          "severity": "error",
        },
      ]
    `);
  });

  it('dsl.type_mismatch: date vs number, in on a non-list, arithmetic on strings, non-bool condition, built-in arguments', () => {
    expect(
      record(
        diagnoseBody(`  rule r on transition {
    require event.requested_on <= 2023
    require "CER" in "CER, VCU"
    require "a" + 1 > 0
    require event.year
    require holdings("CHE", 1) > 0
    require first_transferred(2021, "CHE") > 0
    require year(2021) > 0
  }`),
      ),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "dsl.type_mismatch",
          "message": "cannot compare date with number",
          "range": "main.a6:3:13-3:39",
          "severity": "error",
        },
        {
          "code": "dsl.type_mismatch",
          "message": "'in' needs a list on its right, got string",
          "range": "main.a6:4:22-4:32",
          "severity": "error",
        },
        {
          "code": "dsl.type_mismatch",
          "message": "arithmetic '+' needs numbers, got string",
          "range": "main.a6:5:13-5:16",
          "severity": "error",
        },
        {
          "code": "dsl.type_mismatch",
          "message": "a require condition must be bool, got number",
          "range": "main.a6:6:13-6:23",
          "severity": "error",
        },
        {
          "code": "dsl.type_mismatch",
          "message": "holdings(party_or_account) takes 1 argument, got 2",
          "range": "main.a6:7:13-7:31",
          "severity": "error",
        },
        {
          "code": "dsl.type_mismatch",
          "message": "argument 'party' of first_transferred must be string, got number",
          "range": "main.a6:8:31-8:35",
          "severity": "error",
        },
        {
          "code": "dsl.type_mismatch",
          "message": "argument 'year' of first_transferred must be number, got string",
          "range": "main.a6:8:37-8:42",
          "severity": "error",
        },
        {
          "code": "dsl.type_mismatch",
          "message": "argument 'date' of year must be date, got number",
          "range": "main.a6:9:18-9:22",
          "severity": "error",
        },
      ]
    `);
  });

  it('dsl.unknown_option and dsl.bad_option_value, with suggestions', () => {
    expect(
      record(
        diagnoseBody(`  option adjustment.transferer = on_use
  option adjustment.object = ndc_targets
  option a64.itmo = 5%`),
      ),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "dsl.unknown_option",
          "data": {
            "kind": "replace",
            "suggestions": [
              "adjustment.transferor",
            ],
          },
          "message": "unknown option 'adjustment.transferer' (did you mean 'adjustment.transferor'?)",
          "range": "main.a6:2:10-2:31",
          "severity": "error",
        },
        {
          "code": "dsl.bad_option_value",
          "data": {
            "kind": "replace",
            "suggestions": [
              "ndc_target",
            ],
          },
          "message": "'ndc_targets' is not a value of option 'adjustment.object' (did you mean 'ndc_target'?); values: emissions_balance, ndc_target",
          "range": "main.a6:3:30-3:41",
          "severity": "error",
        },
        {
          "code": "dsl.bad_option_value",
          "data": {
            "kind": "replace",
            "suggestions": [
              "on_first_transfer",
              "on_second_transfer",
              "separate",
            ],
          },
          "message": "'5%' is not a value of option 'a64.itmo'; values: on_first_transfer, on_second_transfer, separate",
          "range": "main.a6:4:21-4:23",
          "severity": "error",
        },
      ]
    `);
  });

  it('dsl.duplicate: rulebooks, rules, levies, lets and options', () => {
    expect(
      record(
        diagnose({
          'main.a6': `rulebook a {
  option a64.itmo = separate
  option a64.itmo = separate
  rule r on use { require true }
  rule r on use { require true }
  levy l 1% on use cancel
  levy l 1% on use cancel
  let x = 1
  let x = 2
  let unit = 3
  rule uses_x on use where x == 1 { require true }
}
rulebook a {}`,
        }),
      ),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "dsl.duplicate",
          "message": "option 'a64.itmo' is set twice in rulebook 'a'",
          "range": "main.a6:3:10-3:18",
          "severity": "error",
        },
        {
          "code": "dsl.duplicate",
          "message": "rule 'r' is declared twice in rulebook 'a'",
          "range": "main.a6:5:8-5:9",
          "severity": "error",
        },
        {
          "code": "dsl.duplicate",
          "message": "levy 'l' is declared twice in rulebook 'a'",
          "range": "main.a6:7:8-7:9",
          "severity": "error",
        },
        {
          "code": "dsl.duplicate",
          "message": "let 'x' is declared twice in rulebook 'a'",
          "range": "main.a6:9:7-9:8",
          "severity": "error",
        },
        {
          "code": "dsl.duplicate",
          "message": "let 'unit' has the name of the context value 'unit'",
          "range": "main.a6:10:7-10:11",
          "severity": "error",
        },
        {
          "code": "dsl.duplicate",
          "message": "rulebook 'a' is declared twice in this file",
          "range": "main.a6:13:10-13:11",
          "severity": "error",
        },
      ]
    `);
  });

  it('dsl.unknown_parent and dsl.extends_cycle', () => {
    expect(
      record(
        diagnose({
          'main.a6': `rulebook base {}
rulebook child extends bace {}
rulebook loop_a extends loop_b {}
rulebook loop_b extends loop_a {}
rulebook self extends self {}`,
        }),
      ),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "dsl.unknown_parent",
          "data": {
            "kind": "replace",
            "suggestions": [
              "base",
            ],
          },
          "message": "unknown rulebook 'bace' (did you mean 'base'?): extends names a rulebook of this file or an imported one",
          "range": "main.a6:2:24-2:28",
          "severity": "error",
        },
        {
          "code": "dsl.extends_cycle",
          "message": "rulebook 'loop_a' extends itself: loop_a → loop_b → loop_a",
          "range": "main.a6:3:25-3:31",
          "severity": "error",
        },
        {
          "code": "dsl.extends_cycle",
          "message": "rulebook 'loop_b' extends itself: loop_b → loop_a → loop_b",
          "range": "main.a6:4:25-4:31",
          "severity": "error",
        },
        {
          "code": "dsl.extends_cycle",
          "message": "rulebook 'self' extends itself: self → self",
          "range": "main.a6:5:23-5:27",
          "severity": "error",
        },
      ]
    `);
  });

  it('dsl.remove_unknown: a member the parent lacks, or no parent at all', () => {
    expect(
      record(
        diagnose({
          'main.a6': `rulebook base {
  rule vintage on use { require true }
  levy omge 2% on issuance cancel
}
rulebook child extends base {
  remove rule vintag
  remove levy sop
}
rulebook orphan {
  remove rule vintage
}`,
        }),
      ),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "dsl.remove_unknown",
          "data": {
            "kind": "replace",
            "suggestions": [
              "vintage",
            ],
          },
          "message": "cannot remove rule 'vintag': rulebook 'base' has no rule 'vintag' (did you mean 'vintage'?)",
          "range": "main.a6:6:15-6:21",
          "severity": "error",
        },
        {
          "code": "dsl.remove_unknown",
          "message": "cannot remove levy 'sop': rulebook 'base' has no levy 'sop'",
          "range": "main.a6:7:15-7:18",
          "severity": "error",
        },
        {
          "code": "dsl.remove_unknown",
          "message": "cannot remove rule 'vintage': rulebook 'orphan' extends no rulebook, so it has no inherited rule 'vintage'",
          "range": "main.a6:10:15-10:22",
          "severity": "error",
        },
      ]
    `);
  });

  it('dsl.import_not_found and dsl.import_cycle', () => {
    expect(
      record(
        diagnose({
          'a.a6': 'import "b.a6"\nimport "missing.a6"\nrulebook a {}',
          'b.a6': 'import "./a.a6"\nrulebook b {}',
        }),
      ),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "dsl.import_not_found",
          "message": "cannot find imported file 'missing.a6' (looked for missing.a6)",
          "range": "a.a6:2:8-2:20",
          "severity": "error",
        },
        {
          "code": "dsl.import_cycle",
          "message": "import cycle: a.a6 → b.a6 → a.a6",
          "range": "b.a6:1:8-1:16",
          "severity": "error",
        },
      ]
    `);
  });

  it('dsl.let_cycle', () => {
    expect(
      record(
        diagnoseBody(`  let a = b + 1
  let b = a * 2
  rule r on use { require a > 0 }`),
      ),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "dsl.let_cycle",
          "message": "let 'a' depends on itself: a → b → a",
          "range": "main.a6:3:11-3:12",
          "severity": "error",
        },
      ]
    `);
  });

  it('dsl.levy_trigger and dsl.levy_over_100', () => {
    expect(
      record(
        diagnoseBody(`  levy a 60% on issuance cancel
  levy b 40.5% on issuance to fund
  levy c 1% on registration cancel`),
      ),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "dsl.levy_over_100",
          "message": "levies on 'issuance' in rulebook 'main' add up to more than 100%: a 60% + b 40.5% = 100.5%",
          "range": "main.a6:3:10-3:15",
          "severity": "error",
        },
        {
          "code": "dsl.levy_trigger",
          "message": "levy 'c' is on 'registration', which moves no units; levies need one of issuance, transfer, international_transfer, first_transfer, use, cancellation",
          "range": "main.a6:4:16-4:28",
          "severity": "error",
        },
      ]
    `);
  });

  it('dsl.unreachable (warning): a where that is constant false, through lets too', () => {
    expect(
      record(
        diagnoseBody(`  let enabled = false
  rule r on use where 2021 > 2030 { require true }
  rule s on use where enabled and unit.vintage > 2000 { require true }
  levy l 1% on use where not true cancel
  rule live on use where unit.vintage > 2000 or enabled { require true }`),
      ),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "dsl.unreachable",
          "data": {
            "kind": "remove",
          },
          "message": "rule 'r' never applies: its where is always false",
          "range": "main.a6:3:23-3:34",
          "severity": "warning",
        },
        {
          "code": "dsl.unreachable",
          "data": {
            "kind": "remove",
          },
          "message": "rule 's' never applies: its where is always false",
          "range": "main.a6:4:23-4:54",
          "severity": "warning",
        },
        {
          "code": "dsl.unreachable",
          "data": {
            "kind": "remove",
          },
          "message": "levy 'l' never applies: its where is always false",
          "range": "main.a6:5:26-5:34",
          "severity": "warning",
        },
      ]
    `);
  });

  it('dsl.unused_let (warning)', () => {
    expect(record(diagnoseBody('  let spare = 1'))).toMatchInlineSnapshot(`
      [
        {
          "code": "dsl.unused_let",
          "data": {
            "kind": "remove",
          },
          "message": "let 'spare' is never used",
          "range": "main.a6:2:7-2:12",
          "severity": "warning",
        },
      ]
    `);
  });

  it('dsl.too_large and dsl.too_deep (source limits, docs/reliability.md)', () => {
    const long = record(diagnoseBody(`  let t = ${Array.from({ length: 1_100 }, () => '1').join(' + ')}`));
    expect(long.map((shape) => [shape['code'], shape['range']])).toEqual([['dsl.too_large', 'main.a6:2:3-2:4']]);
    const deep = record(diagnoseBody(`  let t = ${'('.repeat(65)}1${')'.repeat(65)}`));
    expect(deep.map((shape) => [shape['code'], shape['range']])).toEqual([['dsl.too_deep', 'main.a6:2:75-2:76']]);
  });

  it('dsl.not_utf8 (a host refusing a file, as the Node host does for Latin-1 bytes)', () => {
    const host = { read: () => undefined, refusal: () => ({ code: 'dsl.not_utf8' as const, message: 'main.a6 is not UTF-8 (line 1, column 14)' }) };
    const diagnostics = checkProgram(host, ['main.a6']).diagnostics;
    for (const diagnostic of diagnostics) producedCodes.add(diagnostic.code);
    expect(diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.message])).toEqual([['dsl.not_utf8', 'main.a6 is not UTF-8 (line 1, column 14)']]);
  });

  it('covers every code of diagnostic.ts', () => {
    expect([...DIAGNOSTIC_CODES].filter((code) => !producedCodes.has(code))).toEqual([]);
  });
});

describe('the checker', () => {
  it('reports several independent errors of one file, one broken rule does not hide the next', () => {
    const shapes = diagnoseBody(`  rule a on use { require unit.vintge > 1 }
  rule b on use { require unit.hots == "CHE" }
  rule c on use { require activity.in_ndc == 3 }`);
    expect(shapes.map((s) => s['code'])).toEqual(['dsl.unknown_field', 'dsl.unknown_field', 'dsl.type_mismatch']);
  });

  it('checks interpolation holes of else messages', () => {
    expect(diagnoseBody('  rule r on use { require true else "{unit.vintge}" }')).toMatchInlineSnapshot(`
      [
        {
          "code": "dsl.unknown_field",
          "data": {
            "kind": "replace",
            "suggestions": [
              "vintage",
            ],
          },
          "message": "unit has no field 'vintge' (did you mean 'vintage'?)",
          "range": "main.a6:2:44-2:50",
          "severity": "error",
        },
      ]
    `);
  });

  it('follows the context table: event.year everywhere, event.quantity only at unit triggers, first_transfer sees the causing event', () => {
    expect(
      diagnoseBody(`  rule a on inventory { require event.year > 2020 and event.emissions > 0 and event.party == "CHE" }
  rule b on first_transfer { require event.quantity > 0 and event.purpose != "x" and event.to.party != none and event.reason != "y" }
  rule c on authorization { require event.quantity > 0 }
  rule d on first_transfer { require event.requested_on != none }
  rule e on authorization { require authorization.activity.in_ndc and activity.host == authorization.party }
  rule f on use { require party(event.by).ndc.target_year >= unit.vintage and "LDC" in party(unit.host).groups }
  rule g on transfer { require holdings(event.from) >= 0 and unit.holder.party == event.to.party }`),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "dsl.unknown_field",
          "message": "event has no field 'quantity' at trigger 'authorization' (only at issuance, transfer, international_transfer, first_transfer, use, cancellation)",
          "range": "main.a6:4:43-4:51",
          "severity": "error",
        },
        {
          "code": "dsl.unknown_field",
          "message": "event has no field 'requested_on' at trigger 'first_transfer' (only at transition)",
          "range": "main.a6:5:44-5:56",
          "severity": "error",
        },
      ]
    `);
  });

  it('checks a let at every place it is used, against the triggers of that place', () => {
    expect(
      diagnoseBody(`  let size = event.quantity
  rule a on issuance { require size > 0 }
  rule b on issuance, authorization { require size > 0 }`),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "dsl.unknown_field",
          "message": "let 'size' uses event.quantity, which is not available at trigger 'authorization'",
          "range": "main.a6:4:47-4:51",
          "severity": "error",
        },
      ]
    `);
  });

  it('reports diagnostics in imported files under their own file name', () => {
    const shapes = diagnose({
      'dir/main.a6': 'import "../lib/base.a6"\nrulebook main extends base {}',
      'lib/base.a6': 'rulebook base { rule r on use { require unit.vintge > 1 } }',
    });
    expect(shapes.map((s) => s['range'])).toEqual(['lib/base.a6:1:46-1:52']);
  });
});

describe('rulebook names across imports', () => {
  it('a rulebook may not take the name of one it imports', () => {
    expect(
      diagnose({ 'main.a6': 'import "lib.a6"\nrulebook base extends base {}', 'lib.a6': 'rulebook base {}' }).map((s) => `${s['code']} ${s['range']} ${s['message']}`),
    ).toEqual([
      "dsl.duplicate main.a6:2:10-2:14 rulebook 'base' is also declared in imported file 'lib.a6'",
      "dsl.extends_cycle main.a6:2:23-2:27 rulebook 'base' extends itself: base → base",
    ]);
  });
});
