import { readFileSync } from 'node:fs';
import { diffRulebooks, loadRulebook, memorySourceHost, type CompiledRulebook } from '@a6/dsl';
import { describe, expect, it } from 'vitest';
import { compareDetailed, compareSync } from '../compare/compare.ts';
import { decodeHistoryLines } from '../events/decode-history.ts';
import { disagreementOf } from './disagreement.ts';
import { rulebookDiffReport, type LoadedRulebook } from './diff-report.ts';
import { searchWitness, showsKind, type Witness } from './search-witness.ts';
import { checkHistoryEvents, historyNdjson } from './witness-ndjson.ts';

const EXAMPLES = new URL('../../../../examples/rulebooks/', import.meta.url);
const FILES: Record<string, string> = Object.fromEntries(
  ['glasgow-2021', 'a64-itmo', 'cdm-transition', 'corresponding-adjustments', 'itmo-restrictions', 'omge', 'within-ndc-only'].map((name) => [`${name}.a6`, readFileSync(new URL(`${name}.a6`, EXAMPLES), 'utf8')]),
);

function load(file: string, name?: string, extra: Record<string, string> = {}): LoadedRulebook {
  const loaded = loadRulebook(memorySourceHost({ ...FILES, ...extra }), file, name);
  if (!loaded.ok) throw new Error(loaded.diagnostics.map((diagnostic) => diagnostic.message).join('\n'));
  return loaded;
}

const glasgow = load('glasgow-2021.a6');
/** A variant written for the test, extending glasgow_2021 (for options no example sets). */
const variant = (body: string): LoadedRulebook => load('variant.a6', 'variant', { 'variant.a6': `import "glasgow-2021.a6"\nrulebook variant extends glasgow_2021 {\n${body}\n}\n` });

/** The tests' budget counts histories, never time, so they decide the same on a loaded machine. */
const BUDGET = { histories: 300 };

function search(b: LoadedRulebook, seed = '1') {
  const diff = diffRulebooks({ rulebook: glasgow.resolved, files: glasgow.program.files }, { rulebook: b.resolved, files: b.program.files });
  return searchWitness({ a: glasgow.rulebook, b: b.rulebook, differences: diff.differences, seed, budget: BUDGET });
}

/** Every single event removed: the history is invalid, or the witness's kind of disagreement is gone. */
function expectMinimal(witness: Witness, a: CompiledRulebook, b: CompiledRulebook): void {
  expect(witness.minimal).toBe(true);
  witness.events.forEach((_, index) => {
    const without = witness.events.filter((__, other) => other !== index);
    const checked = checkHistoryEvents(without);
    const stillShows = checked.ok && showsKind(compareSync(checked.events, [a, b]), witness.kind);
    expect(stillShows, `removing #${index} (${witness.events[index]!.type}) keeps a ${witness.kind} difference`).toBe(false);
  });
}

/** Written as NDJSON and imported like a file, the witness makes compare show the same difference. */
async function expectReproduced(witness: Witness, a: CompiledRulebook, b: CompiledRulebook): Promise<void> {
  const imported = await decodeHistoryLines(historyNdjson(witness.events).split('\n'));
  if (!imported.ok) throw new Error(JSON.stringify(imported.issues));
  const outcome = await compareDetailed(imported.events, [a, b]);
  expect(outcome.report).toEqual(witness.compare);
  expect(disagreementOf(outcome)).toEqual(witness.disagreement);
}

const SEED_OPTIONS: readonly { readonly option: string; readonly rulebook: () => LoadedRulebook; readonly kind: Witness['kind'] }[] = [
  { option: 'first-transfer definition (NDC units first transferred at issuance)', rulebook: () => variant('option first_transfer.ndc = issuance'), kind: 'verdict' },
  { option: 'first-transfer definition (OIMP units at use or cancellation)', rulebook: () => variant('option first_transfer.oimp = use'), kind: 'verdict' },
  { option: '3(c) adjustment method: averaging', rulebook: () => load('corresponding-adjustments.a6', 'single_year_averaging'), kind: 'figure' },
  { option: '3(b) adjustment timing: at use', rulebook: () => load('corresponding-adjustments.a6', 'ca_after_use'), kind: 'figure' },
  { option: '3(a) adjustment object: the NDC target', rulebook: () => load('corresponding-adjustments.a6', 'ca_ndc_target'), kind: 'reported' },
  { option: 'levy rate: OMGE 3% instead of 2%', rulebook: () => variant('levy omge 3% rounded up on issuance where unit.mechanism == "6.4" cancel'), kind: 'units' },
  { option: '4(b) OMGE by conservative baselines (rounded down)', rulebook: () => load('omge.a6', 'omge_conservative_baseline'), kind: 'verdict' },
  { option: '6 CDM transition: automatic', rulebook: () => load('cdm-transition.a6', 'cdm_automatic'), kind: 'verdict' },
  { option: '6 CDM transition: LDCs, SIDS and Africa only', rulebook: () => load('cdm-transition.a6', 'cdm_ldc_sids_africa'), kind: 'verdict' },
  { option: '5 A6.4ERs accounted separately', rulebook: () => load('a64-itmo.a6', 'a64_separate'), kind: 'figure' },
  { option: '5 A6.4ERs ITMOs only at their second transfer', rulebook: () => load('a64-itmo.a6', 'a64_itmo_on_second_transfer'), kind: 'verdict' },
  { option: '2(a) ITMOs only from within NDC coverage', rulebook: () => load('within-ndc-only.a6'), kind: 'verdict' },
  { option: '2(c) banking limited to three years', rulebook: () => load('itmo-restrictions.a6', 'banking_three_years'), kind: 'verdict' },
];

describe('searchWitness: a witness for every seed-paper option, minimal, reproduced by compare', () => {
  for (const { option, rulebook, kind } of SEED_OPTIONS) {
    it(option, async () => {
      const b = rulebook();
      const { witness, searched } = search(b);
      expect(searched).toMatchObject({ status: 'found', seed: '1', max_events: 24, budget: { histories: 300, ms: null }, ms: null });
      if (witness === null) throw new Error('no witness');
      expect(witness.kind).toBe(kind);
      expect(witness.events.length).toBeLessThanOrEqual(12);
      expectMinimal(witness, glasgow.rulebook, b.rulebook);
      await expectReproduced(witness, glasgow.rulebook, b.rulebook);
    });
  }
});

describe('searchWitness: no structural difference, no search', () => {
  it('identical rulebooks, a default stated explicitly, a format-only variant and renamed lets are skipped at once', () => {
    const formatOnly = load('x.a6', undefined, { 'x.a6': FILES['glasgow-2021.a6']!.replace(/\/\/[^\n]*\n/g, '').replace(/\s+/g, ' ').replace('rulebook glasgow_2021', 'rulebook another_name') });
    const letRenamed = load('x.a6', 'renamed', {
      'x.a6': FILES['cdm-transition.a6']!.replaceAll('host_groups', 'groups_of_the_host').replace('rulebook cdm_ldc_sids_africa', 'rulebook renamed'),
    });
    for (const [a, b] of [[glasgow, glasgow], [glasgow, load('corresponding-adjustments.a6', 'ca_emissions_balance')], [glasgow, formatOnly], [load('cdm-transition.a6', 'cdm_ldc_sids_africa'), letRenamed]] as const) {
      const report = rulebookDiffReport(a, b, { witness: { budget: BUDGET } });
      expect(report).toMatchObject({ format: 'a6.diff/1', differences: [], witness: null, searched: { status: 'skipped', reason: 'no_structural_difference' } });
    }
  });

  it('a difference in messages only is reported, and not searched: no history can show it', () => {
    const reworded = variant('rule vintage_2021 "ITMOs are mitigation from 2021 on" on first_transfer {\n require unit.vintage >= 2021 else "too old"\n}');
    const report = rulebookDiffReport(glasgow, reworded, { witness: { budget: BUDGET } });
    expect(report.differences).toMatchObject([{ kind: 'rule', name: 'vintage_2021', aspects: ['messages'], observable: false }]);
    expect(report).toMatchObject({ witness: null, searched: { status: 'skipped', reason: 'no_observable_difference' } });
  });

  it('without --witness the document says no search was asked for', () => {
    expect(rulebookDiffReport(glasgow, load('cdm-transition.a6', 'cdm_automatic'))).toMatchObject({ witness: null, searched: { status: 'not_requested' } });
  });
});

describe('searchWitness: deterministic, bounded, honest', () => {
  it('the same seed gives the same witness; the seed is part of the result', () => {
    const b = load('cdm-transition.a6', 'cdm_automatic');
    const first = search(b, 'seven');
    expect(search(b, 'seven')).toEqual(first);
    expect(first.searched).toMatchObject({ seed: 'seven' });
  });

  it('a budget too small to find one says what it searched, never that the rulebooks agree', () => {
    const b = load('cdm-transition.a6', 'cdm_first_ndc_period');
    const diff = diffRulebooks({ rulebook: glasgow.resolved, files: glasgow.program.files }, { rulebook: b.resolved, files: b.program.files });
    const result = searchWitness({ a: glasgow.rulebook, b: b.rulebook, differences: diff.differences, budget: { histories: 3 }, maxEvents: 6 });
    expect(result).toEqual({
      witness: null,
      searched: { status: 'exhausted', seed: '1', max_events: 6, histories: 3, events: 18, budget: { histories: 3, ms: null }, ms: null },
    });
  });

  it('a time budget is read off the clock it is given: a clock past the budget stops the search at once', () => {
    const b = load('cdm-transition.a6', 'cdm_automatic');
    const diff = diffRulebooks({ rulebook: glasgow.resolved, files: glasgow.program.files }, { rulebook: b.resolved, files: b.program.files });
    let now = 0;
    const clock = (): number => (now += 1_000);
    expect(searchWitness({ a: glasgow.rulebook, b: b.rulebook, differences: diff.differences, budget: { histories: 300, ms: 500 }, clock }).searched).toMatchObject({ status: 'timed_out', histories: 0 });
    expect(() => searchWitness({ a: glasgow.rulebook, b: b.rulebook, differences: diff.differences, budget: { ms: 500 } })).toThrow('a time budget needs a clock');
  });
});
