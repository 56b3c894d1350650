/**
 * A copy of an AST (or any JSON-like value) without `span` members: two parses of the same program
 * laid out differently are equal once their spans are gone (formatter tests, snapshots).
 */
export function stripSpans<T>(value: T): unknown {
  if (Array.isArray(value)) return value.map((item) => stripSpans(item));
  if (value !== null && typeof value === 'object') {
    const copy: Record<string, unknown> = {};
    for (const [key, member] of Object.entries(value)) if (key !== 'span') copy[key] = stripSpans(member);
    return copy;
  }
  return value;
}
