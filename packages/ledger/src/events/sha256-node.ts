import { createHash } from 'node:crypto';

/**
 * sha256 (lowercase hex) of a text's UTF-8 bytes, natively: what `#sha256` resolves to under Node
 * (package.json `imports`, `node` condition), because replay hashes every event of a history.
 */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
