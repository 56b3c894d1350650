/** Aligns rows into columns for a terminal; `right[i]` right-aligns column i (numbers). */
export function textColumns(rows: readonly (readonly string[])[], right: readonly boolean[]): string[] {
  if (rows.length === 0) return [];
  const widths = rows[0]!.map((_, index) => Math.max(...rows.map((row) => (row[index] ?? '').length)));
  return rows.map((row) =>
    row
      .map((text, index) => (right[index] ? text.padStart(widths[index]!) : text.padEnd(widths[index]!)))
      .join('  ')
      .trimEnd(),
  );
}
