import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeHistoryLines, decodeHistoryStream } from './decode-history.ts';
import { readHistoryFile, streamHistoryFile, validateHistoryFile } from './history-file.ts';
import { chainHead } from './hash-chain.ts';
import { HistoryChecker } from './history-checker.ts';
import { formatHistoryIssue, MAX_HISTORY_ISSUES } from './history-issue.ts';
import { VALID_LINES } from './valid-lines.fixture.ts';
import { EVENT_TYPES, type HistoryEvent } from './types.ts';

const line = (event: Record<string, unknown>) => JSON.stringify(event);
const joined = (id: string, party: string, at = '2021-01-01') => line({ type: 'PartyJoined', id, at, data: { party, name: party } });

/** Codes with their lines, the shape every report is checked in. */
async function codes(lines: readonly string[], sort = false): Promise<string[]> {
  const decoded = await decodeHistoryLines(lines, { sort });
  return decoded.ok ? [] : decoded.issues.map((issue) => `${issue.line}:${issue.code}${issue.path ? ` ${issue.path}` : ''}`);
}

const opening = [
  joined('j1', 'CHE'),
  line({ type: 'RegistryOpened', id: 'r1', at: '2021-01-02', data: { registry: 'CH', kind: 'national', party: 'CHE' } }),
  line({ type: 'AccountOpened', id: 'a1', at: '2021-01-03', data: { account: 'CH:1', kind: 'holding', holder: 'h' } }),
  line({ type: 'ActivityRegistered', id: 'act', at: '2021-01-04', data: { activity: 'a1', host: 'CHE', mechanism: '6.2' } }),
  line({
    type: 'UnitsIssued',
    id: 'i1',
    at: '2021-01-05',
    data: { account: 'CH:1', activity: 'a1', unitType: 'ITMO', block: 'b1', from: 1, to: 100, vintage: 2021 },
  }),
];

describe('decodeHistoryLines', () => {
  it('decodes a history with every event type in a referentially sound order', async () => {
    const lines = EVENT_TYPES.map((type) => VALID_LINES[type]);
    // TransactionDecided names an earlier event id: point it at the first event.
    const decided = JSON.parse(lines.at(-1) ?? '{}');
    const withIds = lines.slice(0, -1).map((text, index) => ({ ...JSON.parse(text), id: `e${index}` }));
    decided.data.event = 'e0';
    const decoded = await decodeHistoryLines([...withIds.map(line), line(decided)]);
    expect(decoded.ok ? decoded.events.map((event) => event.type) : decoded.issues).toEqual(EVENT_TYPES);
    expect(decoded.ok && decoded.head).toBe(chainHead(decoded.ok ? decoded.events : []));
  });

  it('ignores blank and // lines but counts them in line numbers', async () => {
    expect(await codes(['// header', '', joined('j', 'CHE'), '   ', '{"broken"'])).toEqual(['5:history.malformed_json']);
  });

  it('requires at to be non-decreasing by UTC instant (a date is its T00:00:00Z)', async () => {
    expect(await codes([joined('a', 'CHE', '2021-01-01T00:00:00Z'), joined('b', 'GHA', '2021-01-01')])).toEqual([]);
    expect(await codes([joined('a', 'CHE', '2021-01-01T10:00:00Z'), joined('b', 'GHA', '2021-01-01')])).toEqual([
      '2:history.at_decreasing at',
    ]);
    expect(await codes([joined('a', 'CHE', '2021-01-02'), joined('b', 'GHA', '2021-01-01'), joined('c', 'FRA', '2021-01-01T12:00Z')])).toEqual([
      '2:history.at_decreasing at',
      '3:history.at_decreasing at',
    ]);
  });

  it('sorts stably by at with --sort and checks order and references in sorted order', async () => {
    const lines = [
      joined('late', 'GHA', '2021-03-01'),
      line({ type: 'RegistryOpened', id: 'r', at: '2021-02-01', data: { registry: 'GH', kind: 'national', party: 'GHA' } }),
      joined('early', 'GHA', '2021-01-01'),
      joined('early-2', 'FRA', '2021-01-01'),
    ];
    expect(await codes(lines)).toEqual(['2:history.at_decreasing at', '3:history.at_decreasing at', '4:history.at_decreasing at']);
    const sorted = await decodeHistoryLines(lines, { sort: true });
    expect(sorted.ok && sorted.events.map((event) => event.id)).toEqual(['early', 'early-2', 'r', 'late']);
    const registryFirst = [
      joined('join', 'GHA', '2021-02-01'),
      line({ type: 'RegistryOpened', id: 'r', at: '2021-01-01', data: { registry: 'GH', kind: 'national', party: 'GHA' } }),
    ];
    expect(await codes(registryFirst)).toEqual(['2:history.at_decreasing at']);
    expect(await codes(registryFirst, true)).toEqual(['2:history.unknown_reference data.party']);
  });

  it('reports repeated ids and identical id-less lines', async () => {
    const same = line({ type: 'PartyJoined', at: '2021-01-01', data: { party: 'CHE', name: 'S' } });
    expect(await codes([same, same])).toEqual(['2:history.duplicate_event']);
    expect(await codes([joined('x', 'CHE'), joined('x', 'GHA')])).toEqual(['2:history.duplicate_id id']);
    const decoded = await decodeHistoryLines([joined('x', 'CHE'), joined('x', 'CHE')]);
    expect(decoded.ok ? [] : decoded.issues.map((issue) => formatHistoryIssue('h.ndjson', issue))).toEqual([
      'h.ndjson:2: error[history.duplicate_id]: id: id "x" is already used on line 1',
    ]);
  });

  it('reports references that no earlier line opens, joins, registers or issues', async () => {
    const more = (event: Record<string, unknown>) => [...opening, line(event)];
    expect(await codes(opening)).toEqual([]);
    expect(
      await codes(more({ type: 'UnitsTransferred', id: 't', at: '2021-02-01', data: { from: 'CH:1', to: 'CH:2', units: [{ block: 'b2', from: 1, to: 2 }] } })),
    ).toEqual(['6:history.unknown_reference data.to', '6:history.unknown_reference data.units[0].block']);
    expect(
      await codes(more({ type: 'UnitsTransferred', id: 't', at: '2021-02-01', data: { from: 'CH:1', to: 'LEVY:SOP', units: [{ block: 'b1', from: 1, to: 2 }] } })),
    ).toEqual([]);
    expect(await codes(more({ type: 'AccountOpened', id: 'x', at: '2021-02-01', data: { account: 'GH:1', kind: 'holding', holder: 'h', party: 'GHA' } }))).toEqual([
      '6:history.unknown_reference data.account',
      '6:history.unknown_reference data.party',
    ]);
    expect(
      await codes(more({ type: 'UnitsUsed', id: 'u', at: '2021-02-01', data: { account: 'CH:1', units: [{ block: 'b1', from: 1, to: 2 }], purpose: 'NDC', by: 'GHA' } })),
    ).toEqual(['6:history.unknown_reference data.by']);
    expect(
      await codes(more({ type: 'UnitsUsed', id: 'u', at: '2021-02-01', data: { account: 'CH:1', units: [{ block: 'b1', from: 1, to: 2 }], purpose: 'voluntary', by: 'Acme' } })),
    ).toEqual([]);
    expect(await codes(more({ type: 'ActivityTransitioned', id: 'x', at: '2021-02-01', data: { activity: 'a2', to: '6.4', requestedOn: '2021-02-01' } }))).toEqual([
      '6:history.unknown_reference data.activity',
    ]);
    expect(await codes(more({ type: 'AuthorizationRevoked', id: 'x', at: '2021-02-01', data: { authorization: 'nope' } }))).toEqual([
      '6:history.unknown_reference data.authorization',
    ]);
    expect(
      await codes(more({ type: 'TransactionDecided', id: 'x', at: '2021-02-01', data: { event: 'i1', rulebook: { name: 'G', sha256: 'a'.repeat(64) }, verdict: 'accepted', reasons: [] } })),
    ).toEqual([]);
    expect(
      await codes(more({ type: 'TransactionDecided', id: 'x', at: '2021-02-01', data: { event: 'later', rulebook: { name: 'G', sha256: 'a'.repeat(64) }, verdict: 'accepted', reasons: [] } })),
    ).toEqual(['6:history.unknown_reference data.event']);
  });

  it('accepts references to facts of the stored history (seeded checker)', async () => {
    const checker = new HistoryChecker();
    const stored = await decodeHistoryLines(opening);
    for (const event of stored.ok ? stored.events : []) checker.seed(event);
    const continuation = [
      line({ type: 'UnitsCancelled', id: 'c', at: '2021-02-01', data: { account: 'CH:1', units: [{ block: 'b1', from: 1, to: 2 }], reason: 'voluntary' } }),
      line({ type: 'UnitsCancelled', id: 'c2', at: '2020-02-01', data: { account: 'CH:1', units: [{ block: 'b1', from: 3, to: 4 }], reason: 'voluntary' } }),
    ];
    const decoded = await decodeHistoryLines([...opening, ...continuation.slice(0, 1)], { checker });
    expect(decoded.ok).toBe(true);
    const late = await decodeHistoryLines(continuation.slice(1), { checker: seeded(stored.ok ? stored.events : []) });
    expect(late.ok ? [] : late.issues.map((issue) => [issue.code, issue.message])).toEqual([
      ['history.at_decreasing', '2020-02-01 is earlier than the last stored event of the history (2021-01-05)'],
    ]);
  });

  it('reports every error up to 100, then says how many more', async () => {
    const lines = Array.from({ length: 150 }, (_, index) => `{"bad" ${index}`);
    const decoded = await decodeHistoryLines(lines);
    expect(decoded.ok).toBe(false);
    const issues = decoded.ok ? [] : decoded.issues;
    expect(issues).toHaveLength(MAX_HISTORY_ISSUES + 1);
    expect(issues.at(-1)).toEqual({ code: 'history.too_many_errors', message: '50 more error(s) not shown (first 100 listed)' });
  });
});

function seeded(events: readonly HistoryEvent[]): HistoryChecker {
  const checker = new HistoryChecker();
  for (const event of events) checker.seed(event);
  return checker;
}

describe('history files', () => {
  const root = mkdtempSync(join(tmpdir(), 'a6-history-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('reads a file with a BOM and CRLF line ends like an import, in one or two passes', async () => {
    const path = join(root, 'crlf.ndjson');
    writeFileSync(path, `\uFEFF${opening.join('\r\n')}\r\n`);
    const decoded = await readHistoryFile(path);
    expect(decoded.ok && decoded.events.map((event) => event.id)).toEqual(['j1', 'r1', 'a1', 'act', 'i1']);
    const validation = await validateHistoryFile(path);
    expect(validation).toEqual({ ok: true, events: 5, head: decoded.ok ? decoded.head : '' });
    const streamed: string[] = [];
    for await (const event of streamHistoryFile(path)) streamed.push(event.id);
    expect(streamed).toEqual(['j1', 'r1', 'a1', 'act', 'i1']);
  });

  it('streams decoded events with their lines and leaves issues in the checker log', async () => {
    const checker = new HistoryChecker();
    const seen: number[] = [];
    for await (const decoded of decodeHistoryStream(['// x', joined('a', 'CHE'), 'nope', joined('b', 'GHA')], checker)) seen.push(decoded.line);
    expect(seen).toEqual([2, 4]);
    expect(checker.log.issues.map((issue) => issue.line)).toEqual([3]);
  });

  it('a file that cannot be read is a history issue (invalid input), not a thrown fault', async () => {
    for (const path of [join(root, 'missing.ndjson'), root]) {
      const validation = await validateHistoryFile(path);
      const decoded = await readHistoryFile(path, { sort: true });
      for (const result of [validation, decoded]) {
        expect(result.ok).toBe(false);
        expect(!result.ok && result.issues.map((issue) => issue.code)).toEqual(['history.unreadable']);
      }
      expect(!validation.ok && formatHistoryIssue(path, validation.issues[0]!)).toMatch(new RegExp(`^${path}: error\\[history\\.unreadable\\]: cannot read the file \\(E`));
    }
  });

  it('fails the second pass when the file changed after validation', async () => {
    const path = join(root, 'changing.ndjson');
    writeFileSync(path, `${opening.join('\n')}\n`);
    expect((await validateHistoryFile(path)).ok).toBe(true);
    const validated = await validateHistoryFile(path);
    writeFileSync(path, `${opening.join('\n')}\nnot json\n`);
    const consume = async (expectedHead?: string) => {
      for await (const _event of streamHistoryFile(path, expectedHead)) {
        // drain
      }
    };
    await expect(consume()).rejects.toThrow(/changed while it was read: line 6/);
    writeFileSync(path, `${opening.slice(0, 4).join('\n')}\n`);
    await expect(consume(validated.ok ? validated.head : undefined)).rejects.toThrow(/no longer give the validated chain head/);
  });
});
