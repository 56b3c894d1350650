import { describe, expect, expectTypeOf, it } from 'vitest';
import { canonicalJson, sha256Hex } from './canonical-json.ts';
import { schemaMatchesTypes, type SchemaPayloads } from './event-schema.ts';
import { deriveEventId, isSkippedLine, parseHistoryLine } from './parse-history-line.ts';
import { EVENT_TYPES, type EventPayloads, type HistoryEvent } from './types.ts';
import { VALID_LINES } from './valid-lines.fixture.ts';

function issuesOf(text: string) {
  const parsed = parseHistoryLine(text, 7);
  if (parsed.ok) throw new Error(`expected issues for ${text}`);
  return parsed.issues;
}

function issueOf(data: string, type = 'UnitsIssued', envelope = '') {
  return issuesOf(`{"type":"${type}","at":"2021-01-09","data":${data}${envelope}}`);
}

const issued = (patch: Record<string, unknown>) =>
  JSON.stringify({ account: 'CH:1', activity: 'a1', unitType: 'ITMO', block: 'b1', from: 1, to: 100, vintage: 2021, ...patch });

describe('parseHistoryLine', () => {
  it('accepts one complete line of every event type', () => {
    for (const type of EVENT_TYPES) {
      const parsed = parseHistoryLine(VALID_LINES[type], 1);
      expect(parsed.ok, type).toBe(true);
      if (parsed.ok) expect(parsed.event.data).toEqual(JSON.parse(VALID_LINES[type]).data);
    }
  });

  it('derives the id as sha256 of the canonical {type, at, data, meta?} when absent', () => {
    const parsed = parseHistoryLine('{"data":{"name":"Ghana","party":"GHA"},"at":"2021-01-01","type":"PartyJoined","meta":{"by":"x"}}', 1);
    expect(parsed.ok && parsed.derivedId).toBe(true);
    const expected = sha256Hex(
      canonicalJson({ type: 'PartyJoined', at: '2021-01-01', data: { party: 'GHA', name: 'Ghana' }, meta: { by: 'x' } }),
    );
    expect(parsed.ok && parsed.event.id).toBe(expected);
    expect(deriveEventId({ type: 'PartyJoined', at: '2021-01-01', data: { name: 'Ghana', party: 'GHA' }, meta: { by: 'x' } })).toBe(expected);
    const explicit = parseHistoryLine('{"type":"PartyJoined","id":"p","at":"2021-01-01","data":{"party":"GHA","name":"Ghana"}}', 1);
    expect(explicit.ok && [explicit.event.id, explicit.derivedId]).toEqual(['p', false]);
  });

  it('keeps meta verbatim and the envelope in a fixed key order', () => {
    const parsed = parseHistoryLine('{"meta":{"z":[1,{"b":2}]},"data":{"party":"GHA","name":"Ghana"},"at":"2021-01-01","id":"p","type":"PartyJoined"}', 1);
    expect(parsed.ok && Object.keys(parsed.event)).toEqual(['type', 'id', 'at', 'data', 'meta']);
    expect(parsed.ok && parsed.event.meta).toEqual({ z: [1, { b: 2 }] });
  });

  it('reports malformed JSON, non-objects and unknown types', () => {
    expect(issuesOf('{"type":')).toMatchInlineSnapshot(`
      [
        {
          "code": "history.malformed_json",
          "line": 7,
          "message": "not valid JSON (Unexpected end of JSON input)",
        },
      ]
    `);
    expect(issuesOf('[1]')[0]?.code).toBe('history.not_an_object');
    expect(issuesOf('{"at":"2021-01-01","data":{}}')).toEqual([{ code: 'history.missing_field', line: 7, path: 'type', message: 'required' }]);
    expect(issuesOf('{"type":"UnitIssued","at":"2021-01-01","data":{}}')).toMatchInlineSnapshot(`
      [
        {
          "code": "history.unknown_type",
          "line": 7,
          "message": "unknown event type "UnitIssued" (did you mean "UnitsIssued"?)",
          "path": "type",
        },
      ]
    `);
  });

  it('reports unknown fields at every level (no silent typos)', () => {
    expect(issueOf(issued({ vintagee: 2021 }))).toMatchInlineSnapshot(`
      [
        {
          "code": "history.unknown_field",
          "line": 7,
          "message": "unknown field (did you mean "vintage"?)",
          "path": "data.vintagee",
        },
      ]
    `);
    expect(issueOf(issued({}), 'UnitsIssued', ',"metta":{}')).toMatchObject([{ code: 'history.unknown_field', path: 'metta', message: 'unknown field (did you mean "meta"?)' }]);
    expect(
      issueOf('{"from":"CH:1","to":"CH:2","units":[{"block":"b1","from":1,"to":2,"vintage":2021}]}', 'UnitsTransferred'),
    ).toMatchObject([{ code: 'history.unknown_field', path: 'data.units[0].vintage' }]);
  });

  it('reports missing fields and wrong values with their path', () => {
    expect(issueOf('{"account":"CH:1","activity":"a1","unitType":"ITMO","block":"b1","from":1,"to":100}')).toEqual([
      { code: 'history.missing_field', line: 7, path: 'data.vintage', message: 'required' },
    ]);
    // A missing enum or literal field (zod says invalid_value) is missing too, not an internal error.
    expect(issueOf('{"account":"CH:1","units":[{"block":"b1","from":1,"to":2}],"by":"CHE"}', 'UnitsUsed')).toEqual([
      { code: 'history.missing_field', line: 7, path: 'data.purpose', message: 'required' },
    ]);
    expect(issueOf('{"activity":"a1","requestedOn":"2021-01-06"}', 'ActivityTransitioned')).toEqual([
      { code: 'history.missing_field', line: 7, path: 'data.to', message: 'required' },
    ]);
    expect(issueOf(issued({ from: '1' }))).toMatchInlineSnapshot(`
      [
        {
          "code": "history.bad_value",
          "line": 7,
          "message": "expected number, got "1"",
          "path": "data.from",
        },
      ]
    `);
    expect(issueOf('{"registry":"CH","kind":"natoinal"}', 'RegistryOpened')).toMatchInlineSnapshot(`
      [
        {
          "code": "history.bad_value",
          "line": 7,
          "message": "expected "national" | "international" | "mechanism" | "cdm" | "independent" | "ets", got "natoinal"",
          "path": "data.kind",
        },
      ]
    `);
  });

  it('requires integers within 2^53−1 and positive, ordered serial ranges', () => {
    expect(issueOf(issued({ to: 9007199254740993 }))).toMatchObject([{ code: 'history.unsafe_integer', path: 'data.to' }]);
    const largest = `{"type":"UnitsIssued","at":"2021-01-09","data":${issued({ to: 9007199254740991 })}}`;
    expect(parseHistoryLine(largest, 1).ok).toBe(true);
  });

  it('checks ranges, codes, account references and timestamps', () => {
    const codes = (data: string, type = 'UnitsIssued') => issueOf(data, type).map((issue) => `${issue.code} ${issue.path}`);
    expect(codes(issued({ from: 0 }))).toEqual(['history.bad_value data.from']);
    expect(codes(issued({ from: 10, to: 9 }))).toEqual(['history.bad_value data.to']);
    expect(codes(issued({ to: 2.5 }))).toEqual(['history.bad_value data.to']);
    expect(codes(issued({ account: 'CH1' }))).toEqual(['history.bad_value data.account']);
    expect(codes('{"party":"ch","name":"x"}', 'PartyJoined')).toEqual(['history.bad_value data.party']);
    expect(codes('{"account":"CH:1","units":[],"reason":"omge"}', 'UnitsCancelled')).toEqual(['history.bad_value data.units']);
    expect(codes('{"account":"CH:1","units":[{"block":"b","from":3,"to":2}],"reason":"omge"}', 'UnitsCancelled')).toEqual([
      'history.bad_value data.units[0].to',
    ]);
    expect(codes('{"account":"CH:1","units":[{"block":"b","from":1,"to":2}],"purpose":"NDC","by":"Switzerland"}', 'UnitsUsed')).toEqual([
      'history.bad_value data.by',
    ]);
    expect(codes('{"authorization":"a","party":"CHE","purposes":["NDC","NDC"]}', 'AuthorizationIssued')).toEqual([
      'history.bad_value data.purposes',
    ]);
    expect(codes('{"registry":"LEVY","kind":"national"}', 'RegistryOpened')).toEqual(['history.bad_value data.registry']);
    expect(codes('{"account":"LEVY:SOP","kind":"sop","holder":"AF"}', 'AccountOpened')).toEqual(['history.bad_value data.account']);
    expect(codes('{"name":"G","sha256":"ABC"}', 'RulebookAdopted')).toEqual(['history.bad_value data.sha256']);
    expect(codes('{"activity":"a","to":"6.4","requestedOn":"2021-13-01"}', 'ActivityTransitioned')).toEqual([
      'history.bad_timestamp data.requestedOn',
    ]);
  });

  it('accepts dates and UTC timestamps for at, nothing else', () => {
    const at = (value: string) => parseHistoryLine(`{"type":"PartyJoined","at":"${value}","data":{"party":"CHE","name":"S"}}`, 1).ok;
    for (const good of ['2024-02-29', '2023-12-07T10:00Z', '2023-12-07T10:00:00Z', '2023-12-07T10:00:00.123456Z', '2023-12-07T10:00:00+00:00']) {
      expect(at(good), good).toBe(true);
    }
    for (const bad of ['2023-02-29', '2023-12-07T10:00:00', '2023-12-07T10:00:00+01:00', '07.12.2023', '2023-12-07T24:00:00Z', '']) {
      expect(at(bad), bad).toBe(false);
    }
  });

  it('treats blank and // lines as no event', () => {
    expect(['', '   ', '// note', '  // indented'].every(isSkippedLine)).toBe(true);
    expect(isSkippedLine('{}')).toBe(false);
  });

  it('has a schema whose output types are assignable to types.ts (type-level)', () => {
    expectTypeOf<SchemaPayloads['UnitsIssued']>().toExtend<EventPayloads['UnitsIssued']>();
    expectTypeOf<SchemaPayloads['NdcCommunicated']>().toExtend<EventPayloads['NdcCommunicated']>();
    expectTypeOf<SchemaPayloads['TransactionDecided']>().toExtend<EventPayloads['TransactionDecided']>();
    expectTypeOf<SchemaPayloads>().toExtend<{ [T in keyof EventPayloads]: EventPayloads[T] }>();
    expect(Object.keys(schemaMatchesTypes).sort()).toEqual([...EVENT_TYPES].sort());
    expectTypeOf<HistoryEvent['type']>().toEqualTypeOf<keyof SchemaPayloads>();
  });
});
