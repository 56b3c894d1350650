import { readFileSync, readdirSync } from 'node:fs';
import { loadRulebook, memorySourceHost, parseRulebookFile } from '@a6/dsl';
import { describe, expect, it } from 'vitest';
import { compareSync } from '../compare/compare.ts';
import { rulebookDiffReport, type LoadedRulebook } from './diff-report.ts';
import { showsKind, type Witness } from './search-witness.ts';
import { checkHistoryEvents } from './witness-ndjson.ts';

/**
 * Every example rulebook against Glasgow, and pairs of examples that both leave Glasgow on the same
 * seed-paper option (two readings neither of which is the adopted one): whatever differs structurally
 * has a minimal witness within a small count budget. The examples are read from the directory, so a
 * new example is covered as soon as it is added.
 */
const DIRECTORY = new URL('../../../../examples/rulebooks/', import.meta.url);
const FILES: Record<string, string> = Object.fromEntries(readdirSync(DIRECTORY).filter((file) => file.endsWith('.a6')).map((file) => [file, readFileSync(new URL(file, DIRECTORY), 'utf8')]));
const host = memorySourceHost(FILES);
const BUDGET = { histories: 300 };

function load(file: string, name?: string): LoadedRulebook {
  const loaded = loadRulebook(host, file, name);
  if (!loaded.ok) throw new Error(loaded.diagnostics.map((diagnostic) => diagnostic.message).join('\n'));
  return loaded;
}

const EXAMPLES: readonly { readonly file: string; readonly name: string }[] = Object.keys(FILES)
  .sort()
  .flatMap((file) => parseRulebookFile(FILES[file]!, file).file.rulebooks.map((rulebook) => ({ file, name: rulebook.name.name })));

function expectMinimalWitness(a: LoadedRulebook, b: LoadedRulebook): Witness {
  const report = rulebookDiffReport(a, b, { witness: { budget: BUDGET } });
  expect(report.differences.length).toBeGreaterThan(0);
  expect(report.searched).toMatchObject({ status: 'found' });
  const witness = report.witness!;
  expect(witness.minimal).toBe(true);
  // A handful: an international transfer alone needs two Parties with their registries and accounts.
  expect(witness.events.length).toBeLessThanOrEqual(16);
  witness.events.forEach((_, index) => {
    const checked = checkHistoryEvents(witness.events.filter((__, other) => other !== index));
    expect(checked.ok && showsKind(compareSync(checked.events, [a.rulebook, b.rulebook]), witness.kind), `without event ${index}`).toBe(false);
  });
  return witness;
}

describe('witnesses for the example rulebooks', () => {
  const glasgow = load('glasgow-2021.a6');

  it('every example that differs from Glasgow has a minimal witness; those that state its defaults have no difference and no search', () => {
    const same: string[] = [];
    for (const { file, name } of EXAMPLES) {
      const b = load(file, name);
      const report = rulebookDiffReport(glasgow, b);
      if (report.differences.length === 0) {
        same.push(name);
        expect(rulebookDiffReport(glasgow, b, { witness: { budget: BUDGET } })).toMatchObject({ witness: null, searched: { status: 'skipped', reason: 'no_structural_difference' } });
      } else expectMinimalWitness(glasgow, b);
    }
    // Each of these writes out a value Glasgow has by default.
    expect(same).toEqual(['a64_itmo_on_first_transfer', 'ca_emissions_balance', 'outside_ndc_adjusted', 'glasgow_2021']);
  });

  const PAIRS: readonly [string, string, string, string, string][] = [
    ['5 A6.4ER status: separate against ITMO at second transfer', 'a64-itmo.a6', 'a64_separate', 'a64-itmo.a6', 'a64_itmo_on_second_transfer'],
    ['3(c) single-year method: vintage match against cumulative', 'corresponding-adjustments.a6', 'single_year_vintage_match', 'corresponding-adjustments.a6', 'single_year_cumulative'],
    ['3(c) averaging window: yearly against the whole period', 'corresponding-adjustments.a6', 'single_year_averaging', 'corresponding-adjustments.a6', 'single_year_averaging_period'],
    ['3(b) adjustment timing: at use against at transfer', 'corresponding-adjustments.a6', 'ca_after_use', 'corresponding-adjustments.a6', 'ca_after_transfer'],
    ['4 OMGE: voluntary against at transfer', 'omge.a6', 'omge_voluntary', 'omge.a6', 'omge_at_transfer'],
    ['6 CDM transition: automatic against LDCs, SIDS and Africa only', 'cdm-transition.a6', 'cdm_automatic', 'cdm-transition.a6', 'cdm_ldc_sids_africa'],
  ];
  for (const [title, fileA, nameA, fileB, nameB] of PAIRS) {
    it(title, () => {
      expectMinimalWitness(load(fileA, nameA), load(fileB, nameB));
    });
  }
});
