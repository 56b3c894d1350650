import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { memorySourceHost } from '../program/source-host.ts';
import { checkProgram } from './check-program.ts';
import { DSL_EXAMPLE } from './spec-examples.test-support.ts';

/**
 * The editor checks on every keystroke, so the checker must take any half-typed text: it never throws,
 * and every diagnostic has a range inside its file.
 */
function checkTotal(text: string): void {
  const { diagnostics, program } = checkProgram(memorySourceHost({ 'edit.a6': text, 'lib.a6': 'rulebook lib { let k = 1 }' }), ['edit.a6']);
  for (const diagnostic of diagnostics) {
    const length = program.files.get(diagnostic.file)?.text.length ?? 0;
    expect(diagnostic.span.start).toBeLessThanOrEqual(diagnostic.span.end);
    expect(diagnostic.span.end).toBeLessThanOrEqual(length);
  }
}

describe('checker totality', () => {
  it('never throws on the docs/language.md example with a slice cut out or a fragment pasted in', () => {
    const fragments = ['{', '}', '(', ')', '"', 'rule', 'levy 5%', ' extends ', 'import "lib.a6"\n', 'remove rule ', 'let x = ', 'unit.', ' and ', '{unit.', 'on ', ','];
    fc.assert(
      fc.property(
        fc.nat(DSL_EXAMPLE.length),
        fc.nat(40),
        fc.constantFrom(...fragments),
        fc.boolean(),
        (start, length, fragment, insert) => {
          const text = insert
            ? DSL_EXAMPLE.slice(0, start) + fragment + DSL_EXAMPLE.slice(start)
            : DSL_EXAMPLE.slice(0, start) + DSL_EXAMPLE.slice(start + length);
          checkTotal(text);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('never throws on arbitrary text built from the language tokens', () => {
    const token = fc.constantFrom(
      'rulebook', 'extends', 'import', 'option', 'levy', 'rule', 'remove', 'let', 'on', 'where', 'require', 'expect',
      'else', 'rounded', 'up', 'to', 'cancel', 'and', 'or', 'not', 'in', 'none', 'true', 'a', 'b', 'unit', 'event',
      '.', ',', '(', ')', '{', '}', '[', ']', '=', '==', '<', '+', '/', '5%', '12', '2021-01-01', '"s {unit.x}"',
      'use', 'issuance', 'transfer', 'a64.itmo', 'lib', '\n',
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 60 }), (tokens) => checkTotal(tokens.join(' '))),
      { numRuns: 300 },
    );
  });
});
