import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeHistoryLines } from '../events/decode-history.ts';
import { EVENT_TYPES, type HistoryEvent } from '../events/types.ts';
import { GLASGOW_ADOPTION } from './glasgow-adoption.ts';
import { generateHistory } from './generate-history.ts';

const GLASGOW_FILE = new URL('../../../../examples/rulebooks/glasgow-2021.a6', import.meta.url);

function ndjson(events: Iterable<HistoryEvent>): string {
  let text = '';
  for (const event of events) text += JSON.stringify(event) + '\n';
  return text;
}

const tenThousand = [...generateHistory({ events: 10_000, seed: 'golden' })];

describe('generateHistory', () => {
  it('gives the same bytes for the same seed and other bytes for another seed', () => {
    const again = ndjson(generateHistory({ events: 10_000, seed: 'golden' }));
    expect(again).toBe(ndjson(tenThousand));
    expect(ndjson(generateHistory({ events: 10_000, seed: 'other' }))).not.toBe(again);
  });

  it('yields exactly N events, whatever N', () => {
    for (const events of [0, 1, 7, 150, 999, 2_500]) expect([...generateHistory({ events, seed: 's', parties: 5 })]).toHaveLength(events);
    expect(tenThousand).toHaveLength(10_000);
  });

  it('covers every event type in 10k events', () => {
    const types = new Set(tenThousand.map((event) => event.type));
    expect([...EVENT_TYPES].filter((type) => !types.has(type))).toEqual([]);
  });

  it('is a valid history: unique ids, non-decreasing dates, every reference opened before it is used', () => {
    for (const events of [tenThousand, [...generateHistory({ events: 20_000, seed: '42', parties: 120 })]]) {
      const ids = new Set<string>();
      const parties = new Set<string>();
      const registries = new Set<string>(['LEVY']);
      const accounts = new Set<string>();
      const activities = new Set<string>();
      const blocks = new Set<string>();
      let last = '';
      const problems: string[] = [];
      const opened = (account: string): boolean => accounts.has(account) || account.startsWith('LEVY:');
      for (const event of events) {
        if (ids.has(event.id)) problems.push(`${event.id}: duplicate id`);
        ids.add(event.id);
        if (event.at < last) problems.push(`${event.id}: at decreases`);
        last = event.at;
        const problem = ((): string | null => {
          switch (event.type) {
            case 'PartyJoined':
              parties.add(event.data.party);
              return null;
            case 'NdcCommunicated':
            case 'InventoryReported':
              return parties.has(event.data.party) ? null : 'party';
            case 'RegistryOpened':
              registries.add(event.data.registry);
              return event.data.party === undefined || parties.has(event.data.party) ? null : 'party';
            case 'AccountOpened':
              accounts.add(event.data.account);
              return registries.has(event.data.account.split(':')[0]!) ? null : 'registry';
            case 'ActivityRegistered':
              activities.add(event.data.activity);
              return parties.has(event.data.host) ? null : 'host';
            case 'ActivityTransitioned':
              return activities.has(event.data.activity) ? null : 'activity';
            case 'AuthorizationIssued':
              return activities.has(event.data.activity!) && parties.has(event.data.party) ? null : 'authorization refs';
            case 'UnitsIssued':
              if (blocks.has(event.data.block)) return 'duplicate block';
              blocks.add(event.data.block);
              return opened(event.data.account) && activities.has(event.data.activity) && Number.isSafeInteger(event.data.to) && event.data.from <= event.data.to ? null : 'issuance refs';
            case 'UnitsTransferred':
              return opened(event.data.from) && opened(event.data.to) && event.data.units.every((range) => blocks.has(range.block)) ? null : 'transfer refs';
            case 'UnitsUsed':
              if (event.data.purpose === 'NDC' && !parties.has(event.data.by)) return 'NDC use by unknown Party';
              return opened(event.data.account) && event.data.units.every((range) => blocks.has(range.block)) ? null : 'use refs';
            case 'UnitsCancelled':
              return opened(event.data.account) && event.data.units.every((range) => blocks.has(range.block)) ? null : 'cancel refs';
            case 'TransactionDecided':
              return ids.has(event.data.event) ? null : 'decided event';
            default:
              return null;
          }
        })();
        if (problem !== null) problems.push(`${event.id}: ${problem}: ${JSON.stringify(event.data)}`);
      }
      expect(problems.slice(0, 5)).toEqual([]);
    }
  });

  it('passes the history schema and the import checks line by line', async () => {
    const decoded = await decodeHistoryLines(ndjson(tenThousand).split('\n'));
    expect(decoded.ok ? [] : decoded.issues.slice(0, 5)).toEqual([]);
  });

  it('mixes Glasgow-valid requests with a few deliberate rejections, recorded as live verdicts', () => {
    const decided = tenThousand.filter((event) => event.type === 'TransactionDecided');
    const codes = new Set(decided.flatMap((event) => event.data.reasons.map((reason) => reason.code)));
    expect([...codes].sort()).toEqual(['ledger.not_transitioned', 'ledger.units_not_held', 'rule.authorized_first', 'rule.cdm_window', 'rule.vintage_2021']);
    const rejected = decided.filter((event) => event.data.verdict === 'rejected').length;
    expect(rejected).toBeGreaterThan(10);
    expect(rejected).toBeLessThan(tenThousand.length * 0.03);
    const purposes = new Set(tenThousand.flatMap((event) => (event.type === 'UnitsUsed' ? [event.data.purpose] : [])));
    expect([...purposes].sort()).toEqual(['NDC', 'OIMP', 'voluntary']);
    const kinds = new Set(tenThousand.flatMap((event) => (event.type === 'RegistryOpened' ? [event.data.kind] : [])));
    expect(kinds.size).toBe(6);
    const definitions = new Set(tenThousand.flatMap((event) => (event.type === 'AuthorizationIssued' ? [event.data.firstTransfer ?? 'absent'] : [])));
    expect(definitions.size).toBe(5);
  });

  it('names the Glasgow rulebook file it was decided under by its exact sha256', () => {
    expect(createHash('sha256').update(readFileSync(GLASGOW_FILE)).digest('hex')).toBe(GLASGOW_ADOPTION.sha256);
  });

  it('refuses an impossible request', () => {
    expect(() => [...generateHistory({ events: -1 })]).toThrow(RangeError);
    expect(() => [...generateHistory({ events: 10, parties: 1 })]).toThrow(RangeError);
  });
});
