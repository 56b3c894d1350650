import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readHistoryFileInOnePass } from './history-file-pass.ts';
import { readHistoryLines, validateHistoryFile } from './history-file.ts';
import type { HistoryEvent } from './types.ts';
import { generateHistory } from '../gen/generate-history.ts';

const dir = mkdtempSync(join(tmpdir(), 'a6-one-pass-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

function file(text: string): string {
  const path = join(dir, `h${(files += 1)}.ndjson`);
  writeFileSync(path, text);
  return path;
}

async function onePass(path: string, chunkBytes?: number) {
  const reading = readHistoryFileInOnePass(path, chunkBytes === undefined ? {} : { chunkBytes });
  const events: HistoryEvent[] = [];
  for await (const batch of reading.source.batches) events.push(...batch);
  return { events, result: reading.result() };
}

const party = (code: string, id: string) => `{"type":"PartyJoined","id":"${id}","at":"2021-01-01","data":{"party":"${code}","name":"${code}"}}`;

describe('readHistoryFileInOnePass', () => {
  it('splits lines as readline does (\\n, \\r\\n, lone \\r, BOM), even across small reads', async () => {
    const text = `\uFEFF${party('CHE', 'a')}\r\n// note\r${party('GHA', 'b')}\n\n${party('PER', 'c')}\r\n${party('SEN', 'd')}`;
    const path = file(text);
    const lines: string[] = [];
    for await (const line of readHistoryLines(path)) lines.push(line);
    for (const chunkBytes of [1, 2, 3, 7, 64, undefined]) {
      const { events, result } = await onePass(path, chunkBytes);
      expect(result).toEqual({ ok: true, events: 4 });
      expect(events.map((event) => event.id)).toEqual(['a', 'b', 'c', 'd']);
    }
    expect(await validateHistoryFile(path)).toMatchObject({ ok: true, events: 4 });
  });

  it('reports exactly the issues of validateHistoryFile, and hands nothing over after the first', async () => {
    const lines = [party('CHE', 'a'), party('GHA', 'b'), '{"type":"PartyJoined","at":"2021-01-01","data":{"party":"x"}}', party('PER', 'b'), 'not json', party('SEN', 'e')];
    const path = file(lines.join('\n') + '\n');
    const expected = await validateHistoryFile(path);
    expect(expected.ok).toBe(false);
    for (const chunkBytes of [5, undefined]) {
      const { events, result } = await onePass(path, chunkBytes);
      expect(result).toEqual(expected);
      expect(events.map((event) => event.id)).toEqual(chunkBytes === undefined ? [] : ['a', 'b']);
    }
  });

  it('gives the events a valid file holds, with the same verdict as the two-pass validation', async () => {
    const generated = [...generateHistory({ events: 2_000, seed: '5' })];
    const path = file(generated.map((event) => JSON.stringify(event)).join('\n'));
    const { events, result } = await onePass(path, 4_096);
    expect(await validateHistoryFile(path)).toMatchObject({ ok: true, events: 2_000 });
    expect(result).toEqual({ ok: true, events: 2_000 });
    expect(events).toEqual(generated);
  });

  it('reports an unreadable file as history.unreadable', async () => {
    const { result } = await onePass(join(dir, 'missing.ndjson'));
    expect(result).toMatchObject({ ok: false, issues: [{ code: 'history.unreadable' }] });
    expect(result).toEqual(await validateHistoryFile(join(dir, 'missing.ndjson')));
  });
});
