import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateHistory, type HistoryEvent } from '@a6/ledger';
import { runA6 as a6 } from '../run-a6.test-support.ts';

const scratch = mkdtempSync(join(tmpdir(), 'a6-verify-rulebooks-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A generated history (RulebookAdopted glasgow_2021 with the example file's sha256, TransactionDecided verdicts) in a fresh store. */
async function storeWith(name: string, edit: (events: HistoryEvent[]) => HistoryEvent[] = (events) => events): Promise<string> {
  const events = edit([...generateHistory({ events: 1500, seed: '7', parties: 8 })]);
  const file = join(scratch, `${name}.ndjson`);
  writeFileSync(file, events.map((event) => JSON.stringify(event)).join('\n') + '\n');
  const store = `sqlite:${join(scratch, `${name}.db`)}`;
  const imported = await a6(['import', file, '--store', store]);
  expect(imported.exitCode).toBe(0);
  return store;
}

const GLASGOW = 'examples/rulebooks/glasgow-2021.a6';

describe('a6 verify --rulebook', () => {
  it('replays the adoption period with the matching file and finds every recorded verdict reproduced', async () => {
    const store = await storeWith('good');
    const result = await a6(['verify', '--store', store, '--rulebook', GLASGOW, '--json']);
    expect(result.exitCode).toBe(0);
    const document = JSON.parse(result.stdout);
    expect(document).toMatchObject({ ok: true, broken: null, rulebooks: [{ adoption: { name: 'glasgow_2021', seq: 0 }, status: 'verified', file: GLASGOW, mismatches: [] }] });
    expect(document.rulebooks[0].decisions).toBeGreaterThan(0);
  });

  it('a recorded verdict the rulebook does not give is a mismatch (exit 1), named by position and event', async () => {
    let flipped = '';
    const store = await storeWith('tampered', (events) =>
      events.map((event) => {
        if (flipped !== '' || event.type !== 'TransactionDecided' || event.data.verdict !== 'rejected') return event;
        flipped = event.data.event;
        return { ...event, data: { ...event.data, verdict: 'accepted', reasons: [] } };
      }),
    );
    const result = await a6(['verify', '--store', store, '--rulebook', GLASGOW]);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toMatch(/rulebook glasgow_2021 \(sha256 451c79cdb257…\) adopted at seq 0–end, \d+ decision\(s\): MISMATCH with examples\/rulebooks\/glasgow-2021.a6: 1 decision\(s\) differ/);
    expect(result.stdout).toContain(`of event ${JSON.stringify(flipped)}: recorded accepted, replayed rejected [`);
  });

  it('a period no given file matches is unverified, not a failure', async () => {
    const store = await storeWith('other');
    const result = await a6(['verify', '--store', store, '--rulebook', 'examples/rulebooks/bilateral-singapore.a6']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/adopted at seq 0–end, \d+ decision\(s\): UNVERIFIED \(no given file declares glasgow_2021 with this sha256\)/);
  });

  it('without --rulebook the document keeps its chain-only shape', async () => {
    const store = await storeWith('plain');
    expect(Object.keys(JSON.parse((await a6(['verify', '--store', store, '--json'])).stdout))).toEqual(['ok', 'events', 'head', 'broken']);
  });
});
