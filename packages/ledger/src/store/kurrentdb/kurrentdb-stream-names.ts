import { WORKSPACE_RULEBOOK_STREAM } from '../stream-for.ts';

/**
 * How one store's data is laid out in KurrentDB stream names (documented in docs/scaling.md):
 *
 * | our concept | KurrentDB stream |
 * |---|---|
 * | stream `S` of history `H` (`streamFor`: `registry-CH`, `party-GHA`, `ledger-decisions`, …) | `PREFIX/H/S` |
 * | head of history `H` (one `A6HistoryHeadAdvanced` per atomic append, written with an expected revision) | `PREFIX/H/head` |
 * | index of histories (one `A6HistoryStarted` per history) | `PREFIX.histories` |
 * | workspace of saved rulebook files (`RulebookSaved`) | `PREFIX.workspace-rulebooks` |
 * | (reserved) server token hashes, as layout-1 stores wrote them (`TokenPut`); no longer read or written | `PREFIX.tokens` |
 *
 * A history id cannot contain `/` and the prefix cannot contain `/` or `.`, so `PREFIX/H/` is a
 * prefix of exactly the streams of `H`: the `$all` filters select a history by stream-name prefix.
 * `head` cannot clash with a history stream: `streamFor` names start `registry-`, `party-`, `ledger-`.
 */
export function historyStreamPrefix(prefix: string, history: string): string {
  return `${prefix}/${history}/`;
}

export function eventStreamName(prefix: string, history: string, stream: string): string {
  return `${historyStreamPrefix(prefix, history)}${stream}`;
}

export function headStreamName(prefix: string, history: string): string {
  return `${historyStreamPrefix(prefix, history)}head`;
}

export function historiesStreamName(prefix: string): string {
  return `${prefix}.histories`;
}

export function workspaceStreamName(prefix: string): string {
  return `${prefix}.${WORKSPACE_RULEBOOK_STREAM}`;
}

/**
 * Where stores of layout 1 kept token hashes. Tokens now live in another store (`tokens=`,
 * docs/storage.md "Ports"); the name stays reserved so no history stream takes it and an operator
 * knows what to delete.
 */
export function tokensStreamName(prefix: string): string {
  return `${prefix}.tokens`;
}

/** `{history, stream}` of one of this store's history streams; `null` for anything else. */
export function parseHistoryStreamName(prefix: string, name: string): { history: string; stream: string } | null {
  if (!name.startsWith(`${prefix}/`)) return null;
  const rest = name.slice(prefix.length + 1);
  const slash = rest.indexOf('/');
  if (slash <= 0 || slash === rest.length - 1) return null;
  return { history: rest.slice(0, slash), stream: rest.slice(slash + 1) };
}
