import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * sha256 (lowercase hex) of a text's UTF-8 bytes, in plain JavaScript: what `#sha256` resolves to
 * outside Node (browsers, bundlers; package.json `imports`, `default` condition). WebCrypto would be
 * native there too, but it is async only and the hash chain is computed synchronously.
 */
export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}
