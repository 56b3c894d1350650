import { describe, expect, it } from 'vitest';
import { given } from '../engine/testing/replay-spec.ts';
import { bilateral, workedExampleHistory } from '../engine/testing/worked-example.ts';
import { canonicalJson, sha256Hex, sortedJson } from '../events/canonical-json.ts';
import { renderReportTable } from './report-table.ts';
import { renderSummaryCsv } from './summary-csv.ts';

const report = () => given(workedExampleHistory()).when(bilateral()).report;

describe('a6.replay/1 report', () => {
  it('has the shape of docs/reports.md, sorted keys, and a digest over everything else', () => {
    const { digest, ...body } = report();
    expect(Object.keys(JSON.parse(sortedJson(report())))).toEqual(['digest', 'findings', 'format', 'history', 'holdings', 'levies', 'parties', 'rejections', 'rulebook', 'verdicts']);
    expect(body.format).toBe('a6.replay/1');
    expect(body.rulebook).toEqual({ name: 'bilateral', file: 'test.a6', sha256: '0'.repeat(64), imports: {}, options: expect.objectContaining({ 'a64.itmo': 'on_first_transfer' }) });
    expect(Object.keys(body.rulebook.options)).toHaveLength(9);
    expect(body.history).toEqual({ events: 15, head: expect.stringMatching(/^[0-9a-f]{64}$/), as_of: null });
    expect(digest).toBe(sha256Hex(canonicalJson(body)));
  });

  it('renders the structured summary as CSV, one row per Party and year, empty cells for null', () => {
    const csv = renderSummaryCsv(report()).split('\n');
    expect(csv[0]).toBe(
      'party,method,metric,year,first_transferred,oimp_first_transferred,used,net,acquired,annual_adjustment,average,adjustment,cumulative,inventory,emissions_balance,adjusted_target,a64_first_transferred,a64_used',
    );
    expect(csv).toContain('PER,averaging,tCO2e,2022,0,0,0,0,0,930,310,310,0,60000000,60000310,,,');
    expect(csv).toContain('SGP,trajectory,tCO2e,2024,0,0,300,-300,500,-300,,-300,-300,,,,,');
    expect(csv).toHaveLength(1 + 3 + 4 + 1);
  });

  it('renders a terminal table with verdicts, levies, holdings and the summary per Party', () => {
    const table = renderReportTable(report());
    expect(table).toContain('Verdicts  15 accepted, 0 rejected, 0 findings');
    expect(table).toContain('LEVY:adaptation_fund  ITMO          50');
    expect(table).toContain('PER — averaging');
    expect(table).toMatch(/2022 +0 +0 +0 +0 +0 +930 +310 +310 +0 +60000000 +60000310 +— +— +—/);
  });
});
