import { describe, expect, it } from 'vitest';
import type { HistoryEntry, RulebookFileEntry, ServerResult } from '../server-api/index.ts';
import { startFile, startHistory } from './start-choices.ts';

const histories = (...ids: string[]): ServerResult<readonly HistoryEntry[]> => ({ ok: true, value: ids.map((id) => ({ id, events: null })) });
const files = (...names: string[]): RulebookFileEntry[] => names.map((file) => ({ file, rulebooks: [] }));

describe('startHistory', () => {
  it("takes the link's history as it is, even one the server does not list", () => {
    expect(startHistory('nope', histories('worked-example'))).toBe('nope');
  });

  it('prefers real events, in the preference order, over the first listed', () => {
    expect(startHistory(null, histories('worked-example', 'ghana-switzerland', 'a62-ca-tool-2026-08-14'))).toBe('a62-ca-tool-2026-08-14');
    expect(startHistory(null, histories('worked-example', 'ghana-switzerland', 'thailand-switzerland'))).toBe('thailand-switzerland');
    expect(startHistory(null, histories('worked-example', 'synthetic'))).toBe('worked-example');
  });

  it('has none without a server or without histories', () => {
    expect(startHistory(null, histories())).toBeNull();
    expect(startHistory(null, { ok: false, issue: { code: 'editor.server_unreachable', message: 'server not reachable' } })).toBeNull();
  });
});

describe('startFile', () => {
  it("opens the link's file when stored, else the main rulebook, else the first stored", () => {
    expect(startFile('a64-itmo.a6', files('glasgow-2021.a6', 'a64-itmo.a6'))).toBe('a64-itmo.a6');
    expect(startFile('nope.a6', files('a64-itmo.a6', 'glasgow-2021.a6'))).toBe('glasgow-2021.a6');
    expect(startFile(null, files('a64-itmo.a6'))).toBe('a64-itmo.a6');
    expect(startFile(null, files())).toBeUndefined();
  });
});
