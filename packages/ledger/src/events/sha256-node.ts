import { hash } from 'node:crypto';

/**
 * sha256 (lowercase hex) of a text's UTF-8 bytes, natively: what `#sha256` resolves to under Node
 * (package.json `imports`, `node` condition), because replay hashes every event of a history. The
 * one-shot `crypto.hash` skips the `Hash` object a `createHash` call allocates per event.
 */
export function sha256Hex(text: string): string {
  return hash('sha256', text, 'hex');
}
