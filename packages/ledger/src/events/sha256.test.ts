import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256Hex as nativeSha256Hex } from './sha256-node.ts';
import { sha256Hex as portableSha256Hex } from './sha256-portable.ts';

// `#sha256` is native under Node and portable in browsers: a chain head or a digest must not depend
// on where it was computed.
describe('the two sha256 implementations behind #sha256', () => {
  it('give the FIPS 180-2 digests', () => {
    for (const sha256Hex of [nativeSha256Hex, portableSha256Hex]) {
      expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
      expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    }
  });

  it('agree on every text, non-ASCII and lone surrogates included (both encode those as U+FFFD)', () => {
    for (const text of ['Côte d’Ivoire', '🌍 ITMO', '\uD800', 'a\uDC00b', '\r\n\u0000']) {
      expect(portableSha256Hex(text)).toBe(nativeSha256Hex(text));
    }
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => portableSha256Hex(text) === nativeSha256Hex(text)));
  });
});
