import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readHistoryFile, readHistoryLines, validateHistoryFile } from './history-file.ts';
import { MAX_HISTORY_LINE_BYTES } from './history-lines.ts';

const root = mkdtempSync(join(tmpdir(), 'a6-history-lines-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const joined = (id: string) => JSON.stringify({ type: 'PartyJoined', id, at: '2021-01-01', data: { party: 'CHE', name: 'Switzerland' } });

async function lines(path: string): Promise<string[]> {
  const seen: string[] = [];
  for await (const line of readHistoryLines(path)) seen.push(line);
  return seen;
}

// docs/reliability.md "Hostile files": bounded lines and strict UTF-8, each a located history issue.
describe('history file lines', () => {
  it('splits on \\n and \\r\\n, drops a leading BOM, keeps a last line without a line end', async () => {
    const path = join(root, 'plain.ndjson');
    writeFileSync(path, `\uFEFFa\r\nb\n\nc`);
    expect(await lines(path)).toEqual(['a', 'b', '', 'c']);
  });

  it('a line longer than the bound is history.line_too_long at its line, never a RangeError', async () => {
    const path = join(root, 'long.ndjson');
    writeFileSync(path, `${joined('a')}\n${'x'.repeat(MAX_HISTORY_LINE_BYTES + 1)}\n`);
    for (const result of [await validateHistoryFile(path), await readHistoryFile(path, { sort: true })]) {
      expect(!result.ok && result.issues).toEqual([expect.objectContaining({ code: 'history.line_too_long', line: 2 })]);
    }
  });

  it('/dev/zero is history.line_too_long at line 1', async () => {
    const result = await validateHistoryFile('/dev/zero');
    expect(!result.ok && result.issues).toEqual([expect.objectContaining({ code: 'history.line_too_long', line: 1 })]);
  });

  it('bytes that are not UTF-8 are history.not_utf8 with line and column, not U+FFFD', async () => {
    const path = join(root, 'latin1.ndjson');
    writeFileSync(path, Buffer.concat([Buffer.from(`${joined('a')}\n{"type":"PartyJoined","id":"b","at":"2021-01-01","data":{"party":"CHE","name":"Z`), Buffer.from([0xfc]), Buffer.from('rich"}}\n')]));
    const result = await validateHistoryFile(path);
    expect(!result.ok && result.issues).toEqual([expect.objectContaining({ code: 'history.not_utf8', line: 2 })]);
    expect(!result.ok && result.issues[0]!.message).toContain('column 81');
  });

  it('a lone surrogate encoded in UTF-8 (0xED 0xA0 0x80) is not UTF-8 either', async () => {
    const path = join(root, 'surrogate.ndjson');
    writeFileSync(path, Buffer.concat([Buffer.from('{"a":"'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('"}\n')]));
    const result = await validateHistoryFile(path);
    expect(!result.ok && result.issues[0]).toMatchObject({ code: 'history.not_utf8', line: 1 });
  });
});
