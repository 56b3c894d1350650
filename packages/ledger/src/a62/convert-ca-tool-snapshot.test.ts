import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeHistoryLines } from '../events/decode-history.ts';
import type { HistoryEvent } from '../events/types.ts';
import { a62HistoryNdjson, convertCaToolSnapshot } from './convert-ca-tool-snapshot.ts';
import { decodeCaToolSnapshot, type CaToolSnapshot } from './ca-tool-snapshot.ts';

const SNAPSHOT = new URL('../../../../examples/data/a62-ca-tool-snapshot-2026-08-14.json', import.meta.url);
const EXAMPLE = new URL('../../../../examples/histories/a62-ca-tool-2026-08-14.ndjson', import.meta.url);

function snapshot(): CaToolSnapshot {
  const decoded = decodeCaToolSnapshot(JSON.parse(readFileSync(SNAPSHOT, 'utf8')));
  if (!decoded.ok) throw new Error(JSON.stringify(decoded.issues));
  return decoded.value;
}

function events(): readonly HistoryEvent[] {
  const converted = convertCaToolSnapshot(snapshot());
  if (!converted.ok) throw new Error(JSON.stringify(converted.issues));
  return converted.value.events;
}

describe('convertCaToolSnapshot on the real snapshot', () => {
  it('gives one issuance per block, one activity, account and authorization per project and host', () => {
    const counts: Record<string, number> = {};
    for (const event of events()) counts[event.type] = (counts[event.type] ?? 0) + 1;
    expect(counts).toEqual({ PartyJoined: 14, RegistryOpened: 2, ActivityRegistered: 99, AccountOpened: 99, AuthorizationIssued: 99, UnitsIssued: 601 });
  });

  it('issues exactly the 23,240,850 units of the snapshot, each block numbered as its serial says', () => {
    const issued = events().filter((event) => event.type === 'UnitsIssued');
    expect(issued.reduce((sum, event) => sum + event.data.to - event.data.from + 1, 0)).toBe(23_240_850);
    for (const event of issued) expect(event.data.to - event.data.from + 1).toBe(event.meta?.vol);
    const verra = issued.find((event) => event.meta?.row === 573)!;
    expect(verra.data).toMatchInlineSnapshot(`
      {
        "account": "VERRA:VCS4151-NGA",
        "activity": "VCS4151-NGA",
        "block": "19337-940179796-940188731-VCS-VCU-1289-VER-NG-3-4151-01012023-31122023-0",
        "from": 940179796,
        "to": 940188731,
        "unitType": "VCU",
        "vintage": 2023,
      }
    `);
    expect(verra.meta?.sn).toBe('19337-940179796-940188731-VCS-VCU-1289-VER-NG-3-4151-01012023-31122023-0 ');
  });

  it('is a valid history: unique ids, dates never decrease, every reference opened earlier', () => {
    const ids = new Set<string>();
    const parties = new Set<string>();
    const registries = new Set<string>();
    const accounts = new Set<string>();
    const activities = new Set<string>();
    const blocks = new Set<string>();
    let last = '';
    for (const event of events()) {
      expect(ids.has(event.id)).toBe(false);
      ids.add(event.id);
      expect(event.at >= last).toBe(true);
      last = event.at;
      switch (event.type) {
        case 'PartyJoined':
          parties.add(event.data.party);
          break;
        case 'RegistryOpened':
          registries.add(event.data.registry);
          break;
        case 'ActivityRegistered':
          expect(parties.has(event.data.host)).toBe(true);
          activities.add(event.data.activity);
          break;
        case 'AccountOpened':
          expect(registries.has(event.data.account.split(':')[0]!)).toBe(true);
          accounts.add(event.data.account);
          break;
        case 'AuthorizationIssued':
          expect(parties.has(event.data.party)).toBe(true);
          expect(activities.has(event.data.activity!)).toBe(true);
          break;
        case 'UnitsIssued':
          expect(accounts.has(event.data.account)).toBe(true);
          expect(activities.has(event.data.activity)).toBe(true);
          expect(blocks.has(event.data.block)).toBe(false);
          blocks.add(event.data.block);
          break;
        default:
          throw new Error(`unexpected ${event.type}`);
      }
    }
  });

  it('imports cleanly: the history schema and the import checks raise nothing', async () => {
    const decoded = await decodeHistoryLines(readFileSync(EXAMPLE, 'utf8').split('\n'));
    expect(decoded.ok ? decoded.events.length : decoded.issues).toBe(914);
  });

  it('maps purposes and first-transfer definitions per authorization, dated 1 January of its year', () => {
    const authorizations = events().filter((event) => event.type === 'AuthorizationIssued');
    const gambia = authorizations.find((event) => event.data.party === 'GMB')!;
    expect({ at: gambia.at, data: gambia.data }).toMatchInlineSnapshot(`
      {
        "at": "2024-01-01",
        "data": {
          "activity": "VCS4000",
          "authorization": "VCS4000-CA0044",
          "firstTransfer": "international_transfer",
          "party": "GMB",
          "purposes": [
            "NDC",
            "OIMP",
          ],
        },
      }
    `);
    const tanzania = authorizations.find((event) => event.data.activity === 'GS11732')!;
    expect(tanzania.data.purposes).toEqual(['OIMP']);
    expect(tanzania.data.firstTransfer).toBe('authorization');
    const zimbabwe = authorizations.filter((event) => event.data.party === 'ZWE');
    expect(zimbabwe.map((event) => event.data.firstTransfer)).toEqual(['issuance', 'issuance']);
    expect(String(zimbabwe[0]!.meta?.publisherNote)).toContain("'cancellation/use'");
  });

  it('gives the same bytes every run, and the committed example is up to date', () => {
    const once = convertCaToolSnapshot(snapshot());
    const twice = convertCaToolSnapshot(snapshot());
    if (!once.ok || !twice.ok) throw new Error('conversion failed');
    expect(a62HistoryNdjson(twice.value)).toBe(a62HistoryNdjson(once.value));
    expect(readFileSync(EXAMPLE, 'utf8')).toBe(a62HistoryNdjson(once.value));
  });
});

describe('convertCaToolSnapshot on bad rows', () => {
  it('reports a volume that disagrees with the serial range, an unknown host and a duplicate serial', () => {
    const real = snapshot();
    const [first, second] = real.blocks;
    const broken: CaToolSnapshot = {
      ...real,
      blocks: [{ ...first!, volume: 99 }, { ...second!, country: 'Atlantis' }, { ...second!, row: 2 }],
    };
    const converted = convertCaToolSnapshot(broken);
    expect(converted.ok).toBe(false);
    if (converted.ok) return;
    expect(converted.issues).toMatchInlineSnapshot(`
      [
        {
          "code": "a62.volume_mismatch",
          "message": "serial 'GS1-1-TZ-GS11732-16-2022-25700-1-100' gives 1–100 (100 units) but vol is 99",
          "path": "c.sn.0",
          "row": 0,
        },
        {
          "code": "a62.unknown_host",
          "message": "no ISO 3166-1 alpha-3 code known for 'Atlantis'",
          "path": "c.cty.1",
          "row": 1,
        },
        {
          "code": "a62.duplicate_serial",
          "message": "serial 'GS1-1-TZ-GS11732-16-2023-28108-103008-103599' already given by row 1",
          "path": "c.sn.2",
          "row": 2,
        },
      ]
    `);
  });

  it('refuses rows of one activity that disagree on their authorization', () => {
    const real = snapshot();
    const [first, second] = real.blocks;
    const converted = convertCaToolSnapshot({ ...real, blocks: [first!, { ...second!, authorizationYear: 2026 }] });
    expect(converted.ok).toBe(false);
    if (!converted.ok) expect(converted.issues.map((issue) => issue.code)).toEqual(['a62.conflicting_authorization']);
  });

  it('decodes nothing from a file of the wrong shape, with paths', () => {
    const decoded = decodeCaToolSnapshot({ cutoff: '2026-08-14', version: '1.0', n: 1, d: {}, c: {}, rowmeta: {}, notes: [] });
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.issues[0]).toMatchObject({ code: 'a62.bad_snapshot', path: 'd.prog' });
  });
});
