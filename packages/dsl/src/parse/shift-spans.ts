/** A deep copy of `value` with every `span` moved by `delta` (a piece parsed before, now elsewhere). */
export function shiftSpans<T>(value: T, delta: number): T {
  if (delta === 0) return value;
  return shift(value, delta) as T;
}

function shift(value: unknown, delta: number): unknown {
  if (Array.isArray(value)) return value.map((item) => shift(item, delta));
  if (value === null || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value)) {
    if (key === 'span' && member !== null && typeof member === 'object') {
      const span = member as { start: number; end: number };
      copy[key] = { start: span.start + delta, end: span.end + delta };
    } else {
      copy[key] = shift(member, delta);
    }
  }
  return copy;
}
