import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadRulebook } from '../compile/load-rulebook.ts';
import { formatRulebookFile } from '../format/format-rulebook-file.ts';
import { memorySourceHost } from '../program/source-host.ts';
import { diffRulebooks, type DiffSide } from './diff-rulebooks.ts';
import { renderRulebookDiffText } from './render-diff-text.ts';

const EXAMPLES = new URL('../../../../examples/rulebooks/', import.meta.url);
const example = (file: string): string => readFileSync(new URL(file, EXAMPLES), 'utf8');
const GLASGOW = example('glasgow-2021.a6');

function side(files: Record<string, string>, entry: string, name?: string): DiffSide {
  const loaded = loadRulebook(memorySourceHost(files), entry, name);
  if (!loaded.ok) throw new Error(loaded.diagnostics.map((diagnostic) => diagnostic.message).join('\n'));
  return { rulebook: loaded.resolved, files: loaded.program.files };
}

const glasgow = (): DiffSide => side({ 'glasgow-2021.a6': GLASGOW }, 'glasgow-2021.a6');
const variant = (file: string, name: string): DiffSide => side({ 'glasgow-2021.a6': GLASGOW, [file]: example(file) }, file, name);
const inline = (text: string, name?: string): DiffSide => side({ 'glasgow-2021.a6': GLASGOW, 'variant.a6': text }, 'variant.a6', name);

describe('diffRulebooks', () => {
  it('an option: both values, their meanings, the decision paragraph and where B sets it', () => {
    const diff = diffRulebooks(glasgow(), variant('corresponding-adjustments.a6', 'single_year_averaging'));
    expect(diff.differences).toHaveLength(1);
    expect(diff.differences[0]).toMatchObject({
      kind: 'option',
      option: 'adjustment.single_year',
      seed: '3(c)',
      decision: expect.stringContaining('2/CMA.3 annex para 7(a)'),
      a: { value: 'party_method', default: true, declared: { file: 'glasgow-2021.a6', line: 13, col: 3, rulebook: 'glasgow_2021' } },
      b: { value: 'averaging', default: false, meaning: expect.stringContaining('para 7(a)(ii)'), declared: { file: 'corresponding-adjustments.a6', rulebook: 'single_year_averaging' } },
      observable: true,
      affects: { triggers: [], fields: ['average', 'adjustment', 'emissions_balance', 'adjusted_target'] },
    });
    expect(diff.rulebooks.map((rulebook) => [rulebook.side, rulebook.name, rulebook.lineage])).toEqual([
      ['a', 'glasgow_2021', ['glasgow_2021']],
      ['b', 'single_year_averaging', ['single_year_averaging', 'glasgow_2021']],
    ]);
    expect(Object.keys(diff.rulebooks[1].imports)).toEqual(['glasgow-2021.a6']);
  });

  it('no difference: the same rulebook, a default stated explicitly, or another name, title and cite', () => {
    expect(diffRulebooks(glasgow(), glasgow()).differences).toEqual([]);
    expect(diffRulebooks(glasgow(), variant('corresponding-adjustments.a6', 'ca_emissions_balance')).differences).toEqual([]);
    expect(diffRulebooks(variant('a64-itmo.a6', 'a64_itmo_on_first_transfer'), glasgow()).differences).toEqual([]);
  });

  it('format-only variants: no comments, all on one line with another rulebook name and title, that line re-formatted', () => {
    const uncommented = GLASGOW.replace(/\/\/[^\n]*\n/g, '\n').replace(/\n\s*\n/g, '\n');
    const squashed = uncommented.replace(/\s+/g, ' ').replace('rulebook glasgow_2021 "Article 6 as adopted at CMA.3"', 'rulebook cma3_reading "another title"');
    const reformatted = formatRulebookFile(squashed, 'x.a6');
    if (!reformatted.ok) throw new Error('the squashed rulebook does not format');
    for (const text of [uncommented, squashed, reformatted.text]) {
      expect(text).not.toBe(GLASGOW);
      expect(diffRulebooks(glasgow(), side({ 'x.a6': text }, 'x.a6')).differences).toEqual([]);
    }
  });

  it('lets renamed or inlined do not count; literals count by value (1_000 = 1000.0, 5% = 0.05, -(2) = -2)', () => {
    const base = inline(`import "glasgow-2021.a6"
rulebook v extends glasgow_2021 {
  let share = 5%
  let groups = party(activity.host).groups
  rule eligible "eligible hosts" on transition, registration {
    require "LDC" in groups and 1_000 * share > -2 else "{activity.host} is not eligible"
  }
}`);
    const renamed = inline(`import "glasgow-2021.a6"
rulebook w extends glasgow_2021 {
  let host_groups = party(activity.host).groups
  let rate = 0.05
  rule eligible "eligible hosts" on registration, transition, transition {
    require "LDC" in host_groups and 1000.0 * rate > -(2)
      else "{activity.host} is not eligible"
  }
}`);
    const inlined = inline(`import "glasgow-2021.a6"
rulebook u extends glasgow_2021 {
  rule eligible "eligible hosts" on transition, registration {
    require ("LDC" in party(activity.host).groups) and (1000 * 5% > -2) else "{activity.host} is not eligible"
  }
}`);
    expect(diffRulebooks(base, renamed).differences).toEqual([]);
    expect(diffRulebooks(base, inlined).differences).toEqual([]);
  });

  it('a child that replaces a let changes the inherited rules that use it', () => {
    const files = { 'glasgow-2021.a6': GLASGOW, 'itmo-restrictions.a6': example('itmo-restrictions.a6') };
    const four = side({ ...files, 'four.a6': 'import "itmo-restrictions.a6"\nrulebook four extends banking_three_years { let max_banking_years = 4 }' }, 'four.a6');
    expect(diffRulebooks(side(files, 'itmo-restrictions.a6', 'banking_three_years'), four).differences).toMatchObject([
      { kind: 'rule', change: 'changed', name: 'banking_limit', aspects: ['checks', 'messages'], a: { declared: { rulebook: 'banking_three_years' } }, b: { declared: { rulebook: 'banking_three_years' } } },
    ]);
  });

  it('operands are never reordered: `a and b` is not `b and a` (fail closed, left to right)', () => {
    const left = inline(`rulebook v { rule r on use { require unit.vintage > 2020 and unit.itmo } }`);
    const right = inline(`rulebook v { rule r on use { require unit.itmo and unit.vintage > 2020 } }`);
    expect(diffRulebooks(left, right).differences).toMatchObject([{ kind: 'rule', change: 'changed', name: 'r', aspects: ['checks'], observable: true }]);
  });

  it('a rule removed (cdm_automatic) and a rule added (cdm_ldc_sids_africa), with the events they reach', () => {
    expect(diffRulebooks(glasgow(), variant('cdm-transition.a6', 'cdm_automatic')).differences).toMatchObject([
      { kind: 'rule', change: 'removed', name: 'cdm_window', a: { triggers: ['transition'], checks: [{ mode: 'require', condition: 'event.requested_on <= 2023-12-31' }, {}, {}] }, b: null, affects: { triggers: ['transition'], events: ['ActivityTransitioned'] } },
    ]);
    expect(diffRulebooks(glasgow(), variant('cdm-transition.a6', 'cdm_ldc_sids_africa')).differences).toMatchObject([
      { kind: 'rule', change: 'added', name: 'eligible_host', a: null, b: { where: null, checks: [{ condition: '"LDC" in host_groups or "SIDS" in host_groups or "Africa" in host_groups' }] } },
    ]);
  });

  it('levies: removed and added (conservative baselines), changed trigger and where (OMGE at use) beside an option', () => {
    expect(diffRulebooks(glasgow(), variant('omge.a6', 'omge_conservative_baseline')).differences).toMatchObject([
      { kind: 'levy', change: 'removed', name: 'omge', a: { rate: '2%', rounding: 'up', trigger: 'issuance', destination: 'cancel' }, b: null },
      { kind: 'levy', change: 'added', name: 'conservative_baseline', a: null, b: { rate: '2%', rounding: 'down', where: 'unit.mechanism == "6.4"' } },
    ]);
    expect(diffRulebooks(glasgow(), side({ 'glasgow-2021.a6': GLASGOW, 'omge-at-use.a6': example('omge-at-use.a6') }, 'omge-at-use.a6')).differences).toMatchObject([
      { kind: 'option', option: 'adjustment.transferor', a: { value: 'on_first_transfer' }, b: { value: 'on_use' } },
      { kind: 'levy', change: 'changed', name: 'omge', aspects: ['trigger', 'where'], affects: { triggers: ['issuance', 'use'], events: ['UnitsIssued', 'UnitsUsed'] } },
    ]);
  });

  it('a rate written another way is the same levy; rounding down is the default; another rate is a change', () => {
    const levy = (text: string) => inline(`rulebook v { ${text} }`);
    expect(diffRulebooks(levy('levy sop 5% on issuance to fund'), levy('levy sop 5.0% rounded down on issuance to fund')).differences).toEqual([]);
    expect(diffRulebooks(levy('levy sop 5% on issuance to fund'), levy('levy sop 5.5% rounded nearest on issuance cancel')).differences).toMatchObject([
      { kind: 'levy', change: 'changed', aspects: ['rate', 'rounding', 'destination'] },
    ]);
  });

  it('renames: a member with the same body under another name is one renamed difference', () => {
    const left = inline('rulebook v { levy sop 5% on issuance to fund\n rule old_name "t" on use { require unit.vintage >= 2021 } }');
    const right = inline('rulebook v { levy share 5% on issuance to fund\n rule new_name "t" on use { require unit.vintage >= 2021 } }');
    expect(diffRulebooks(left, right).differences).toMatchObject([
      { kind: 'levy', change: 'renamed', name: 'share', a: { name: 'sop' }, b: { name: 'share' } },
      { kind: 'rule', change: 'renamed', name: 'new_name', a: { name: 'old_name' }, b: { name: 'new_name' }, observable: true },
    ]);
  });

  it('messages and titles only: a difference no history can show', () => {
    const left = inline('rulebook v { rule r "one" on use { require unit.vintage >= 2021 else "too old" } }');
    const right = inline('rulebook v { rule r "two" on use { require unit.vintage >= 2021 else "vintage {unit.vintage}" } }');
    expect(diffRulebooks(left, right).differences).toMatchObject([{ kind: 'rule', change: 'changed', aspects: ['messages', 'title'], observable: false }]);
  });

  it('the order of levies of one trigger is a difference (they take units from the low end in order); the order of rules is not', () => {
    const left = inline('rulebook v { levy a 5% on issuance to fund\n levy b 2% on issuance cancel\n rule x on use { require true }\n rule y on use { require false } }');
    const right = inline('rulebook v { levy b 2% on issuance cancel\n levy a 5% on issuance to fund\n rule y on use { require false }\n rule x on use { require true } }');
    expect(diffRulebooks(left, right).differences).toEqual([
      { kind: 'levy_order', trigger: 'issuance', a: ['a', 'b'], b: ['b', 'a'], observable: true, affects: { triggers: ['issuance'], events: ['UnitsIssued'] } },
    ]);
  });

  it('renders as text', () => {
    const text = renderRulebookDiffText(diffRulebooks(glasgow(), variant('omge.a6', 'omge_conservative_baseline')));
    expect(text).toBe(`A  glasgow_2021  “Article 6 as adopted at CMA.3”
   glasgow-2021.a6, sha256 451c79cdb257…
B  omge_conservative_baseline extends glasgow_2021  “OMGE through conservative baselines”
   omge.a6, sha256 ${diffRulebooks(glasgow(), variant('omge.a6', 'omge_conservative_baseline')).rulebooks[1].sha256.slice(0, 12)}…

Differences (2)
  levy omge — removed
    A  levy omge 2% rounded up on issuance where unit.mechanism == "6.4" cancel
       in glasgow_2021, glasgow-2021.a6:20:3
    affects triggers issuance; events UnitsIssued
  levy conservative_baseline — added
    B  levy conservative_baseline 2% on issuance where unit.mechanism == "6.4" cancel
       in omge_conservative_baseline, omge.a6:22:3
    affects triggers issuance; events UnitsIssued
`);
    expect(renderRulebookDiffText(diffRulebooks(glasgow(), glasgow()))).toContain('Differences (0)\n  none: A and B resolve to the same rulebook');
  });
});
