import { csvCell } from '../report/csv-cell.ts';
import { AEF_COLUMNS, AEF_TABLES, type AefCell, type AefReport, type AefTableName } from './aef-report.ts';

/**
 * One CSV per AEF table (`a6 aef --format csv --out DIR` writes them as `T1.csv` … `T5.csv`): a header
 * of the column names, one line per row, a blank cell where the report has `null`. RFC 4180 quoting.
 */
export function aefCsvTables(report: AefReport): Record<AefTableName, string> {
  const files = {} as Record<AefTableName, string>;
  for (const table of AEF_TABLES) {
    const columns = AEF_COLUMNS[table] as readonly string[];
    const rows: readonly Readonly<Record<string, AefCell>>[] = report.tables[table];
    const lines = [columns.join(',')];
    for (const row of rows) lines.push(columns.map((column) => cellText(row[column] ?? null)).join(','));
    files[table] = lines.join('\n') + '\n';
  }
  return files;
}

function cellText(cell: AefCell): string {
  if (cell === null) return '';
  return typeof cell === 'number' ? String(cell) : csvCell(cell);
}
