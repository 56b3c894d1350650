import { describe, expect, it } from 'vitest';
import { loadRulebook, memorySourceHost, type CompiledRulebook } from '@a6/dsl';
import { compareSync } from '../compare/compare.ts';
import { given } from '../engine/testing/replay-spec.ts';
import { bilateral, workedExampleHistory } from '../engine/testing/worked-example.ts';
import { renderCompareHtml } from './compare-html.ts';
import { formatNumber } from './html-text.ts';
import { niceTicks } from './nice-ticks.ts';
import { renderReplayHtml } from './replay-html.ts';
import { barChart, lineChart } from './svg-chart.ts';

const SOURCE = `
rulebook bilateral {
  option adjustment.single_year = party_method
  levy sop 5% on issuance where unit.type == "ITMO" to adaptation_fund
  levy omge 2% rounded up on issuance where unit.type == "ITMO" cancel
}
rulebook no_singapore extends bilateral {
  rule no_sgp "no ITMOs to Singapore" on international_transfer {
    require event.to.party != "SGP" else "no ITMOs to {event.to.party}"
  }
}
`;

function rulebook(name: string): CompiledRulebook {
  const loaded = loadRulebook(memorySourceHost({ 'b.a6': SOURCE }), 'b.a6', name);
  if (!loaded.ok) throw new Error('bad test rulebook');
  return loaded.rulebook;
}

/** Anything that could make a browser fetch: external references, scripts, CSS imports or urls. */
function fetches(html: string): string[] {
  return [...html.matchAll(/<script|<link|<img|<iframe|\bsrc=|\bhref=|url\(|@import/gi)].map((match) => match[0]);
}

describe('self-contained HTML reports', () => {
  it('replay: one page with no fetches, the facts, the summary tables, and a chart per Party with a title and a data table', () => {
    const html = renderReplayHtml(given(workedExampleHistory()).when(bilateral()).report);
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(fetches(html)).toEqual([]);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
    expect(html).toContain('15 accepted, 0 rejected, 0 findings');
    expect(html).toContain('<title id="party-0-adjustment-title">PER: corresponding adjustment by year</title>');
    expect(html).toContain('<title id="party-0-balance-title">PER: emissions balance by year</title>');
    expect(html).toContain('No emissions balance for SGP');
    // PER's row of 2022 in the structured summary table, and the data table beside the balance chart.
    expect(html).toContain('<td>2022</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>930</td><td>310</td><td>310</td><td>0</td><td>60,000,000</td><td>60,000,310</td>');
    expect(html).toContain('<tr><th scope="row">2022</th><td>60,000,310</td></tr>');
  });

  it('compare: the verdict diff table with each rulebook’s reasons, the summary diffs with the change, one series per rulebook', () => {
    const outcome = compareSync(workedExampleHistory(), [rulebook('bilateral'), rulebook('no_singapore')]);
    const html = renderCompareHtml(outcome.report, outcome.replays);
    expect(fetches(html)).toEqual([]);
    expect(html).toContain('at seq 11 (<code>e11</code>, UnitsTransferred: a verdict flips)');
    expect(html).toContain('<span class="rejected">rejected</span><br><code>rule.no_sgp</code>: no ITMOs to SGP <span class="mono">(PE-001-2022:71-570)</span>');
    expect(html).toContain('<span class="cause-cascade">cascade</span>');
    expect(html).toMatch(/<td>SGP<\/td><td>2024<\/td><td><code>adjustment<\/code><\/td><td>−300<\/td><td>—<\/td><td><\/td>/);
    expect(html).toContain('<h3>PER (the same under every rulebook)</h3>');
    expect(html).toContain('<th scope="col">bilateral</th><th scope="col">no_singapore</th>');
  });

  it('compare from the report alone (the server’s job result): codes as reasons, only the differing years plotted', () => {
    const { report } = compareSync(workedExampleHistory(), [rulebook('bilateral'), rulebook('no_singapore')]);
    const html = renderCompareHtml(report);
    expect(html).toContain('<span class="rejected">rejected</span><br><code>rule.no_sgp</code></td>');
    expect(html).toContain('Only the years where the rulebooks differ are plotted');
    expect(html).toContain('SGP: corresponding adjustment by year');
  });

  it('charts: accessible SVG with role img, title and description; a mark per value with its exact value', () => {
    const spec = { id: 'c', title: 'T', description: 'D', categories: ['2021', '2022'], series: [{ name: 'a', values: [1000 / 3, null] }, { name: 'b', values: [-5, 7] }], unit: 'tCO2e' };
    const line = lineChart(spec);
    expect(line).toContain('role="img"');
    expect(line).toContain('aria-labelledby="c-title c-desc"><title id="c-title">T</title><desc id="c-desc">D</desc>');
    expect(line).toContain('<title>a, 2021: 333.3333333333333 tCO2e</title>');
    expect(line.match(/<title>a, /g)).toHaveLength(1);
    expect(barChart(spec).match(/<rect /g)).toHaveLength(3);
    expect(barChart(spec)).toContain('<title>b, 2021: −5 tCO2e</title>');
  });

  it('nice ticks cover the data at 1-2-5 steps; a flat range still gets an axis', () => {
    expect(niceTicks(0, 930)).toEqual([0, 200, 400, 600, 800, 1000]);
    expect(niceTicks(-300, 0)).toEqual([-300, -200, -100, 0]);
    expect(Object.is(niceTicks(-1, 0).at(-1), -0)).toBe(false);
    expect(niceTicks(60_000_000, 60_000_310)).toEqual([60_000_000, 60_000_100, 60_000_200, 60_000_300, 60_000_400]);
    expect(niceTicks(5, 5).length).toBeGreaterThan(1);
    expect(niceTicks(0.1, 0.3)).toEqual([0.1, 0.15, 0.2, 0.25, 0.3]);
  });

  it('numbers are grouped by thousands and never rounded', () => {
    expect(formatNumber(60_000_310)).toBe('60,000,310');
    expect(formatNumber(-1_500)).toBe('−1,500');
    expect(formatNumber(1000 / 3)).toBe('333.3333333333333');
  });
});
