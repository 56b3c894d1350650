import { describe, expect, it } from 'vitest';
import { parseHistoryLine } from './parse-history-line.ts';
import { VALID_LINES } from './valid-lines.fixture.ts';

/**
 * The optional facts the AEF needs (docs/aef.md "Facts the history may carry"): additive fields of
 * `ActivityRegistered`, `AuthorizationIssued` and `AccountOpened`. Old lines stay valid unchanged;
 * a wrong value is a located `history.*` issue like any other field's.
 */
const line = (type: string, data: Record<string, unknown>) => JSON.stringify({ type, at: '2021-01-07', data });

const authorization = {
  authorization: 'auth1',
  party: 'CHE',
  activity: 'a1',
  purposes: ['NDC', 'OIMP'],
  version: 2,
  metric: 'tCO2e',
  sector: 'energy',
  activityType: 'cookstoves',
  oimp: 'CORSIA',
  entities: ['klik'],
  terms: 'no use before 2025',
};

describe('the AEF facts of the history (optional fields)', () => {
  it('accepts them on ActivityRegistered, AuthorizationIssued and AccountOpened and keeps them verbatim', () => {
    const lines = [
      line('ActivityRegistered', { activity: 'a1', host: 'CHE', mechanism: '6.2', cooperativeApproach: 'CHE-GHA', mitigationType: 'emission_reduction', gwp: 'AR5' }),
      line('AuthorizationIssued', authorization),
      line('AccountOpened', { account: 'CH:1', kind: 'holding', holder: 'KliK Foundation', entity: 'klik' }),
    ];
    for (const text of lines) {
      const parsed = parseHistoryLine(text, 1);
      expect(parsed.ok, text).toBe(true);
      if (parsed.ok) expect(parsed.event.data).toEqual(JSON.parse(text).data);
    }
  });

  it('leaves the lines without them valid (old histories)', () => {
    for (const type of ['ActivityRegistered', 'AuthorizationIssued', 'AccountOpened'] as const) expect(parseHistoryLine(VALID_LINES[type], 1).ok, type).toBe(true);
  });

  it('reports a bad value where it is, with a stable code', () => {
    const issues = (data: Record<string, unknown>) => {
      const parsed = parseHistoryLine(line('AuthorizationIssued', data), 4);
      if (parsed.ok) throw new Error('expected issues');
      return parsed.issues.map(({ code, line: at, path }) => ({ code, line: at, path }));
    };
    expect(issues({ ...authorization, version: 0 })).toEqual([{ code: 'history.bad_value', line: 4, path: 'data.version' }]);
    expect(issues({ ...authorization, entities: 'klik' })).toEqual([{ code: 'history.bad_value', line: 4, path: 'data.entities' }]);
    expect(issues({ ...authorization, terms: '' })).toEqual([{ code: 'history.bad_value', line: 4, path: 'data.terms' }]);
    expect(issues({ ...authorization, gwp: 'AR5' })).toEqual([{ code: 'history.unknown_field', line: 4, path: 'data.gwp' }]);
  });
});
