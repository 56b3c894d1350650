import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DSL_EXAMPLE, REPLAY_WORKED_EXAMPLE } from '../check/spec-examples.test-support.ts';
import { memorySourceHost } from '../program/source-host.ts';
import { FakeEvalContext, FakeRecord } from './fake-eval-context.test-support.ts';
import { loadRulebook } from './load-rulebook.ts';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

function load(files: Record<string, string>, entry: string, name?: string) {
  const result = loadRulebook(memorySourceHost(files), entry, name);
  if (!result.ok) throw new Error(result.diagnostics.map((d) => `${d.code}: ${d.message}`).join('\n'));
  return result.rulebook;
}

describe('loadRulebook', () => {
  it('compiles the docs/reports.md worked example: options with defaults, levies with exact rates', () => {
    const rulebook = load({ 'bilateral.a6': REPLAY_WORKED_EXAMPLE }, 'bilateral.a6');
    expect({
      name: rulebook.name,
      title: rulebook.title,
      file: rulebook.file,
      sha256: rulebook.sha256 === sha256(REPLAY_WORKED_EXAMPLE),
      imports: rulebook.imports,
      options: rulebook.options,
      levies: rulebook.levies.map(({ name, trigger, rate, rounding, destination, source }) => ({ name, trigger, rate, rounding, destination, source })),
    }).toMatchInlineSnapshot(`
      {
        "file": "bilateral.a6",
        "imports": {},
        "levies": [
          {
            "destination": {
              "account": "LEVY:adaptation_fund",
              "kind": "account",
            },
            "name": "sop",
            "rate": {
              "denominator": 100n,
              "numerator": 5n,
            },
            "rounding": "down",
            "source": {
              "col": 3,
              "file": "bilateral.a6",
              "line": 3,
            },
            "trigger": "issuance",
          },
          {
            "destination": {
              "kind": "cancel",
            },
            "name": "omge",
            "rate": {
              "denominator": 100n,
              "numerator": 2n,
            },
            "rounding": "up",
            "source": {
              "col": 3,
              "file": "bilateral.a6",
              "line": 4,
            },
            "trigger": "issuance",
          },
        ],
        "name": "bilateral",
        "options": {
          "a64.itmo": "on_first_transfer",
          "adjustment.acquirer": "on_use",
          "adjustment.averaging_window": "elapsed",
          "adjustment.object": "emissions_balance",
          "adjustment.outside_ndc": "adjust",
          "adjustment.single_year": "party_method",
          "adjustment.transferor": "on_first_transfer",
          "first_transfer.ndc": "international_transfer",
          "first_transfer.oimp": "per_authorization",
        },
        "sha256": true,
        "title": "Singapore-style: 5% SOP and 2% OMGE at first issuance",
      }
    `);
    const [sop, omge] = rulebook.leviesFor('issuance');
    expect([sop!.amount(1000), omge!.amount(1000)]).toEqual([50, 20]);
    const itmo = new FakeEvalContext({ roots: { unit: new FakeRecord('B', { type: 'ITMO' }) } });
    const cer = new FakeEvalContext({ roots: { unit: new FakeRecord('B', { type: 'CER' }) } });
    const unknown = new FakeEvalContext({ roots: { unit: new FakeRecord('B', {}) } });
    expect([sop!.applies(itmo), sop!.applies(cer), sop!.applies(unknown)]).toEqual([true, false, false]);
    expect(rulebook.leviesFor('use')).toEqual([]);
  });

  it('a levy whose where cannot be evaluated takes nothing', () => {
    const rulebook = load({ 'a.a6': 'rulebook a { levy l 1% on use where unit.vintage > 2020 cancel levy m 1% on use cancel }' }, 'a.a6');
    const [l, m] = rulebook.levies;
    const context = new FakeEvalContext({ roots: { unit: new FakeRecord('B', {}) } });
    expect([l!.applies(context), m!.applies(context)]).toEqual([false, true]);
  });

  it('picks the last rulebook of the entry file by default, any declared or imported one by name', () => {
    const files = { 'glasgow.a6': DSL_EXAMPLE };
    expect(load(files, 'glasgow.a6').name).toBe('omge_at_use');
    const within = load(files, 'glasgow.a6', 'within_ndc_only');
    expect(within.rules.map((rule) => rule.name)).toEqual(['vintage_2021', 'authorized_first', 'cdm_window', 'cer_first_ndc', 'ndc_scope']);
    expect(within.rulesFor('first_transfer').map((rule) => rule.name)).toEqual(['vintage_2021', 'ndc_scope']);
    expect(within.rulesFor('authorization').map((rule) => rule.name)).toEqual(['ndc_scope']);
    expect(within.cites).toEqual(['Decision 2/CMA.3, annex; Decision 3/CMA.3, annex']);
    const omge = load(files, 'glasgow.a6', 'omge_at_use');
    expect(omge.options['adjustment.transferor']).toBe('on_use');
    expect(omge.levies.map((levy) => `${levy.name}:${levy.trigger}:${levy.rounding}`)).toEqual(['share_of_proceeds:issuance:down', 'omge:use:up']);
  });

  it('names files relative to the entry file and hashes the declaring file and every import', () => {
    const files = {
      'rulebooks/variant.a6': 'import "../lib/mid.a6"\nrulebook variant extends mid {}',
      'lib/mid.a6': 'import "base.a6"\nrulebook mid extends base {}',
      'lib/base.a6': 'rulebook base { rule r on use { require unit.vintage >= 2021 } }',
    };
    const variant = load(files, 'rulebooks/variant.a6');
    expect(variant.file).toBe('variant.a6');
    expect(variant.sha256).toBe(sha256(files['rulebooks/variant.a6']));
    expect(variant.imports).toEqual({ '../lib/mid.a6': sha256(files['lib/mid.a6']), '../lib/base.a6': sha256(files['lib/base.a6']) });
    expect(variant.rules[0]!.source).toEqual({ file: '../lib/base.a6', line: 1, col: 17 });
    const failure = variant.rules[0]!.evaluate(new FakeEvalContext({ roots: { unit: new FakeRecord('B', { vintage: 2019 }) } }));
    expect(failure[0]!.source).toEqual({ file: '../lib/base.a6', line: 1, col: 33 });

    const base = load(files, 'rulebooks/variant.a6', 'base');
    expect(base.file).toBe('../lib/base.a6');
    expect(base.sha256).toBe(sha256(files['lib/base.a6']));
    expect(base.imports).toEqual({});
  });

  it('hashes the exact UTF-8 bytes, non-ASCII included', () => {
    const text = 'rulebook cote "Côte d’Ivoire ✓" {}\n';
    expect(load({ 'a.a6': text }, 'a.a6').sha256).toBe(sha256(text));
  });

  it('refuses a program with errors, an unknown name, or a file without rulebooks', () => {
    const broken = loadRulebook(memorySourceHost({ 'a.a6': 'rulebook a { rule r on use { require unit.vintge > 1 } }' }), 'a.a6');
    expect(broken.ok).toBe(false);
    expect(broken.diagnostics.map((d) => d.code)).toEqual(['dsl.unknown_field']);

    const unknown = loadRulebook(memorySourceHost({ 'a.a6': 'rulebook a {}' }), 'a.a6', 'b');
    expect(unknown).toMatchObject({ ok: false, diagnostics: [{ code: 'dsl.unknown_name', message: "no rulebook 'b' in 'a.a6' or its imports (there are: a)" }] });

    const missing = loadRulebook(memorySourceHost({}), 'nope.a6');
    expect(missing).toMatchObject({ ok: false, diagnostics: [{ code: 'dsl.import_not_found', file: 'nope.a6' }] });
  });

  it('returns warnings alongside a loaded rulebook', () => {
    const result = loadRulebook(memorySourceHost({ 'a.a6': 'rulebook a { let spare = 1 }' }), 'a.a6');
    expect(result.ok).toBe(true);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['dsl.unused_let']);
  });
});
