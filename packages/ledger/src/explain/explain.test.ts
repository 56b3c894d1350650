import { describe, expect, it } from 'vitest';
import { SUMMARY_FIELDS } from '../accounting/structured-summary.ts';
import { given } from '../engine/testing/replay-spec.ts';
import { testRulebook } from '../engine/testing/test-rulebook.ts';
import { bilateral, workedExampleHistory } from '../engine/testing/worked-example.ts';
import { canonicalJson, sha256Hex } from '../events/canonical-json.ts';
import { explainSync } from './explain.ts';
import type { ExplainNode } from './explain-report.ts';
import { renderExplainText } from './explain-text.ts';

const history = workedExampleHistory();

/** The figure a node claims follows from its own entries and inputs, as its formula says. */
function consistent(node: ExplainNode): boolean {
  const values = node.inputs.map((input) => input.value ?? 0);
  const entries = node.entries.reduce((sum, entry) => sum + entry.sign * entry.quantity, 0);
  const ok = (() => {
    switch (node.field) {
      case 'net':
        return node.value === values[0]! + values[1]! - values[2]!;
      case 'cumulative':
        return node.value === values.reduce((sum, value) => sum + value, 0);
      case 'emissions_balance':
        return node.value === null || node.value === values[0]! + values[1]!;
      case 'average': {
        if (node.value === null) return true;
        const elapsed = Number(/\/ (\d+) elapsed years/.exec(node.formula)![1]);
        return node.value === values.reduce((sum, value) => sum + value, 0) / elapsed;
      }
      case 'adjustment':
        if (node.entries.length > 0) return node.value === entries;
        if (node.formula.endsWith('0 here') || node.formula.includes('0 outside')) return node.value === 0;
        return node.formula.startsWith('cumulative') ? node.value === values.reduce((sum, value) => sum + value, 0) : node.value === (node.inputs[0]?.value ?? 0);
      case 'inventory':
      case 'adjusted_target':
        return true;
      default:
        return node.value === null || node.value === entries;
    }
  })();
  return ok && node.inputs.every(consistent);
}

describe('explain: the unit ranges and events behind one summary figure', () => {
  it('first_transferred of PER 2023 = the range PE-001-2022:71-1000 first transferred at e10', () => {
    const report = explainSync(history, bilateral(), { party: 'PER', year: 2023, field: 'first_transferred' });
    expect(report.value).toBe(930);
    expect(report.explanation.entries).toEqual([
      { seq: 10, event: 'e10', type: 'UnitsIssued', at: '2023-03-01', unit: 'PE-001-2022:71-1000', entry: 'firstTransferred', year: 2023, quantity: 930, vintage: null, sign: 1 },
    ]);
    const { digest, ...body } = report;
    expect(digest).toBe(sha256Hex(canonicalJson(body)));
  });

  it('a derived figure shows its formula with its inputs, down to the entries and facts', () => {
    const report = explainSync(history, bilateral(), { party: 'PER', year: 2022, field: 'emissions_balance' });
    expect(report.value).toBe(60_000_310);
    expect(renderExplainText(report).split('\n').slice(4)).toEqual([
      '  = inventory + adjustment = 60000000 + 310',
      '  inventory 2022 = 60,000,000',
      '    = reported emissions (the latest accepted InventoryReported for 2022) = 60000000',
      '      #13 InventoryReported "e13" 2025-04-15: 60,000,000',
      '  adjustment 2022 = 310',
      '    = averaging: the average, booked to every elapsed year = 310',
      '    average 2022 = 310',
      '      = averaging (window elapsed): Σ annual_adjustment 2021–2023 / 3 elapsed years (2021–2023, through the latest inventory year 2023) = 930 / 3',
      '      annual_adjustment 2022 = 930',
      '        = transferor additions − acquirer subtractions + acquirer add-backs booked to this year: the sum of 1 booked entry = 930',
      '                +930  PE-001-2022:71-1000 (vintage 2022)  transferor adds in 2022, at #10 UnitsIssued "e10" 2023-03-01',
      '',
    ]);
  });

  it('the acquirer side: SGP’s 2024 adjustment is the use at e12, subtracted', () => {
    const report = explainSync(history, bilateral(), { party: 'SGP', year: 2024, field: 'adjustment' });
    expect(report.value).toBe(-300);
    expect(report.explanation.formula).toBe('trajectory: adjustment = annual_adjustment = -300');
    expect(report.explanation.inputs[0]!.entries.map((entry) => [entry.event, entry.unit, entry.entry, entry.sign])).toEqual([['e12', 'PE-001-2022:71-370', 'acquirerSubtracted', -1]]);
  });

  it.each([
    ['party_method', {}],
    ['trajectory', { 'adjustment.single_year': 'trajectory' }],
    ['averaging over the period', { 'adjustment.single_year': 'averaging', 'adjustment.averaging_window': 'period' }],
    ['vintage_match', { 'adjustment.single_year': 'vintage_match' }],
    ['cumulative', { 'adjustment.single_year': 'cumulative' }],
    ['ndc_target, on_acquisition', { 'adjustment.object': 'ndc_target', 'adjustment.acquirer': 'on_acquisition' }],
  ] as const)('under %s every figure of every row is explained with the value the replay report prints', (_, options) => {
    const rulebook = testRulebook({ name: 'variant', options: { 'first_transfer.ndc': 'issuance', ...options } });
    const { report } = given(history).when(rulebook);
    for (const [party, summary] of Object.entries(report.parties)) {
      for (const [year, row] of Object.entries(summary.years)) {
        for (const field of SUMMARY_FIELDS) {
          const explained = explainSync(history, rulebook, { party, year: Number(year), field });
          expect({ party, year, field, value: explained.value }).toEqual({ party, year, field, value: row[field] });
          expect(consistent(explained.explanation)).toBe(true);
        }
      }
    }
  });

  it('a Party or year outside the summary gets null and says why', () => {
    expect(explainSync(history, bilateral(), { party: 'CHE', year: 2024, field: 'used' }).explanation.formula).toBe('CHE is not in the structured summary: it has no NDC and no entry under this rulebook');
    expect(explainSync(history, bilateral(), { party: 'SGP', year: 2030, field: 'used' }).explanation.formula).toBe('no row for 2030: the Party\'s rows run 2021–2024');
  });
});
