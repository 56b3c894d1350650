import { loadRulebook } from '@a6/dsl';
import { nodeSourceHost } from '@a6/dsl/node';
import { describe, expect, it } from 'vitest';
import { sortedJson } from '../events/canonical-json.ts';
import { rulebookDiffReport, type LoadedRulebook } from './diff-report.ts';
import { renderDiffText } from './diff-text.ts';

const ROOT = new URL('../../../../', import.meta.url).pathname;

/** `a6 diff A.a6[#name] …` run from the repository root names its files as the user typed them. */
function load(spec: string): LoadedRulebook {
  const [file, name] = spec.split('#') as [string, string | undefined];
  const loaded = loadRulebook(nodeSourceHost(ROOT), file, name);
  if (!loaded.ok) throw new Error(loaded.diagnostics.map((diagnostic) => diagnostic.message).join('\n'));
  return loaded;
}

describe('a6 diff, text rendering', () => {
  it('done when: glasgow-2021.a6 against corresponding-adjustments.a6#single_year_averaging --witness prints the changed option with its decision paragraph and a minimal history', () => {
    // What `a6 diff examples/rulebooks/glasgow-2021.a6 examples/rulebooks/corresponding-adjustments.a6#single_year_averaging --witness`
    // prints, but for the time the CLI's clock adds to the "Searched" line (this search is given no clock).
    const report = rulebookDiffReport(load('examples/rulebooks/glasgow-2021.a6'), load('examples/rulebooks/corresponding-adjustments.a6#single_year_averaging'), { witness: {} });
    expect(renderDiffText(report)).toBe(`A  glasgow_2021  “Article 6 as adopted at CMA.3”
   examples/rulebooks/glasgow-2021.a6, sha256 451c79cdb257…
B  single_year_averaging extends glasgow_2021  “single-year NDCs: averaging”
   examples/rulebooks/corresponding-adjustments.a6, sha256 c912cb588fdd…

Differences (1)
  option adjustment.single_year — seed paper 3(c)
    The method for Parties with single-year NDCs (2/CMA.3 annex para 7(a)); multi-year NDCs always use a trajectory.
    Seed paper 3(c): Corresponding adjustments, single-year NDCs: same-vintage ITMOs only vs the average over the NDC period vs the cumulative sum.
    A  party_method (default)  Each Party's own \`ndc.method\` (trajectory when absent).
                               set in glasgow_2021, examples/rulebooks/glasgow-2021.a6:13:3
    B  averaging               Cumulative ITMOs divided by elapsed years of the NDC period (para 7(a)(ii)).
                               set in single_year_averaging, examples/rulebooks/corresponding-adjustments.a6:40:3
    affects events NdcCommunicated, AuthorizationIssued, UnitsIssued, UnitsTransferred, UnitsUsed, UnitsCancelled, InventoryReported; fields average, adjustment, emissions_balance, adjusted_target

Witness (7 events): A and B disagree — a figure of the structured summary moves
  Minimal: removing any one event makes this difference vanish or the history invalid.
  As NDJSON, seq 0 first (\`a6 diff … --witness --out W.ndjson\` writes these lines):
  {"type":"PartyJoined","id":"e0","at":"2021-01-17","data":{"party":"GHA","name":"Ghana"}}
  {"type":"ActivityRegistered","id":"e1","at":"2021-01-17","data":{"activity":"A64-GHA-00001","host":"GHA","mechanism":"6.4"}}
  {"type":"AuthorizationIssued","id":"e2","at":"2021-01-17","data":{"authorization":"A64-GHA-00001-LoA-1","party":"GHA","activity":"A64-GHA-00001","purposes":["NDC","OIMP"],"firstTransfer":"issuance"}}
  {"type":"RegistryOpened","id":"e3","at":"2021-01-17","data":{"registry":"A64","kind":"mechanism"}}
  {"type":"AccountOpened","id":"e4","at":"2021-01-17","data":{"account":"A64:pending","kind":"pending","holder":"Article 6.4 mechanism"}}
  {"type":"UnitsIssued","id":"e5","at":"2021-01-17","data":{"account":"A64:pending","activity":"A64-GHA-00001","unitType":"A6.4ER","block":"A64-GHA-00001-2021-001","from":1,"to":2,"vintage":2021}}
  {"type":"NdcCommunicated","id":"e6","at":"2022-07-01","data":{"party":"GHA","ndc":{"kind":"single-year","from":2021,"to":2030,"metric":"tCO2e"}}}

Compare over the witness (A is the baseline)
  History   7 events, head 85483fbcf20a…
  Digest    43d3b8a35fa94eeadb5bd033500720a01f3c5e704d6c0c2dac0314f44cb9ad5c
  Diverge   nowhere: same verdicts, levies and entries throughout

  Rulebooks
    rulebook                 sha256         accepted  rejected  findings  levies
    glasgow_2021 (baseline)  451c79cdb257…         7         0         0  share_of_proceeds 0, omge 1
    single_year_averaging    c912cb588fdd…         7         0         0  share_of_proceeds 0, omge 1

  Verdict diffs (0)
    (none)

  Summary diffs (11)
    party  year  field                   glasgow_2021  single_year_averaging  change
    GHA    2021  average                            —                    0.5
    GHA    2021  adjustment                         1                    0.5    -0.5
    GHA    2022  first_transferred                  —                      0
    GHA    2022  oimp_first_transferred             —                      0
    GHA    2022  used                               —                      0
    GHA    2022  net                                —                      0
    GHA    2022  acquired                           —                      0
    GHA    2022  annual_adjustment                  —                      0
    GHA    2022  average                            —                    0.5
    GHA    2022  adjustment                         —                    0.5
    GHA    2022  cumulative                         —                      1

Searched 78 histories of up to 24 events (1736 events in all), seed 1; budget 5000 histories.
Found in history 14 (21 events), shrunk in 66 replays.
`);
  });

  it('without --witness, and for two rulebooks that resolve alike', () => {
    const text = renderDiffText(rulebookDiffReport(load('examples/rulebooks/glasgow-2021.a6'), load('examples/rulebooks/cdm-transition.a6#cdm_automatic')));
    expect(text).toContain('  rule cdm_window — removed\n    A  rule cdm_window "CDM transition: deadlines, crediting period active on 1 Jan 2021" on transition {\n');
    expect(text.endsWith('\nNo counterexample search (add --witness to look for a history on which A and B disagree).\n')).toBe(true);
    const same = renderDiffText(rulebookDiffReport(load('examples/rulebooks/glasgow-2021.a6'), load('examples/rulebooks/corresponding-adjustments.a6#ca_emissions_balance'), { witness: {} }));
    expect(same).toContain('Differences (0)\n  none: A and B resolve to the same rulebook');
    expect(same.endsWith('\nNo search: A and B resolve to the same rulebook, so no history can tell them apart.\n')).toBe(true);
  });

  it('--json: the a6.diff/1 document', () => {
    const report = rulebookDiffReport(load('examples/rulebooks/glasgow-2021.a6'), load('examples/rulebooks/cdm-transition.a6#cdm_automatic'), { witness: { budget: { histories: 100 } } });
    const json = JSON.parse(sortedJson(report));
    expect(Object.keys(json)).toEqual(['differences', 'format', 'rulebooks', 'searched', 'witness']);
    expect(json).toMatchObject({
      format: 'a6.diff/1',
      rulebooks: [{ side: 'a', name: 'glasgow_2021' }, { side: 'b', name: 'cdm_automatic', lineage: ['cdm_automatic', 'glasgow_2021'] }],
      differences: [{ kind: 'rule', change: 'removed', name: 'cdm_window', observable: true, affects: { triggers: ['transition'], events: ['ActivityTransitioned'] } }],
      witness: { kind: 'verdict', minimal: true, compare: { format: 'a6.compare/1', first_divergence: 2 } },
      searched: { status: 'found', seed: '1', budget: { histories: 100, ms: null } },
    });
    expect(json.witness.events.map((event: { type: string }) => event.type)).toEqual(['PartyJoined', 'ActivityRegistered', 'ActivityTransitioned']);
    // The rule lines that decided, as replay reports them: every failed check of cdm_window, with its line.
    expect(json.witness.decisions.glasgow_2021.rejections.map((entry: { seq: number; code: string; source: { line: number } }) => [entry.seq, entry.code, entry.source.line])).toEqual([
      [2, 'rule.cdm_window', 38],
      [2, 'rule.cdm_window', 39],
    ]);
    expect(json.witness.decisions.cdm_automatic).toEqual({ rejections: [], findings: [] });
  });
});
