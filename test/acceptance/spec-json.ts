import { createHash } from 'node:crypto';

/**
 * RFC 8785 (JSON canonicalization) written here from the RFC, independently of the ledger's own
 * implementation, so the acceptance tests recompute digests and chain heads without trusting it:
 * object keys sorted by UTF-16 code units, no whitespace, numbers in ECMAScript's shortest form,
 * strings as JSON.stringify writes them.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`not representable in JSON: ${value}`);
    return Object.is(value, -0) ? '0' : String(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, member]) => member !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, member]) => `${JSON.stringify(key)}:${canonicalJson(member)}`).join(',')}}`;
  }
  throw new Error(`not JSON: ${typeof value}`);
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * The hash-chain head of a history (docs/events.md "Stored events and the hash chain"): each event's canonical form is
 * `{type, id, at, data, meta?, prev}` with `prev` the sha256 of the previous one (64 zeros first).
 */
export function chainHead(events: readonly { type: string; id: string; at: string; data: unknown; meta?: unknown }[]): string {
  let prev = '0'.repeat(64);
  for (const event of events) {
    const form: Record<string, unknown> = { type: event.type, id: event.id, at: event.at, data: event.data, prev };
    if (event.meta !== undefined) form.meta = event.meta;
    prev = sha256(canonicalJson(form));
  }
  return prev;
}

/** Every object's keys in sorted order, recursively (docs/reports.md: "The replay report"). */
export function keysAreSorted(value: unknown): boolean {
  if (Array.isArray(value)) return value.every(keysAreSorted);
  if (value === null || typeof value !== 'object') return true;
  const keys = Object.keys(value);
  const sorted = [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return keys.every((key, index) => key === sorted[index]) && Object.values(value).every(keysAreSorted);
}

/** JSON text without the whitespace between tokens (strings kept verbatim). */
export function minifyJsonText(text: string): string {
  let out = '';
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]!;
    if (inString) {
      out += char;
      if (char === '\\') {
        out += text[index + 1] ?? '';
        index += 1;
      } else if (char === '"') inString = false;
    } else if (char === '"') {
      inString = true;
      out += char;
    } else if (!/\s/.test(char)) out += char;
  }
  return out;
}
