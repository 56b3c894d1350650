/**
 * A report number as the report holds it, with thousands separators: the shortest decimal that reads
 * back to the same double (what JSON and RFC 8785 write), never rounded (docs/reports.md: "never round
 * silently"). `333.3333333333333` stays as is; `60000310` reads `60,000,310`.
 */
export function formatExact(value: number | null): string {
  if (value === null) return '—';
  if (!Number.isFinite(value)) return String(value);
  const text = String(value);
  // Exponent forms (1e21, 5e-7) are left alone: grouping them would misread.
  if (/e/i.test(text)) return text;
  const negative = text.startsWith('-');
  const [whole = '', fraction] = (negative ? text.slice(1) : text).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '−' : ''}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}
