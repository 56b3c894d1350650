import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * sha256 (lowercase hex) of a file's UTF-8 bytes: a rulebook's identity (docs/language.md, "Files, imports and rulebooks").
 * `@noble/hashes` rather than `node:crypto` because the checker also runs in a browser worker.
 */
export function sha256Text(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}
