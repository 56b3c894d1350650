/** RFC 4180 quoting of one cell: free text from the history (ids, Party codes, metric names, holders) may hold commas, quotes or line ends. */
export function csvCell(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
