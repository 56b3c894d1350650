import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { AEF_COLUMNS, AEF_TABLES, type AefCell } from '../aef/aef-report.ts';
import { buildAefReportSync } from '../aef/build-aef-report.ts';
import { bilateral, workedExampleHistory } from '../engine/testing/worked-example.ts';
import { AEF_ABOUT_SHEET, aefSheetName, writeAefXlsx } from './write-aef-xlsx.ts';

describe('writeAefXlsx', () => {
  it('writes a workbook whose sheets hold exactly the report’s cells (read back with exceljs)', async () => {
    const result = buildAefReportSync(workedExampleHistory(), bilateral(), { party: 'SGP', year: 2024 });
    if (!result.ok) throw new Error(result.error.message);
    const { report } = result;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await writeAefXlsx(report)) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['T1 Submission', 'T2 Authorizations', 'T3 Actions', 'T4 Holdings', 'T5 Authorized entities', AEF_ABOUT_SHEET]);
    for (const table of AEF_TABLES) {
      const sheet = workbook.getWorksheet(aefSheetName(table))!;
      const columns = AEF_COLUMNS[table] as readonly string[];
      const read: AefCell[][] = [];
      sheet.eachRow({ includeEmpty: true }, (row) => read.push(columns.map((_, index) => (row.getCell(index + 1).value ?? null) as AefCell)));
      const rows: readonly Readonly<Record<string, AefCell>>[] = report.tables[table];
      expect(read, table).toEqual([[...columns], ...rows.map((row) => columns.map((column) => row[column] ?? null))]);
    }
    // SGP 2024: its acquisition of 500 (e11); the use of 2025-01-15 (toward 2024) is not a 2024 action.
    expect(workbook.getWorksheet('T3 Actions')!.getRow(2).getCell(1).value).toBe('acquisition');
    const about = workbook.getWorksheet(AEF_ABOUT_SHEET)!;
    expect([about.getCell('A8').value, about.getCell('B8').value]).toEqual(['digest', report.digest]);
  });
});
