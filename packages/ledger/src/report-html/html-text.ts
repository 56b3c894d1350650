/** Escapes text for HTML element content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');
}

/**
 * A number for reading: thousands grouped with a thin comma, exact otherwise (never rounded: docs/reports.md
 * "never round silently"). Written by hand rather than with `toLocaleString` so every machine, whatever
 * its ICU data, writes the same bytes (reports are diffed as golden files).
 */
export function formatNumber(value: number): string {
  const [whole = '', fraction] = String(Math.abs(value)).split('.');
  if (whole.includes('e')) return String(value);
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${value < 0 ? '−' : ''}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}

/** A table cell for a summary value: `—` for `null` (does not apply). */
export function formatCell(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : formatNumber(value);
}
