import ExcelJS from 'exceljs';
import { AEF_COLUMNS, AEF_TABLES, AEF_TABLE_TITLES, type AefCell, type AefReport } from '../aef/aef-report.ts';

/** The sheet of each table: `T3 Actions` (a sheet name is at most 31 characters, no `:`). */
export function aefSheetName(table: keyof typeof AEF_TABLE_TITLES): string {
  return `${table} ${AEF_TABLE_TITLES[table]}`;
}

export const AEF_ABOUT_SHEET = 'About';

/**
 * `a6 aef --format xlsx`: one workbook with a sheet per AEF table (header row, then the rows; numbers
 * as numbers, a blank cell for `null`) and an `About` sheet naming the report (format, Party, year,
 * rulebook, history head, digest) and its warnings. The cells are exactly the JSON's; the file's bytes
 * are not reproducible (the zip stamps the time of writing), its contents are.
 * Node-only: exceljs writes through Node streams and buffers.
 */
export async function writeAefXlsx(report: AefReport): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'A6 Ledger';
  for (const table of AEF_TABLES) {
    const columns = AEF_COLUMNS[table] as readonly string[];
    const sheet = workbook.addWorksheet(aefSheetName(table), { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.addRow([...columns]).font = { bold: true };
    const rows: readonly Readonly<Record<string, AefCell>>[] = report.tables[table];
    for (const row of rows) sheet.addRow(columns.map((column) => row[column] ?? null));
    columns.forEach((column, index) => {
      const widest = Math.max(column.length, ...rows.map((row) => String(row[column] ?? '').length));
      sheet.getColumn(index + 1).width = Math.min(60, widest + 2);
    });
  }
  const about = workbook.addWorksheet(AEF_ABOUT_SHEET);
  about.addRows([
    ['format', report.format],
    ['reporting_party', report.party],
    ['reported_year', report.year],
    ['rulebook', `${report.rulebook.name} (${report.rulebook.file})`],
    ['rulebook_sha256', report.rulebook.sha256],
    ['history_events', report.history.events],
    ['history_head', report.history.head],
    ['digest', report.digest],
    [],
    ['warning', 'table', 'column', 'rows', 'message'],
    ...report.warnings.map((warning) => [warning.code, warning.table, warning.column, warning.rows.join(' '), warning.message]),
  ]);
  about.getColumn(1).width = 18;
  about.getColumn(2).width = 70;
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
