import { readFileSync } from 'node:fs';
import { loadRulebook, memorySourceHost } from '@a6/dsl';
import { describe, expect, it } from 'vitest';
import { rulebookDiffReport, type LoadedRulebook } from '../witness/diff-report.ts';
import { historyNdjson } from '../witness/witness-ndjson.ts';
import { renderDiffHtml } from './diff-html.ts';

const EXAMPLES = new URL('../../../../examples/rulebooks/', import.meta.url);
const files = Object.fromEntries(['glasgow-2021.a6', 'cdm-transition.a6', 'omge-at-use.a6'].map((file) => [file, readFileSync(new URL(file, EXAMPLES), 'utf8')]));
function load(file: string, name?: string): LoadedRulebook {
  const loaded = loadRulebook(memorySourceHost(files), file, name);
  if (!loaded.ok) throw new Error(loaded.diagnostics.map((diagnostic) => diagnostic.message).join('\n'));
  return loaded;
}

describe('renderDiffHtml', () => {
  it('one self-contained page: rulebooks, differences as written, the witness as a table and NDJSON, compare with reasons, the bound', () => {
    const report = rulebookDiffReport(load('glasgow-2021.a6'), load('cdm-transition.a6', 'cdm_ldc_sids_africa'), { witness: { budget: { histories: 200 } } });
    const page = renderDiffHtml(report);
    expect(page).not.toMatch(/<script|\bsrc=|\bhref=/);
    expect(page).toContain('<h1>Diff: <code>glasgow_2021</code> → <code>cdm_ldc_sids_africa</code></h1>');
    expect(page).toContain('<h3>rule <code>eligible_host</code> — added</h3>');
    expect(page).toContain('require &quot;LDC&quot; in host_groups or &quot;SIDS&quot; in host_groups or &quot;Africa&quot; in host_groups');
    expect(page).toContain(`<pre class="mono">${historyNdjson(report.witness!.events).replaceAll('"', '&quot;')}</pre>`);
    // The compare page's sections one level down, with each rulebook's reasons.
    expect(page).toContain('<h2>Compare: <code>glasgow_2021</code> · <code>cdm_ldc_sids_africa</code></h2>');
    expect(page).toContain('<h3>Verdict diffs (1)</h3>');
    expect(page).toContain('<code>rule.eligible_host</code>: ');
    expect(page).toContain('<p>Found in history ');
  });

  it('an option with its decision text and both values; a levy changed', () => {
    const page = renderDiffHtml(rulebookDiffReport(load('glasgow-2021.a6'), load('omge-at-use.a6')));
    expect(page).toContain('<h3>option <code>adjustment.transferor</code> — seed paper 3(b)</h3><p>When the transferring Party adds ITMOs to its adjustment (2/CMA.3 annex para 8(a)).</p>');
    expect(page).toContain('<td><code>on_use</code></td><td>When the units are used, booked to the use year.</td>');
    expect(page).toContain('<h3>levy <code>omge</code> — changed: trigger, where</h3>');
    expect(page).toContain('<p>No counterexample search (add --witness to look for a history on which A and B disagree).</p>');
  });
});
