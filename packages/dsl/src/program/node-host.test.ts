import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkProgram } from '../check/check-program.ts';
import { MAX_IMPORT_DEPTH } from './load-program.ts';
import { MAX_SOURCE_BYTES, nodeSourceHost } from './node-host.ts';

const root = mkdtempSync(join(tmpdir(), 'a6-node-host-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const check = (entry: string) => checkProgram(nodeSourceHost(root), [entry]).diagnostics;

// docs/reliability.md "Hostile files": every refusal is a located diagnostic, never a crash or a repair.
describe('the Node source host refuses hostile files', () => {
  it('import "/dev/zero" is refused as not a regular file, without reading it', () => {
    writeFileSync(join(root, 'zero.a6'), 'import "/dev/zero"\nrulebook a {\n}\n');
    expect(check('zero.a6')).toEqual([expect.objectContaining({ code: 'dsl.import_not_found', message: "cannot import '/dev/zero': /dev/zero is not a regular file", start: { line: 1, column: 8 } })]);
  });

  it('a file over the size limit is dsl.too_large before it is read', () => {
    writeFileSync(join(root, 'big.a6'), `// ${'x'.repeat(MAX_SOURCE_BYTES)}\n`);
    expect(check('big.a6')).toEqual([expect.objectContaining({ code: 'dsl.too_large' })]);
  });

  it('Latin-1 bytes are dsl.not_utf8 with the line and column', () => {
    writeFileSync(join(root, 'latin1.a6'), Buffer.concat([Buffer.from('rulebook a "Z'), Buffer.from([0xfc]), Buffer.from('rich" {\n}\n')]));
    writeFileSync(join(root, 'imports-latin1.a6'), 'import "latin1.a6"\nrulebook b {\n}\n');
    expect(check('latin1.a6')).toEqual([expect.objectContaining({ code: 'dsl.not_utf8', message: expect.stringContaining('line 1, column 14') })]);
    expect(check('imports-latin1.a6')).toEqual([expect.objectContaining({ code: 'dsl.not_utf8', start: { line: 1, column: 8 } })]);
  });

  it('an import chain deeper than the limit is dsl.too_deep, not a stack overflow', () => {
    const depth = 5_000;
    for (let i = 0; i < depth; i++) writeFileSync(join(root, `chain-${i}.a6`), `import "chain-${i + 1}.a6"\nrulebook r${i} {\n}\n`);
    writeFileSync(join(root, `chain-${depth}.a6`), 'rulebook last {\n}\n');
    const diagnostics = check('chain-0.a6');
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'dsl.too_deep', file: `chain-${MAX_IMPORT_DEPTH - 1}.a6` })]);
  });
});
