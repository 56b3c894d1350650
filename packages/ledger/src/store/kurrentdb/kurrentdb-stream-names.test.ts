import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { streamFor } from '../stream-for.ts';
import { sampleHistory } from '../event-store.contract.ts';
import {
  eventStreamName,
  headStreamName,
  historiesStreamName,
  historyStreamPrefix,
  parseHistoryStreamName,
  tokensStreamName,
  workspaceStreamName,
} from './kurrentdb-stream-names.ts';

const historyId = fc.stringMatching(/^[A-Za-z0-9._-]{1,12}$/);
const prefix = fc.stringMatching(/^[A-Za-z0-9_-]{1,8}$/);
const logicalStream = fc.oneof(
  fc.stringMatching(/^[A-Z0-9-]{1,8}$/).map((registry) => `registry-${registry}`),
  fc.stringMatching(/^[A-Z]{3}$/).map((party) => `party-${party}`),
  fc.constantFrom('ledger-activities', 'ledger-authorizations', 'ledger-rulebooks', 'ledger-decisions'),
);

describe('KurrentDB stream names', () => {
  it('lays out one store', () => {
    const streams = [...new Set(sampleHistory().map(streamFor))].map((stream) => eventStreamName('a6', 'main', stream));
    expect(streams).toMatchInlineSnapshot(`
      [
        "a6/main/party-CHE",
        "a6/main/party-GHA",
        "a6/main/registry-CH",
        "a6/main/registry-GH",
        "a6/main/ledger-activities",
        "a6/main/ledger-rulebooks",
        "a6/main/ledger-decisions",
      ]
    `);
    expect([headStreamName('a6', 'main'), historiesStreamName('a6'), workspaceStreamName('a6'), tokensStreamName('a6')]).toEqual([
      'a6/main/head',
      'a6.histories',
      'a6.workspace-rulebooks',
      'a6.tokens',
    ]);
  });

  it('selects exactly one history by prefix, whatever the ids (so $all filters never leak)', () => {
    fc.assert(
      fc.property(prefix, historyId, historyId, logicalStream, (store, mine, other, stream) => {
        const name = eventStreamName(store, other, stream);
        expect(name.startsWith(historyStreamPrefix(store, mine))).toBe(mine === other);
        expect(headStreamName(store, other).startsWith(historyStreamPrefix(store, mine))).toBe(mine === other);
        for (const shared of [historiesStreamName(store), workspaceStreamName(store), tokensStreamName(store)]) {
          expect(shared.startsWith(historyStreamPrefix(store, mine))).toBe(false);
        }
        expect(parseHistoryStreamName(store, name)).toEqual({ history: other, stream });
        expect(stream.startsWith('head')).toBe(false);
      }),
    );
  });

  it('does not parse streams of another prefix or the shared streams as history streams', () => {
    expect(parseHistoryStreamName('a6', 'a6x/main/party-CHE')).toBeNull();
    expect(parseHistoryStreamName('a6', 'a6.tokens')).toBeNull();
    expect(parseHistoryStreamName('a6', 'a6/main/')).toBeNull();
  });
});
