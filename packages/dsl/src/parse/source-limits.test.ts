import { describe, expect, it } from 'vitest';
import { checkProgram } from '../check/check-program.ts';
import { memorySourceHost } from '../program/source-host.ts';
import { formatRulebookFile } from '../format/format-rulebook-file.ts';
import { SOURCE_LIMITS } from './source-limits.ts';

// docs/reliability.md "Bounded checks": texts that used to exhaust the stack or run for seconds get one
// located, coded error at once.
const check = (source: string) => checkProgram(memorySourceHost({ 'a.a6': source }), ['a.a6']).diagnostics;
const rulebookWithLet = (expression: string) => `rulebook s {\n  let t = ${expression}\n}\n`;

describe('source limits', () => {
  const cases: [string, string, string, number][] = [
    ['a 100,000-term sum', rulebookWithLet(Array.from({ length: 100_000 }, (_, i) => String(i)).join(' + ')), 'dsl.too_large', 2],
    ['a 10,000-term and chain', rulebookWithLet(Array.from({ length: 10_000 }, () => 'true').join(' and ')), 'dsl.too_large', 2],
    ['a 10,000-deep member chain', rulebookWithLet(`unit${'.vintage'.repeat(10_000)}`), 'dsl.too_large', 2],
    ['a 75,000-element list', rulebookWithLet(`[${Array.from({ length: 75_000 }, (_, i) => `"x${i}"`).join(', ')}]`), 'dsl.too_large', 2],
    ['5,000 nested parentheses', rulebookWithLet(`${'('.repeat(5_000)}1${')'.repeat(5_000)}`), 'dsl.too_deep', 2],
    ['a 10,000-deep let chain', `rulebook s {\n  let t0 = 1\n${Array.from({ length: 10_000 }, (_, i) => `  let t${i + 1} = t${i}`).join('\n')}\n}\n`, 'dsl.too_large', SOURCE_LIMITS.maxDeclarations + 1],
    ['a 5,000-deep extends chain', `rulebook r0 {\n}\n${Array.from({ length: 5_000 }, (_, i) => `rulebook r${i + 1} extends r${i} {\n}`).join('\n')}\n`, 'dsl.too_large', 2 * SOURCE_LIMITS.maxDeclarations + 1],
    ['a 10 MB comment', `// ${'x'.repeat(10_000_000)}\nrulebook s {\n}\n`, 'dsl.too_large', 1],
  ];
  it.each(cases)('%s: one %s error, located', (_name, source, code, line) => {
    const diagnostics = check(source);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code, severity: 'error', start: { line } });
  });

  it('the formatter refuses such a text instead of overflowing', () => {
    const source = rulebookWithLet(Array.from({ length: 100_000 }, (_, i) => String(i)).join(' + '));
    expect(() => formatRulebookFile(source, 'a.a6')).not.toThrow(RangeError);
  });

  it('an extends chain deeper than 64 is dsl.too_deep on the extends that goes too far', () => {
    const source = `rulebook r0 {\n}\n${Array.from({ length: 70 }, (_, i) => `rulebook r${i + 1} extends r${i} {\n}`).join('\n')}\n`;
    const deep = check(source).filter((diagnostic) => diagnostic.code === 'dsl.too_deep');
    expect(deep.map((diagnostic) => diagnostic.message)).toContain("rulebook 'r65' is more than 64 extends deep");
    expect(deep).toHaveLength(6);
  });
});
