import { describe, expect, it } from 'vitest';
import { bilateral, workedExampleHistory } from '../engine/testing/worked-example.ts';
import { aefCsvTables } from './aef-csv.ts';
import { AEF_COLUMNS, type AefReport } from './aef-report.ts';
import { buildAefReportSync } from './build-aef-report.ts';
import { renderAefJson } from './aef-json.ts';

function workedExample(): AefReport {
  const result = buildAefReportSync(workedExampleHistory(), bilateral(), { party: 'PER', year: 2023 });
  if (!result.ok) throw new Error(result.error.message);
  return result.report;
}

describe('aefCsvTables and renderAefJson', () => {
  it('writes one CSV per table: the columns in table order, a blank cell for null, numbers as written', () => {
    const csv = aefCsvTables(workedExample());
    expect(Object.keys(csv)).toEqual(['T1', 'T2', 'T3', 'T4', 'T5']);
    expect(csv.T1).toBe('reporting_party,reported_year,version\nPER,2023,1\n');
    expect(csv.T4).toBe('registry,account,holder,authorization,vintage,metric,quantity_tco2e,quantity_metric\nPE-NR,PE-NR:dev,Peru developer,PER-A1,2022,tCO2e,930,\n');
    expect(csv.T5).toBe('entity,authorization,accounts\n');
    const [header, row] = csv.T3.trimEnd().split('\n');
    expect(header).toBe(AEF_COLUMNS.T3.join(','));
    expect(row).toBe(
      'first_transfer,2023-03-01T00:00:00Z,PER-A1,PER,PE-NR,PE-NR:dev,PE-001-2022:71,PE-001-2022:1000,PE-NR,PE-001-2022:71-1000,tCO2e,930,,2022,PER,,,,,,,2023,930,10,e10',
    );
  });

  it('quotes free text from the history (RFC 4180)', () => {
    const report = workedExample();
    const edited: AefReport = { ...report, tables: { ...report.tables, T4: [{ ...report.tables.T4[0]!, holder: 'Dev, "Peru" SA' }] } };
    expect(aefCsvTables(edited).T4.split('\n')[1]).toBe('PE-NR,PE-NR:dev,"Dev, ""Peru"" SA",PER-A1,2022,tCO2e,930,');
  });

  it('writes the JSON with sorted keys, the same cells as the CSVs', () => {
    const report = workedExample();
    const json = renderAefJson(report);
    expect(Object.keys(JSON.parse(json))).toEqual(['digest', 'format', 'history', 'party', 'reconciliation', 'rulebook', 'tables', 'verdicts', 'warnings', 'year']);
    expect(JSON.parse(json).tables).toEqual(report.tables);
    expect(json.endsWith('}\n')).toBe(true);
  });
});
